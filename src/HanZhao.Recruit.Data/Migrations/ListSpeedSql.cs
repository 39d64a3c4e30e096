using Microsoft.EntityFrameworkCore.Migrations;

namespace HanZhao.Recruit.Data.Migrations;

/// <summary>
/// The index behind the review list's one- and two-character search (<c>q</c>), hand-written SQL a
/// migration runs (both providers' migrations call <see cref="Up"/> and <see cref="Down"/>).
/// A search of one or two characters is a lookup of a name, a reference number, an institution, a major
/// or an email address ("王伟", "清华", "AI"), so it searches only those short fields. The trigram index
/// (<see cref="ApplicationSearchSql"/>) cannot look up fewer than three characters, and a LIKE over the
/// short fields of 100,000 applications took ~18 ms per query (twice per page: the count and the page).
/// So, on SQLite, an FTS5 trigram table of "pairs": for each character of the short text (the fields
/// joined by <see cref="Marker"/>), the character and the next one followed by the marker, and the
/// character followed by the marker twice. A two-character search "ab" is then the trigram "ab·" and a
/// one-character search "a" the trigram "a··", looked up in the index (~0.5 ms for "王伟" at 100,000).
/// The marker is a control character no name, address or search holds (a search containing it matches
/// nothing), so no trigram of the form "ab·" spans two pairs or two fields. Pairs are built by the
/// triggers from <see cref="Positions"/> (a table of the numbers 1 to <see cref="MaxLength"/>): SQLite
/// allows no recursive CTE inside a trigger. Triggers keep the table in step with every write (insert,
/// update of a short field or the applicant, delete, which is also how erasure removes an application,
/// and a change of the applicant's email), whoever writes: EF, ExecuteUpdate or raw SQL. SQL Server has no
/// such table: its short search is a LIKE over the same short fields.
/// Part of a migration once released: change it only with a new migration.
/// </summary>
public static class ListSpeedSql
{
    public const string Table = "ApplicationShortSearch";

    public const string Positions = "ApplicationShortSearchPositions";

    /// <summary>
    /// How many characters of the joined short text are indexed: more than the model's longest
    /// (full name 100, Chinese name 50, reference 20, institution 200, major 200, email 256, five markers);
    /// <c>ShortSearchTests</c> checks the sum against the model.
    /// </summary>
    public const int MaxLength = 1024;

    /// <summary>U+001F (unit separator): joins the fields and ends each pair.</summary>
    public const char Marker = '\u001f';

    /// <summary>The short fields of <c>Applications</c> searched by one or two characters, in order (Email comes from the applicant's account).</summary>
    public static readonly IReadOnlyList<string> ApplicationColumns = ["FullName", "ChineseName", "ReferenceNumber", "Institution", "Major"];

    private const string M = "char(31)";

    /// <summary>The joined short text of the application row <paramref name="row"/> (<c>new</c>, <c>old</c> or an alias).</summary>
    private static string ShortText(string row) =>
        string.Join($" || {M} || ", ApplicationColumns.Select(c => $"coalesce({row}.{c}, '')"))
        + $" || {M} || coalesce((SELECT u.Email FROM AspNetUsers AS u WHERE u.Id = {row}.ApplicantId), '')";

    /// <summary>The pairs of a row's short text, as one string (the order of the pairs does not matter).</summary>
    private static string Pairs(string row) =>
        $"(SELECT group_concat(substr(t.s, p.n, 2) || {M} || substr(t.s, p.n, 1) || {M} || {M}, '') "
        + $"FROM (SELECT {ShortText(row)} AS s) AS t JOIN {Positions} AS p ON p.n <= length(t.s))";

    private static string Insert(string row) => $"INSERT INTO {Table} (rowid, Pairs) VALUES ({row}.Id, {Pairs(row)});";

    public static IReadOnlyList<string> SqliteUp { get; } =
    [
        $"CREATE TABLE {Positions} (n INTEGER PRIMARY KEY);",
        $"WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < {MaxLength}) INSERT INTO {Positions} (n) SELECT n FROM c;",
        // detail=none: every search is one trigram, so positions are not needed; case_sensitive 0: "ai" finds "AI".
        $"CREATE VIRTUAL TABLE {Table} USING fts5(Pairs, tokenize = 'trigram case_sensitive 0', detail = none);",
        $"INSERT INTO {Table} (rowid, Pairs) SELECT a.Id, {Pairs("a")} FROM Applications AS a;",
        $"CREATE TRIGGER {Table}_Insert AFTER INSERT ON Applications BEGIN {Insert("new")} END;",
        $"CREATE TRIGGER {Table}_Update AFTER UPDATE OF {string.Join(", ", ApplicationColumns)}, ApplicantId ON Applications BEGIN "
            + $"DELETE FROM {Table} WHERE rowid = old.Id; {Insert("new")} END;",
        $"CREATE TRIGGER {Table}_Delete AFTER DELETE ON Applications BEGIN DELETE FROM {Table} WHERE rowid = old.Id; END;",
        $"CREATE TRIGGER {Table}_Email AFTER UPDATE OF Email ON AspNetUsers BEGIN "
            + $"DELETE FROM {Table} WHERE rowid IN (SELECT a.Id FROM Applications AS a WHERE a.ApplicantId = new.Id); "
            + $"INSERT INTO {Table} (rowid, Pairs) SELECT a.Id, {Pairs("a")} FROM Applications AS a WHERE a.ApplicantId = new.Id; END;",
    ];

    public static IReadOnlyList<string> SqliteDown { get; } =
    [
        $"DROP TRIGGER IF EXISTS {Table}_Email;",
        $"DROP TRIGGER IF EXISTS {Table}_Delete;",
        $"DROP TRIGGER IF EXISTS {Table}_Update;",
        $"DROP TRIGGER IF EXISTS {Table}_Insert;",
        $"DROP TABLE IF EXISTS {Table};",
        $"DROP TABLE IF EXISTS {Positions};",
    ];

    /// <summary>
    /// The FTS5 phrase that finds <paramref name="search"/> (one or two characters, no <see cref="Marker"/>):
    /// its pair trigram, quoted so that nothing in it is FTS5 syntax.
    /// </summary>
    public static string Phrase(string search, int characters) =>
        "\"" + search.Replace("\"", "\"\"", StringComparison.Ordinal) + new string(Marker, 3 - characters) + "\"";

    public static void Up(MigrationBuilder b, bool sqlServer) => SqliteOnlySql.Run(b, sqlServer, SqliteUp);

    public static void Down(MigrationBuilder b, bool sqlServer) => SqliteOnlySql.Run(b, sqlServer, SqliteDown);
}
