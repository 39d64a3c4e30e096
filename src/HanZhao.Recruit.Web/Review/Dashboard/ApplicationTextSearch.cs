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
/// query (visibility, filters, sort, paging) composes with; on SQL Server, and for one or two
/// characters, a LIKE over the same text (docs/ARCHITECTURE.md, "Searching applications").
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
        ArgumentNullException.ThrowIfNull(search);
        if (search.Contains('\0', StringComparison.Ordinal))
        {
            // SQLite reads text only up to a NUL: MATCH fails ("unterminated string") and LIKE would
            // cut the pattern to "%", matching everything. No name, address or statement holds one.
            return applications.Where(_ => false);
        }

        // One or two characters (a Chinese surname, "王伟") have no trigram to look up. Of the two correct
        // answers, LIKE over the applications and LIKE over the index's own copy of the text, the first
        // measured faster at 100,000 applications (docs/PERFORMANCE.md, branch p-fts), and a page of
        // a common short text stops early; both read every row.
        if (!db.Database.IsSqlite() || CharacterCount(search) < IndexedLength)
        {
            return Like(applications, search);
        }

        var ids = MatchingIds(db, search);
        return applications.Where(a => ids.Contains(a.Id));
    }

    /// <summary>The ids of the applications whose indexed text contains <paramref name="search"/>, three characters or more (SQLite only).</summary>
    public static IQueryable<int> MatchingIds(RecruitDbContext db, string search)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(CharacterCount(search), IndexedLength, nameof(search));
        return db.Database.SqlQueryRaw<int>(IndexedSql, new SqliteParameter(Parameter, Phrase(search)));
    }

    // Made of constants only; the user's text is always the parameter.
    private static readonly string IndexedSql =
        $"SELECT rowid AS Value FROM {ApplicationSearchSql.Table} WHERE {ApplicationSearchSql.Table} MATCH {Parameter}";

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

    /// <summary>
    /// LIKE over the same text: SQL Server's search, and SQLite's for one or two characters.
    /// Case-insensitive (SQLite's LIKE for ASCII, SQL Server under the default collation).
    /// </summary>
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
