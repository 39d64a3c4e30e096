using Microsoft.EntityFrameworkCore.Migrations;

namespace HanZhao.Recruit.Data.Migrations;

/// <summary>Runs hand-written SQLite statements in a migration; SQL Server gets none (its tables and triggers do not exist).</summary>
public static class SqliteOnlySql
{
    public static void Run(MigrationBuilder b, bool sqlServer, IReadOnlyList<string> sqliteStatements)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(sqliteStatements);
        foreach (var statement in sqlServer ? [] : sqliteStatements)
        {
            b.Sql(statement);
        }
    }
}
