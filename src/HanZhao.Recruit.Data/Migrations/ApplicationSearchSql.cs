using Microsoft.EntityFrameworkCore.Migrations;

namespace HanZhao.Recruit.Data.Migrations;

/// <summary>
/// The full-text index staff search applications through (the review list's <c>q</c>), hand-written
/// SQL that a migration runs (both providers' migrations call <see cref="Up"/> and <see cref="Down"/>).
/// On SQLite: an FTS5 table with the trigram tokenizer, one row per application (rowid = the
/// application's id), so any substring of three or more characters is found through the index, in
/// Latin ("sing" in "Tsinghua", any case) and Chinese ("清华" is two characters: see the search's short
/// fallback) alike, where a word tokenizer would find neither. Triggers keep it in step with every write
/// (an insert, an update of a searched column, a delete, which is also how erasure removes an
/// application, and a change of the applicant's email), whoever writes: EF, ExecuteUpdate or raw SQL.
/// SQL Server has no such table: the search there stays a LIKE (docs/ARCHITECTURE.md says why).
/// Part of a migration once released: change it only with a new migration.
/// </summary>
public static class ApplicationSearchSql
{
    public const string Table = "ApplicationSearch";

    /// <summary>The searched columns of <c>Applications</c>, in the index's order (Email comes from the applicant's account).</summary>
    public static readonly IReadOnlyList<string> ApplicationColumns =
        ["FullName", "ChineseName", "ReferenceNumber", "Institution", "Major", "Statement", "ResearchExperience", "OtherInterests"];

    /// <summary>The index's columns: the application's searched columns and the applicant's email.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. ApplicationColumns, "Email"];

    private static string Values(string row) =>
        string.Join(", ", ApplicationColumns.Select(c => $"{row}.{c}")) + $", (SELECT u.Email FROM AspNetUsers AS u WHERE u.Id = {row}.ApplicantId)";

    private static string Insert(string row) =>
        $"INSERT INTO {Table} (rowid, {string.Join(", ", Columns)}) VALUES ({row}.Id, {Values(row)});";

    public static IReadOnlyList<string> SqliteUp { get; } =
    [
        // case_sensitive 0: "tsinghua" finds "Tsinghua", as the LIKE it replaces did.
        $"CREATE VIRTUAL TABLE {Table} USING fts5({string.Join(", ", Columns)}, tokenize = 'trigram case_sensitive 0');",
        $"INSERT INTO {Table} (rowid, {string.Join(", ", Columns)}) SELECT a.Id, {Values("a")} FROM Applications AS a;",
        $"CREATE TRIGGER {Table}_Insert AFTER INSERT ON Applications BEGIN {Insert("new")} END;",
        // Only a change of a searched column re-indexes: status changes and the like do not touch the index.
        $"CREATE TRIGGER {Table}_Update AFTER UPDATE OF {string.Join(", ", ApplicationColumns)}, ApplicantId ON Applications BEGIN "
            + $"DELETE FROM {Table} WHERE rowid = old.Id; {Insert("new")} END;",
        $"CREATE TRIGGER {Table}_Delete AFTER DELETE ON Applications BEGIN DELETE FROM {Table} WHERE rowid = old.Id; END;",
        $"CREATE TRIGGER {Table}_Email AFTER UPDATE OF Email ON AspNetUsers BEGIN "
            + $"UPDATE {Table} SET Email = new.Email WHERE rowid IN (SELECT a.Id FROM Applications AS a WHERE a.ApplicantId = new.Id); END;",
    ];

    public static IReadOnlyList<string> SqliteDown { get; } =
    [
        $"DROP TRIGGER IF EXISTS {Table}_Email;",
        $"DROP TRIGGER IF EXISTS {Table}_Delete;",
        $"DROP TRIGGER IF EXISTS {Table}_Update;",
        $"DROP TRIGGER IF EXISTS {Table}_Insert;",
        $"DROP TABLE IF EXISTS {Table};",
    ];

    public static void Up(MigrationBuilder b, bool sqlServer) => SqliteOnlySql.Run(b, sqlServer, SqliteUp);

    public static void Down(MigrationBuilder b, bool sqlServer) => SqliteOnlySql.Run(b, sqlServer, SqliteDown);
}
