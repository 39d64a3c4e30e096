using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.Dashboard;

/// <summary>
/// The review list's free-text search (<c>q</c>): the applications whose name (Latin or Chinese),
/// reference number, institution, major, statement, research experience, other interests or the
/// applicant's email contain the text, in any case. On SQLite through the FTS5 trigram index
/// (<see cref="ApplicationSearchSql"/>), as an "Id IN (matching rowids)" the rest of the list's
/// query (visibility, filters, sort, paging) composes with; on SQL Server a LIKE over the same text
/// (docs/ARCHITECTURE.md, "Searching applications").
/// </summary>
public static class ApplicationTextSearch
{
    /// <summary>The trigram tokenizer indexes three characters: a shorter text cannot use the index.</summary>
    public const int IndexedLength = 3;

    // Named apart from the parameters EF gives the rest of the list's query, so they never collide.
    private const string Parameter = "@ApplicationSearchText";

    public static IQueryable<Application> Matching(RecruitDbContext db, IQueryable<Application> applications, string search)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return Like(applications, search);
        }

        var ids = MatchingIds(db, search);
        return applications.Where(a => ids.Contains(a.Id));
    }

    /// <summary>The ids of the applications whose indexed text contains <paramref name="search"/> (SQLite only).</summary>
    public static IQueryable<int> MatchingIds(RecruitDbContext db, string search)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(search);
        return CharacterCount(search) >= IndexedLength
            ? db.Database.SqlQueryRaw<int>(IndexedSql, new SqliteParameter(Parameter, Phrase(search)))
            : db.Database.SqlQueryRaw<int>(ShortSql, new SqliteParameter(Parameter, LikePattern(search)));
    }

    // Both texts are made of constants only; the user's text is always the parameter.
    private static readonly string IndexedSql =
        $"SELECT rowid AS Value FROM {ApplicationSearchSql.Table} WHERE {ApplicationSearchSql.Table} MATCH {Parameter}";

    // One or two characters (a Chinese surname, "王伟"): no trigram to look up, so the index's own copy
    // of the text is read row by row: the same answer, at the cost of a scan of that table (measured in
    // docs/PERFORMANCE.md's notes), never of the applications.
    private static readonly string ShortSql =
        $"SELECT rowid AS Value FROM {ApplicationSearchSql.Table} WHERE "
        + string.Join(" OR ", ApplicationSearchSql.Columns.Select(c => $"{c} LIKE {Parameter} ESCAPE '\\'"));

    /// <summary>
    /// The text as one FTS5 phrase: inside double quotes (a quote doubled) nothing is syntax, so
    /// <c>AND</c>, <c>NEAR(</c>, <c>*</c>, <c>-</c>, <c>:</c> and <c>^</c> are searched for as they are;
    /// with the trigram tokenizer a phrase matches wherever the text occurs as a substring.
    /// </summary>
    public static string Phrase(string search) => "\"" + search.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>"%text%" with LIKE's wildcards and the escape character escaped.</summary>
    public static string LikePattern(string search) =>
        "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal) + "%";

    /// <summary>Characters as the tokenizer counts them: code points, so "𠀀" is one, not two UTF-16 units.</summary>
    public static int CharacterCount(string text) => text.EnumerateRunes().Count();

    /// <summary>SQL Server: LIKE over the same text, case-insensitive under the database's default collation.</summary>
    private static IQueryable<Application> Like(IQueryable<Application> applications, string search)
    {
        var pattern = LikePattern(search);
        return applications.Where(a =>
            EF.Functions.Like(a.FullName, pattern, "\\")
            || (a.ChineseName != null && EF.Functions.Like(a.ChineseName, pattern, "\\"))
            || (a.ReferenceNumber != null && EF.Functions.Like(a.ReferenceNumber, pattern, "\\"))
            || EF.Functions.Like(a.Institution, pattern, "\\")
            || EF.Functions.Like(a.Major, pattern, "\\")
            || (a.Statement != null && EF.Functions.Like(a.Statement, pattern, "\\"))
            || (a.ResearchExperience != null && EF.Functions.Like(a.ResearchExperience, pattern, "\\"))
            || (a.OtherInterests != null && EF.Functions.Like(a.OtherInterests, pattern, "\\"))
            || (a.Applicant!.Email != null && EF.Functions.Like(a.Applicant.Email, pattern, "\\")));
    }
}
