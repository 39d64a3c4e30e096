using HanZhao.Recruit.Web.Platform.Backups;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Platform.Backups;

/// <summary>The recurring copy under the test clock: one per period of its schedule, the newest N kept.</summary>
public sealed class ScheduledBackupTests
{
    [Fact]
    public async Task The_recurring_copy_is_made_once_per_period_named_by_the_period_and_only_the_newest_three_are_kept()
    {
        using var backups = new TemporaryDirectory("scheduled-backups");
        await using var app = AppWithBackups(backups.Path, keep: "3");
        // Spring2026 is 09:00 on 2 March in Shanghai: the daily 03:00 period began at 19:00 UTC on 1 March.
        var first = await RunAsync(app);
        Assert.Null(first.Problem);
        Assert.Equal(Path.Combine(backups.Path, "recruit-20260301-190000Z.db"), first.File);

        app.Clock.Advance(TimeSpan.FromHours(12));
        var again = await RunAsync(app);
        Assert.True(again.AlreadyThere);
        Assert.Single(BackupFiles.In(backups.Path));

        // Four more days: the periods that began at 19:00 UTC on 2, 3, 4 and 5 March.
        for (var day = 0; day < 4; day++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Null((await RunAsync(app)).Problem);
        }

        Assert.Equal(["recruit-20260303-190000Z.db", "recruit-20260304-190000Z.db", "recruit-20260305-190000Z.db"],
            BackupFiles.In(backups.Path).Select(Path.GetFileName));
        Assert.All(BackupFiles.In(backups.Path), f => Assert.Null(SqliteCopies.Problem(f)));
    }

    [Fact]
    public async Task Keeping_zero_copies_still_keeps_the_newest_and_files_that_are_not_copies_are_left_alone()
    {
        using var backups = new TemporaryDirectory("scheduled-backups");
        var operatorsNote = Path.Combine(backups.Path, "recruit-notes.txt");
        await File.WriteAllTextAsync(operatorsNote, "kept by hand");
        await using var app = AppWithBackups(backups.Path, keep: "0");

        await RunAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var newest = await RunAsync(app);

        Assert.Equal([newest.File!], BackupFiles.In(backups.Path));
        Assert.True(File.Exists(operatorsNote));
    }

    [Theory]
    [InlineData("0 3 * * *", "2026-03-02T10:30:00Z", "2026-03-01T19:00:00Z")]
    [InlineData("0 3 * * *", "2026-03-02T19:00:00Z", "2026-03-02T19:00:00Z")]
    [InlineData("*/15 * * * *", "2026-03-02T10:31:00Z", "2026-03-02T10:30:00Z")]
    [InlineData("0 4 * * 1", "2026-03-05T00:00:00Z", "2026-03-01T20:00:00Z")]
    public void The_period_is_the_last_time_the_schedule_fired_in_Shanghai(string schedule, string now, string start) =>
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            ScheduledBackup.PeriodStart(schedule, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_job_server_schedules_the_copy_daily_at_three_in_Shanghai_only_when_a_folder_is_configured(bool configured)
    {
        using var backups = new TemporaryDirectory("scheduled-backups");
        await using var app = AppWithBackups(configured ? backups.Path : string.Empty, keep: "7");
        app.Settings["Jobs:Enabled"] = "true";

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == ScheduledBackup.JobId);

        Assert.Equal(configured, job is not null);
        if (job is not null)
        {
            Assert.Equal(("0 3 * * *", "Asia/Shanghai"), (job.Cron, job.TimeZoneId));
        }
    }

    private static RecruitAppFactory AppWithBackups(string folder, string keep)
    {
        var app = new RecruitAppFactory();
        app.Settings["Jobs:Enabled"] = "false";
        app.Settings["Recruit:Backup:Folder"] = folder;
        app.Settings["Recruit:Backup:Keep"] = keep;
        return app;
    }

    private static async Task<BackupResult> RunAsync(RecruitAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledBackup>().RunAsync(CancellationToken.None);
    }
}
