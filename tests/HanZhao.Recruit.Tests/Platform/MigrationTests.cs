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
    public async Task The_hardening_migration_gives_existing_documents_their_places_and_removes_only_what_the_old_limits_let_through()
    {
        using var folder = new TemporaryDirectory("migrate-slots");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.Path, "before.db") }.ToString();
        await using (var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, connectionString)))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await db.Database.OpenConnectionAsync();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_Hardening", StringComparison.Ordinal)) - 1]);
            // Documents alone, as the races left them; their applications do not matter here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
            var documents = new (int Id, int Application, string Kind)[]
            {
                (1, 1, "Cv"), (2, 1, "Cv"), (3, 1, "Transcript"),
                (4, 1, "Other"), (5, 1, "Other"), (6, 1, "Other"), (7, 1, "Other"), (8, 2, "Other"),
            };
            foreach (var (id, application, kind) in documents)
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO ApplicationDocuments (Id, ApplicationId, Kind, FileName, SizeBytes, Sha256, UploadedAtUtc) VALUES ({id}, {application}, {kind}, 'f.pdf', 1, 'x', '2026-01-01 00:00:00')");
                await db.Database.ExecuteSqlAsync($"INSERT INTO DocumentContents (DocumentId, Bytes) VALUES ({id}, x'25')");
            }

            await migrator.MigrateAsync();

            // The newest CV stays (a new one replaces the old), the three oldest others stay (the fourth was refused).
            var kept = await db.ApplicationDocuments.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Slot }).ToListAsync();
            Assert.Equal([(2, 0), (3, 0), (4, 0), (5, 1), (6, 2), (8, 0)], kept.Select(d => (d.Id, d.Slot)));
            Assert.Equal(kept.Select(d => d.Id), await db.DocumentContents.OrderBy(c => c.DocumentId).Select(c => c.DocumentId).ToListAsync());
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
