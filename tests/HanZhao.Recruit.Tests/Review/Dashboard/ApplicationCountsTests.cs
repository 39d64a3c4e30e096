using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Migrations;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.Dashboard;

/// <summary>
/// The counts the professor's dashboard reads (<see cref="ApplicationCountsSql"/>, kept by triggers)
/// stay equal to counting the applications, whatever writes: EF inserts, ExecuteUpdate of each counted
/// column, raw SQL, deletes (as erasure does); and the dashboard shows them.
/// </summary>
public sealed partial class ApplicationCountsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_stored_counts_equal_the_applications_counted_after_every_kind_of_write()
    {
        var made = new List<Application>();
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            var applicant = await app.CreateApplicantAsync();
            made.Add(await app.CreateApplicationAsync(applicant, status));
            made.Add(await app.CreateApplicationAsync(applicant, status));
        }

        await AssertInStepAsync("after EF inserts");

        await using (var db = app.CreateDbContext())
        {
            await db.Applications.Where(a => a.Id == made[2].Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, ApplicationStatus.Rejected));
            await db.Applications.Where(a => a.Id == made[3].Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Route, AdmissionRoute.Recommended));
            var other = await db.Intakes.Where(i => i.Id != made[4].IntakeId).Select(i => i.Id).FirstAsync();
            await db.Applications.Where(a => a.Id == made[4].Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.IntakeId, other));
            // A change of nothing counted, and a "change" to the same value: the counts stay.
            await db.Applications.Where(a => a.Id == made[5].Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.FullName, "Renamed").SetProperty(a => a.Status, made[5].Status));
            var tracked = await db.Applications.SingleAsync(a => a.Id == made[6].Id);
            tracked.Status = ApplicationStatus.Withdrawn;
            tracked.Route = AdmissionRoute.NationalExam;
            await db.SaveChangesAsync();
            await db.Applications.Where(a => a.Id == made[7].Id || a.Id == made[8].Id).ExecuteDeleteAsync();
        }

        await AssertInStepAsync("after updates and deletes through EF");

        await using (var connection = new SqliteConnection(app.SqliteConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // made[9]'s other application (made[8]) is gone, so it may change program.
            command.CommandText = $"UPDATE Applications SET Status = 'Offer', Program = CASE Program WHEN 'PhD' THEN 'Master' ELSE 'PhD' END WHERE Id = {made[9].Id}; "
                + $"UPDATE Applications SET Status = 'Accepted' WHERE Id = {made[10].Id}; "
                + $"DELETE FROM Applications WHERE Id = {made[11].Id};";
            await command.ExecuteNonQueryAsync();
        }

        await AssertInStepAsync("after raw SQL");
    }

    [Fact]
    public async Task The_professors_dashboard_shows_the_stored_counts_and_they_follow_a_decision()
    {
        var applicant = await app.CreateApplicantAsync();
        var application = await app.CreateApplicationAsync(applicant, ApplicationStatus.Interview);
        await AssertInStepAsync("after the insert");
        var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        var before = Interviews(await professor.GetStringAsync("/review"));
        await using (var db = app.CreateDbContext())
        {
            await db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, ApplicationStatus.Offer));
        }

        var after = Interviews(await professor.GetStringAsync("/review"));

        Assert.Equal(before - 1, after);
        await AssertInStepAsync("after the decision");
    }

    /// <summary>The number of the status filter's "Interview" link in the counts table, summed over its intakes.</summary>
    private static int Interviews(string html) =>
        InterviewCount().Matches(html).Sum(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));

    private async Task AssertInStepAsync(string when)
    {
        await using var connection = new SqliteConnection(app.SqliteConnectionString);
        await connection.OpenAsync();
        var stored = await RowsAsync(connection, ApplicationCountsSql.SelectSql);
        var counted = await RowsAsync(connection, "SELECT IntakeId, Program, Status, Route, COUNT(*) FROM Applications GROUP BY IntakeId, Program, Status, Route");

        Assert.True(stored.SequenceEqual(counted), $"{when}: stored\n{string.Join("\n", stored)}\ncounted\n{string.Join("\n", counted)}");
        Assert.NotEmpty(counted);
    }

    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetInt64(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)} {reader.GetInt64(4)}");
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"status=Interview[^""]*"">(?<n>[0-9]+)<")]
    private static partial Regex InterviewCount();
}
