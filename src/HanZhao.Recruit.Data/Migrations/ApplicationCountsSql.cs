using Microsoft.EntityFrameworkCore.Migrations;

namespace HanZhao.Recruit.Data.Migrations;

/// <summary>
/// How many applications each intake, program, status and route holds, kept in step by triggers
/// (hand-written SQL a migration runs; both providers' migrations call <see cref="Up"/> and
/// <see cref="Down"/>). The professor's dashboard shows these counts on every visit: read from here
/// they are a few hundred rows, where counting them read an index entry per application (100 000).
/// On SQLite: one row per combination; an insert adds one, a delete (erasure too) takes one away, an
/// update of one of the four columns moves one, whoever writes: EF, ExecuteUpdate or raw SQL; a row
/// that reaches 0 is removed. The triggers run inside the writer's transaction, so a reader sees the
/// counts of the rows it sees. SQL Server has no such table: its dashboard counts with a GROUP BY.
/// SQLite's generator rebuilds a table at the end of some migrations, which drops its triggers: run
/// <see cref="Up"/> in a migration of its own after any rebuild of <c>Applications</c>
/// (<c>ApplicationCountsTests</c> fails when the counts drift).
/// Part of a migration once released: change it only with a new migration.
/// </summary>
public static class ApplicationCountsSql
{
    public const string Table = "ApplicationCounts";

    private const string Key = "IntakeId, Program, Status, Route";

    private static string Add(string row) =>
        $"INSERT INTO {Table} ({Key}, Count) VALUES ({row}.IntakeId, {row}.Program, {row}.Status, {row}.Route, 1) "
        + $"ON CONFLICT ({Key}) DO UPDATE SET Count = Count + 1;";

    private static string Remove(string row) =>
        $"UPDATE {Table} SET Count = Count - 1 WHERE IntakeId = {row}.IntakeId AND Program = {row}.Program AND Status = {row}.Status AND Route = {row}.Route; "
        + $"DELETE FROM {Table} WHERE IntakeId = {row}.IntakeId AND Program = {row}.Program AND Status = {row}.Status AND Route = {row}.Route AND Count <= 0;";

    public static IReadOnlyList<string> SqliteUp { get; } =
    [
        $"CREATE TABLE {Table} (IntakeId INTEGER NOT NULL, Program TEXT NOT NULL, Status TEXT NOT NULL, Route TEXT NOT NULL, Count INTEGER NOT NULL, "
            + $"PRIMARY KEY ({Key})) WITHOUT ROWID;",
        $"INSERT INTO {Table} ({Key}, Count) SELECT {Key}, COUNT(*) FROM Applications GROUP BY {Key};",
        $"CREATE TRIGGER {Table}_Insert AFTER INSERT ON Applications BEGIN {Add("new")} END;",
        $"CREATE TRIGGER {Table}_Update AFTER UPDATE OF {Key} ON Applications "
            + "WHEN old.IntakeId IS NOT new.IntakeId OR old.Program IS NOT new.Program OR old.Status IS NOT new.Status OR old.Route IS NOT new.Route "
            + $"BEGIN {Remove("old")} {Add("new")} END;",
        $"CREATE TRIGGER {Table}_Delete AFTER DELETE ON Applications BEGIN {Remove("old")} END;",
    ];

    public static IReadOnlyList<string> SqliteDown { get; } =
    [
        $"DROP TRIGGER IF EXISTS {Table}_Delete;",
        $"DROP TRIGGER IF EXISTS {Table}_Update;",
        $"DROP TRIGGER IF EXISTS {Table}_Insert;",
        $"DROP TABLE IF EXISTS {Table};",
    ];

    /// <summary>The counts the dashboard reads (SQLite only), one row per intake, program, status and route.</summary>
    public const string SelectSql = $"SELECT {Key}, Count FROM {Table}";

    public static void Up(MigrationBuilder b, bool sqlServer) => SqliteOnlySql.Run(b, sqlServer, SqliteUp);

    public static void Down(MigrationBuilder b, bool sqlServer) => SqliteOnlySql.Run(b, sqlServer, SqliteDown);
}
