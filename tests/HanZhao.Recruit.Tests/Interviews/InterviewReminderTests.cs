using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Tests.Review.Applications;
using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Notifications;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Interviews;

/// <summary>
/// The applicant's reminder 24 hours before the interview, from the recurring job under the test
/// clock, received from the real SMTP server: once per booking of a slot, in the applicant's language,
/// none for a cancelled slot or one further away, one at once for a late booking, one again after a
/// reschedule, and one only when two runs race.
/// </summary>
public sealed class InterviewReminderTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private RecruitAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _app = Notifications.Outbox.App(_smtp);
        _app.Settings["Recruit:ProfessorEmail"] = "hanzhao@sjtu.test";
        // 2026-03-02 09:00 in Shanghai, held still: "within 24 hours" is then exact.
        _app.Clock.Freeze(TestClock.Spring2026);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private DateTime Now => _app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Bookings_within_24_hours_get_one_reminder_each_in_the_applicants_language_and_the_rest_none()
    {
        var english = await ApplicationAsync("en", "Li Ming");
        var chinese = await ApplicationAsync("zh-CN", "Wang Fang");
        var later = await ApplicationAsync("en", "Later Person");
        var cancelled = await ApplicationAsync("en", "Cancelled Person");
        var past = await ApplicationAsync("en", "Past Person");
        // 2026-03-03 08:00 in Shanghai: 23 hours ahead.
        await _app.InterviewAsync(english.Id, Now.AddHours(23), lengthMinutes: 40);
        await _app.InterviewAsync(chinese.Id, Now.AddHours(5), InterviewMode.Online, "https://meeting.tencent.com/dm/xyz");
        await _app.InterviewAsync(later.Id, Now.AddHours(25));
        await _app.InterviewAsync(cancelled.Id, Now.AddHours(3), cancelled: true);
        await _app.InterviewAsync(past.Id, Now.AddHours(-1));

        Assert.Equal(2, await RunAsync());
        Assert.Equal(0, await RunAsync());
        Assert.Equal(2, await Notifications.Outbox.SendDueAsync(_app));

        var en = Assert.Single(await _smtp.WaitForMessagesToAsync(english.Applicant!.Email!));
        Assert.Equal("Reminder: your interview on 2026-03-03 08:00", en.Subject);
        Assert.Contains("Your interview is tomorrow", en.TextBody, StringComparison.Ordinal);
        Assert.Contains("When: 2026-03-03 08:00 (Shanghai, UTC+8)", en.TextBody, StringComparison.Ordinal);
        Assert.Contains("Length: 40 minutes", en.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mode: On site", en.TextBody, StringComparison.Ordinal);
        Assert.Contains("Room: Room 3-402, SEIEE Building", en.TextBody, StringComparison.Ordinal);
        Assert.Contains("write to hanzhao@sjtu.test", en.TextBody, StringComparison.Ordinal);
        Assert.Equal("hanzhao@sjtu.test", en.ReplyTo.Mailboxes.Single().Address);

        var zh = Assert.Single(await _smtp.WaitForMessagesToAsync(chinese.Applicant!.Email!));
        Assert.Equal("提醒：您的面试时间为 2026-03-02 14:00", zh.Subject);
        Assert.Contains("您的面试就在明天", zh.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 14:00（上海，UTC+8）", zh.TextBody, StringComparison.Ordinal);
        Assert.Contains("线上", zh.TextBody, StringComparison.Ordinal);
        Assert.Contains("会议链接: https://meeting.tencent.com/dm/xyz", zh.TextBody, StringComparison.Ordinal);

        await using var db = _app.CreateDbContext();
        var stamped = await db.InterviewBookings.Where(b => b.ReminderSentAtUtc != null).Select(b => b.ApplicationId).ToListAsync();
        Assert.Equal(new[] { english.Id, chinese.Id }.Order(), stamped.Order());

        // An hour and a bit later the 25-hour one is within 24 hours: its reminder goes, and only its.
        _app.Clock.Advance(TimeSpan.FromMinutes(65));
        Assert.Equal(1, await RunAsync());
        Assert.NotNull((await db.InterviewBookings.AsNoTracking().SingleAsync(b => b.ApplicationId == later.Id)).ReminderSentAtUtc);
    }

    [Fact]
    public async Task A_booking_made_less_than_24_hours_ahead_is_reminded_at_the_next_run()
    {
        var application = await ApplicationAsync("en", "Late Booker");
        await _app.InterviewAsync(application.Id, Now.AddHours(2), bookedAtUtc: Now);

        Assert.Equal(1, await RunAsync());
        await Notifications.Outbox.SendDueAsync(_app);
        Assert.Single(await _smtp.WaitForMessagesToAsync(application.Applicant!.Email!));
    }

    [Fact]
    public async Task A_rescheduled_booking_gets_its_own_reminder_whether_the_row_moves_or_is_replaced()
    {
        var moved = await ApplicationAsync("en", "Moved Person");
        var replaced = await ApplicationAsync("en", "Replaced Person");
        var first = await _app.InterviewAsync(moved.Id, Now.AddHours(20));
        await _app.InterviewAsync(replaced.Id, Now.AddHours(21));
        Assert.Equal(2, await RunAsync());

        _app.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = _app.CreateDbContext())
        {
            var other = new InterviewSlot
            {
                IntakeId = first!.IntakeId, StartsAtUtc = Now.AddHours(22), LengthMinutes = 30, Mode = InterviewMode.OnSite, Location = "Room 5-101", Capacity = 2,
                CreatedAtUtc = Now,
            };
            db.InterviewSlots.Add(other);
            await db.SaveChangesAsync();
            // One booking moved to the new slot (same row, booked again now); the other cancelled and booked anew (a new row).
            await db.InterviewBookings.Where(b => b.ApplicationId == moved.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.SlotId, other.Id).SetProperty(b => b.BookedAtUtc, Now));
            await db.InterviewBookings.Where(b => b.ApplicationId == replaced.Id).ExecuteDeleteAsync();
            db.InterviewBookings.Add(new InterviewBooking { ApplicationId = replaced.Id, SlotId = other.Id, Seat = 2, BookedAtUtc = Now });
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await RunAsync());
        Assert.Equal(0, await RunAsync());
        await Notifications.Outbox.SendDueAsync(_app);
        var messages = await _smtp.WaitForMessagesToAsync(moved.Applicant!.Email!, count: 2);
        Assert.Contains(messages, m => (m.TextBody ?? string.Empty).Contains("Room: Room 5-101", StringComparison.Ordinal));
        Assert.Equal(2, (await _smtp.WaitForMessagesToAsync(replaced.Applicant!.Email!, count: 2)).Count);
    }

    [Fact]
    public async Task Two_runs_at_once_queue_one_reminder_per_booking()
    {
        var applications = new List<Application>();
        for (var i = 0; i < 6; i++)
        {
            var application = await ApplicationAsync("en", $"Racer {i}");
            await _app.InterviewAsync(application.Id, Now.AddHours(2 + i));
            applications.Add(application);
        }

        var runs = await Task.WhenAll(RunAsync(), RunAsync());

        Assert.Equal(6, runs.Sum());
        await using var db = _app.CreateDbContext();
        Assert.Equal(6, await db.EmailMessages.CountAsync(m => m.Kind == EmailCatalogue.InterviewReminder.Name));
        Assert.Equal(applications.Select(a => a.Id).Order(),
            (await db.EmailMessages.Where(m => m.Kind == EmailCatalogue.InterviewReminder.Name).Select(m => m.ApplicationId!.Value).ToListAsync()).Order());
    }

    [Fact]
    public void The_job_runs_every_five_minutes()
    {
        using var app = Notifications.Outbox.App(smtp: null, jobs: true);
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(job => job.Id);

        Assert.Equal("*/5 * * * *", jobs[InterviewReminders.JobId].Cron);
    }

    private async Task<int> RunAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InterviewReminders>().SendDueAsync(CancellationToken.None);
    }

    private Task<Application> ApplicationAsync(string culture, string name) =>
        _app.CreateApplicationAsync(ApplicationStatus.Interview, fill: a => (a.Culture, a.FullName) = (culture, name));
}
