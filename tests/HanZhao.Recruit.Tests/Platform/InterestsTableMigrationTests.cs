using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Review.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The list-at-scale migration (branch p-list; its SQL is Data/Migrations/InterestsTableSql.cs) on a
/// database built at the migration before it: interests stored as "1,3" become rows, and the score
/// figures the list sorts by are filled from the scores already given.
/// </summary>
public class InterestsTableMigrationTests
{
    /// <summary>The migration that moves the interests: the lead's combined migration takes this name over at the merge.</summary>
    private const string Migration = "_ScaleAndInstances";

    [Fact]
    public async Task Interests_stored_as_text_become_rows_and_existing_scores_give_the_stored_figures()
    {
        using var folder = new TemporaryDirectory("migrate-interests");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.Path, "before.db") }.ToString();
        await using (var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, connectionString)))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await db.Database.OpenConnectionAsync();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal)) - 1]);
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Intakes (Id, Code, EnrollmentDate, Programs, IsOpen) VALUES (1, '2027.09', '2027-09-01', 3, 1)");
            foreach (var id in new[] { 1, 2, 3 })
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO ResearchInterests (Id, SortOrder, Name_En, Name_Zh) VALUES ({id}, {id}, 'Interest', '方向')");
            }

            // "9" is no interest (any more), " 2" has a space, "x" is no number: only real interests become rows.
            var stored = new (int Id, string Interests)[] { (1, "1,3"), (2, ""), (3, "2"), (4, "9, 2,x,2") };
            var (columns, values) = await RequiredColumnsAsync(db, "Applications", "ApplicantId", "IntakeId", "ResearchInterestIds");
            var (userColumns, userValues) = await RequiredColumnsAsync(db, "AspNetUsers");
            foreach (var (id, interests) in stored)
            {
                // Its applicant too: moving the column rebuilds the table, which checks its foreign keys.
                var user = $"INSERT INTO AspNetUsers (Id{userColumns}) VALUES ('u{id}'{userValues})";
                await db.Database.ExecuteSqlRawAsync(user);
                var insert = $"INSERT INTO Applications (Id, ApplicantId, IntakeId, ResearchInterestIds{columns}) VALUES ({id}, 'u{id}', 1, {{0}}{values})";
                await db.Database.ExecuteSqlRawAsync(insert, interests);
            }

            // Reviewer r1 scored two applications (so their leniency counts), r2 one.
            var scores = new (int Application, string Reviewer, int Value)[] { (1, "r1", 5), (3, "r1", 3), (1, "r2", 2), (3, "r2", 2), (4, "r3", 4) };
            foreach (var (application, reviewer, value) in scores)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO ApplicationScores (ApplicationId, ReviewerId, ResearchFit, AcademicRecord, Skills, Communication, UpdatedAtUtc)
                    VALUES ({application}, {reviewer}, {value}, {value}, {value}, {value + (value < 5 ? 1 : -1)}, '2026-01-01 00:00:00')
                    """);
            }

            await migrator.MigrateAsync();

            var rows = await db.ApplicationInterests.AsNoTracking().OrderBy(i => i.ApplicationId).ThenBy(i => i.ResearchInterestId)
                .Select(i => new { i.ApplicationId, i.ResearchInterestId }).ToListAsync();
            Assert.Equal([(1, 1), (1, 3), (3, 2), (4, 2)], rows.Select(r => (r.ApplicationId, r.ResearchInterestId)));

            var samples = await db.ApplicationScores.AsNoTracking()
                .Select(s => new ScoreSample(s.ReviewerId, s.ApplicationId, (s.ResearchFit + s.AcademicRecord + s.Skills + s.Communication) / 4.0)).ToListAsync();
            var fair = new FairScores(samples);
            var figures = await db.Applications.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.ScoreCount, a.AverageScore, a.NormalisedScore }).ToListAsync();
            foreach (var application in figures)
            {
                var mine = samples.Where(s => s.ApplicationId == application.Id).ToList();
                Assert.Equal(mine.Count, application.ScoreCount);
                Assert.Equal(mine.Count == 0 ? null : mine.Average(s => s.Average), application.AverageScore);
                Assert.Equal(fair.NormalisedAverage(mine) is { } normalised ? Math.Round(normalised, 9) : (double?)null, application.NormalisedScore is { } n ? Math.Round(n, 9) : (double?)null);
            }

            Assert.Equal([2, 0, 2, 1], figures.Select(f => f.ScoreCount));

            // And back: the rows become "1,3" again.
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal)) - 1]);
            var text = await db.Database.SqlQueryRaw<string>("SELECT ResearchInterestIds AS Value FROM Applications ORDER BY Id").ToListAsync();
            Assert.Equal(["1,3", "", "2", "2"], text);
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// The table's required columns without a default (but the key and <paramref name="except"/>), and a
    /// plain value for each (0 or ''), as ", A, B" and ", 0, ''": rows of an older version whatever it holds.
    /// </summary>
    internal static async Task<(string Columns, string Values)> RequiredColumnsAsync(RecruitDbContext db, string table, params string[] except)
    {
        var required = await db.Database.SqlQueryRaw<string>(
            "SELECT name || ' ' || CASE WHEN type IN ('INTEGER', 'REAL') THEN '0' ELSE quote('') END AS Value FROM pragma_table_info({0}) "
            + "WHERE \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0", table).ToListAsync();
        var kept = required.Select(r => r.Split(' ')).Where(r => !except.Contains(r[0], StringComparer.Ordinal)).ToList();
        return (string.Concat(kept.Select(r => ", " + r[0])), string.Concat(kept.Select(r => ", " + r[1])));
    }
}
