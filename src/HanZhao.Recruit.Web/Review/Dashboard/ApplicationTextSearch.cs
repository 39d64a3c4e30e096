using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.Dashboard;

/// <summary>
/// The review list's free-text search (<c>q</c>). Three characters or more: the applications whose name
/// (Latin or Chinese), reference number, institution, major, statement, research experience, other
/// interests or the applicant's email contain the text, in any case; on SQLite through the FTS5 trigram
/// index (<see cref="ApplicationSearchSql"/>). One or two characters are a lookup of a name, a place or an
/// id ("王伟", "清华", "AI"): only the short fields (the names, reference number, institution, major and the
/// applicant's email) are searched; on SQLite through the pair index (<see cref="ListSpeedSql"/>). Either
/// way the match is an "Id IN (matching rowids)" that the rest of the list's query (visibility, filters,
/// sort, paging) composes with; on SQL Server a LIKE over the same fields (docs/ARCHITECTURE.md,
/// "Searching applications").
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
        if (search.Contains('\0', StringComparison.Ordinal) || search.Contains(ListSpeedSql.Marker, StringComparison.Ordinal))
        {
            // SQLite reads text only up to a NUL: MATCH fails ("unterminated string") and LIKE would
            // cut the pattern to "%", matching everything. The pair index's marker would match across
            // pairs. No name, address or statement holds either.
            return applications.Where(_ => false);
        }

        var characters = CharacterCount(search);
        if (characters < IndexedLength)
        {
            return db.Database.IsSqlite() ? WithIds(applications, ShortIds(db, search, characters)) : Like(applications, search, longFields: false);
        }

        return db.Database.IsSqlite() ? WithIds(applications, MatchingIds(db, search)) : Like(applications, search, longFields: true);
    }

    /// <summary>Whether a search of <paramref name="search"/> looks in the short fields only (one or two characters).</summary>
    public static bool IsShort(string search) => CharacterCount(search) < IndexedLength;

    private static IQueryable<Application> WithIds(IQueryable<Application> applications, IQueryable<int> ids) =>
        applications.Where(a => ids.Contains(a.Id));

    /// <summary>The ids of the applications whose short fields contain <paramref name="search"/>, one or two characters (SQLite only).</summary>
    private static IQueryable<int> ShortIds(RecruitDbContext db, string search, int characters) =>
        db.Database.SqlQueryRaw<int>(ShortSql, new SqliteParameter(Parameter, ListSpeedSql.Phrase(search, characters)));

    // Made of constants only; the user's text is always the parameter.
    private static readonly string ShortSql =
        $"SELECT rowid AS Value FROM {ListSpeedSql.Table} WHERE {ListSpeedSql.Table} MATCH {Parameter}";

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
    /// SQL Server's search: a LIKE over the same fields, the short ones only (<see cref="ListSpeedSql.ApplicationColumns"/>
    /// and the email) when <paramref name="longFields"/> is false. Case-insensitive under the default collation.
    /// </summary>
    private static IQueryable<Application> Like(IQueryable<Application> applications, string search, bool longFields)
    {
        var pattern = LikePattern(search);
        return applications.Where(a =>
            EF.Functions.Like(a.FullName, pattern, "\\")
            || (a.ChineseName != null && EF.Functions.Like(a.ChineseName, pattern, "\\"))
            || (a.ReferenceNumber != null && EF.Functions.Like(a.ReferenceNumber, pattern, "\\"))
            || EF.Functions.Like(a.Institution, pattern, "\\")
            || EF.Functions.Like(a.Major, pattern, "\\")
            || (a.Applicant!.Email != null && EF.Functions.Like(a.Applicant.Email, pattern, "\\"))
            || (longFields && ((a.Statement != null && EF.Functions.Like(a.Statement, pattern, "\\"))
                || (a.ResearchExperience != null && EF.Functions.Like(a.ResearchExperience, pattern, "\\"))
                || (a.OtherInterests != null && EF.Functions.Like(a.OtherInterests, pattern, "\\")))));
    }
}
