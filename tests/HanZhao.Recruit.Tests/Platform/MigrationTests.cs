using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HanZhao.Recruit.Tests.Platform;

public class MigrationTests
{
    // No SQL Server runs here; nothing below opens this connection.
    private const string UnusedSqlServer = "Server=localhost;Database=HanZhaoRecruit;Trusted_Connection=True;TrustServerCertificate=True";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.SqlServer, UnusedSqlServer)]
    public void Migrations_do_not_lag_the_model(DatabaseProvider provider, string connectionString)
    {
        using var db = new RecruitDbContext(RecruitDatabase.CreateOptions(provider, connectionString));

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes with no {provider} migration: run migrations/add-migration.sh NAME");
    }

    [Fact]
    public void Both_sets_have_the_same_migrations_in_the_same_order()
    {
        using var sqlite = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, "Data Source=unused.db"));
        using var sqlServer = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.SqlServer, UnusedSqlServer));

        // Ids are "<timestamp>_<Name>"; the timestamps differ by the seconds between the two adds.
        static IEnumerable<string> Names(RecruitDbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public async Task Sqlite_set_applies_from_empty()
    {
        using var folder = new TemporaryDirectory("migrate");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.Path, "empty.db") }.ToString();
        await using (var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, connectionString)))
        {
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());

            var tables = await db.Database
                .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'")
                .ToListAsync();
            Assert.Superset(
                new HashSet<string> { "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserTokens", "DataProtectionKeys" },
                tables.ToHashSet());
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void SqlServer_idempotent_script_generates_and_creates_the_identity_tables()
    {
        using var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.SqlServer, UnusedSqlServer));

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in new[] { "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "AspNetRoleClaims", "DataProtectionKeys" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        // Idempotent: every migration is guarded by a check of the history table.
        foreach (var id in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{id}'", script, StringComparison.Ordinal);
        }
    }
}
