using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Tests.Notifications;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Reliability.Instances;

/// <summary>
/// Recurring jobs on several instances: with SQLite each process keeps Hangfire's schedule in memory,
/// so every instance runs each job at its time. A started process has no test clock, so these run the
/// job's entry point on two in-process apps (two <see cref="RecruitAppFactory"/>s, two service
/// providers, one SQLite file) at the same test-clock moment, as two instances' schedulers would.
/// The reminders are once per reminder by their own conditional updates, shown by
/// InterviewReminderTests.Two_runs_at_once_queue_one_reminder_per_booking and
/// LetterReminderTests.Four_runs_of_the_job_at_once_send_one_reminder_with_one_link (runs at once on
/// one database are what two instances are); retention by RetentionJob's day row.
/// </summary>
public sealed class RecurringJobsAcrossInstancesTests : IDisposable
{
    private const string Professor = "hanzhao@recruit.test";
    private readonly RecruitAppFactory _a = new();
    private readonly RecruitAppFactory _b = new();

    public RecurringJobsAcrossInstancesTests()
    {
        foreach (var app in new[] { _a, _b })
        {
            app.Settings["Recruit:ProfessorEmail"] = Professor;
            app.Settings["Jobs:Enabled"] = "false";
        }

        // B on A's data folder: the same database file.
        _b.Settings["Recruit:DataPath"] = _a.DataPath;
    }

    [Fact]
    public async Task Both_instances_running_the_daily_digest_at_the_same_moment_queue_one_digest_and_a_later_run_that_day_none()
    {
        _ = _a.Services;
        _ = _b.Services;
        var morning = _a.Clock.GetUtcNow();
        _a.Clock.Freeze(morning);
        _b.Clock.Freeze(morning);
        await DailyDigestTests.AddApplicationAsync(_a, null, "Across Instances", "Zhejiang University", ApplicationStatus.Submitted, submittedHoursAgo: 3);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => RunDigestAsync(i % 2 == 0 ? _a : _b)));

        Assert.Single(runs, queued => queued);
        // Later the same day, with news since: the day's digest has gone, the news waits for tomorrow's.
        _a.Clock.Advance(TimeSpan.FromHours(2));
        await DailyDigestTests.AddApplicationAsync(_a, null, "Later Applicant", "Fudan University", ApplicationStatus.Submitted, submittedHoursAgo: 0);
        Assert.False(await RunDigestAsync(_a));

        await using var db = _a.CreateDbContext();
        Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.Kind == EmailCatalogue.DailyDigest.Name));
        Assert.Equal(1, await db.PeriodicRuns.CountAsync(r => r.JobId == DailyDigest.JobId));

        _a.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await RunDigestAsync(_a));
    }

    private static async Task<bool> RunDigestAsync(RecruitAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DailyDigest>().QueueAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }
}
