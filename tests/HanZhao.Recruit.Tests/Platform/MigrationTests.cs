using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
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
    public async Task The_recruiting_cycle_migration_turns_stored_ranks_tests_and_scores_into_figures_and_keeps_every_route_open()
    {
        using var folder = new TemporaryDirectory("migrate-cycle");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.Path, "before.db") }.ToString();
        await using (var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, connectionString)))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await db.Database.OpenConnectionAsync();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_RecruitingCycle", StringComparison.Ordinal)) - 1]);
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Intakes (Id, Code, EnrollmentDate, Programs, IsOpen) VALUES (1, '2027.09', '2027-09-01', 3, 1)");
            var rows = new (int Id, string? Ranking, string? Test, string? Score, double? Gpa, double? Scale)[]
            {
                (1, "3/120", "IELTS", "7.5", 3.6, 4.0),
                (2, " 12 / 300 ", "CET-6", "560", 88, 100),
                (3, "top 5%", "Other", "band 7", null, null),
                (4, null, "None", null, 3.9, null),
            };
            var (userColumns, userValues) = await InterestsTableMigrationTests.RequiredColumnsAsync(db, "AspNetUsers");
            foreach (var (id, ranking, test, score, gpa, scale) in rows)
            {
                // The applicant exists: a later migration rebuilds the table, which checks its foreign keys.
                var user = $"INSERT INTO AspNetUsers (Id{userColumns}) VALUES ('u{id}'{userValues})";
                await db.Database.ExecuteSqlRawAsync(user);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO Applications (Id, ApplicantId, IntakeId, Program, Status, Culture, FullName, Phone, Institution, Degree, Major,
                        ResearchInterestIds, CreatedAtUtc, UpdatedAtUtc, Ranking, EnglishTest, EnglishScore, Gpa, GpaScale)
                    VALUES ({id}, {"u" + id}, 1, 'PhD', 'Submitted', 'en', 'A', '1', 'I', 'D', 'M', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00',
                        {ranking}, {test}, {score}, {gpa}, {scale})
                    """);
            }

            await migrator.MigrateAsync();

            var after = await db.Applications.AsNoTracking().OrderBy(a => a.Id)
                .Select(a => new { a.RankPosition, a.CohortSize, a.EnglishTest, a.EnglishScore, a.GpaPercent, a.Route }).ToListAsync();
            Assert.Equal((3, 120, EnglishTest.Ielts, 7.5), (after[0].RankPosition!.Value, after[0].CohortSize!.Value, after[0].EnglishTest!.Value, after[0].EnglishScore!.Value));
            Assert.Equal(90, after[0].GpaPercent!.Value, 6);
            Assert.Equal((12, 300, EnglishTest.Cet6, 560.0, 88.0), (after[1].RankPosition!.Value, after[1].CohortSize!.Value, after[1].EnglishTest!.Value, after[1].EnglishScore!.Value, after[1].GpaPercent!.Value));
            // Text that is not two numbers, a test we do not know and a score that is not a number are left out, never guessed.
            Assert.Equal((null, null, null, null, null), (after[2].RankPosition, after[2].CohortSize, after[2].EnglishTest, after[2].EnglishScore, after[2].GpaPercent));
            Assert.Null(after[3].GpaPercent);
            Assert.All(after, a => Assert.Equal(AdmissionRoute.None, a.Route));
            Assert.Equal(AdmissionRoutes.All, (await db.Intakes.AsNoTracking().SingleAsync()).Routes);
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task The_letter_links_migration_keeps_every_link_already_emailed_working()
    {
        using var folder = new TemporaryDirectory("migrate-letter-links");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.Path, "before.db") }.ToString();
        var token = HanZhao.Recruit.Web.Platform.Security.LinkTokens.New();
        var hash = HanZhao.Recruit.Web.Platform.Security.LinkTokens.Hash(token);
        await using (var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, connectionString)))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await db.Database.OpenConnectionAsync();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_LetterLinks", StringComparison.Ordinal)) - 1]);
            // A request as the previous version stored it, its token hash on the row; its application does not matter here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
            await db.Database.ExecuteSqlAsync($"INSERT INTO LetterRequests (Id, ApplicationId, RefereeName, RefereeEmail, RefereeInstitution, Relationship, Culture, ApplicantWaivedAccess, TokenHash, State, RequestedAtUtc, ExpiresAtUtc, RemindersSent) VALUES (7, 1, 'Prof. Wang', 'wang@example.edu', 'ZJU', 'Supervisor', 'en', 1, {hash}, 'Requested', '2026-03-02 01:00:00', '2026-04-01 01:00:00', 0)");

            await migrator.MigrateAsync();

            var link = await db.LetterLinks.AsNoTracking().SingleAsync();
            Assert.Equal((7, hash, new DateTime(2026, 3, 2, 1, 0, 0)), (link.LetterRequestId, link.TokenHash, link.IssuedAtUtc));
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
