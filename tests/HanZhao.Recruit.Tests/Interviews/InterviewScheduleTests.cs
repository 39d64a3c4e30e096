using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Tests.Review.Applications;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Interviews;

/// <summary>
/// The day's interviews in the professor's morning digest, received from the real SMTP server under
/// the test clock: that Shanghai day's booked, not cancelled interviews in time order, in the
/// professor's language; no section on a day without any; the day's first digest only.
/// </summary>
public sealed class InterviewScheduleTests : IAsyncLifetime
{
    private const string Professor = "hanzhao@sjtu.test";
    private readonly SmtpTestServer _smtp = new();
    private RecruitAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _app = Notifications.Outbox.App(_smtp);
        // 2026-03-02 08:00 in Shanghai, when the digest runs; that day began at 2026-03-01 16:00 UTC.
        _app.Clock.Freeze(TestClock.Spring2026.AddHours(-1));
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private DateTime Now => _app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task The_digest_lists_the_days_interviews_in_shanghai_time_order_in_the_professors_language()
    {
        await ProfessorAsync("zh-CN");
        var afternoon = await ApplicationAsync("Afternoon Person", "午后");
        var morning = await ApplicationAsync("Morning Person", null);
        var early = await ApplicationAsync("Early Person", null);
        var tomorrow = await ApplicationAsync("Tomorrow Person", null);
        var cancelled = await ApplicationAsync("Cancelled Person", null);
        // Booked out of order: 14:00, 10:30 online, 07:30 (already over, still today's); then tomorrow 08:00 and a cancelled one.
        await _app.InterviewAsync(afternoon.Id, Now.AddHours(6));
        await _app.InterviewAsync(morning.Id, Now.AddHours(2.5), InterviewMode.Online, "https://zoom.us/j/123");
        await _app.InterviewAsync(early.Id, Now.AddMinutes(-30), lengthMinutes: 45);
        await _app.InterviewAsync(tomorrow.Id, Now.AddHours(24));
        await _app.InterviewAsync(cancelled.Id, Now.AddHours(3), cancelled: true);

        Assert.True(await DigestAsync());
        await Notifications.Outbox.SendDueAsync(_app);
        var text = Assert.Single(await _smtp.WaitForMessagesToAsync(Professor)).TextBody ?? string.Empty;

        Assert.Contains("今日面试（2026-03-02，上海时间，UTC+8）：3 场面试", text, StringComparison.Ordinal);
        Assert.Contains("时间: 07:30–08:15", text, StringComparison.Ordinal);
        Assert.Contains("申请人: Afternoon Person (午后)", text, StringComparison.Ordinal);
        Assert.Contains($"编号: {morning.ReferenceNumber}", text, StringComparison.Ordinal);
        Assert.Contains("会议链接: https://zoom.us/j/123", text, StringComparison.Ordinal);
        Assert.Contains("形式: 现场", text, StringComparison.Ordinal);
        Assert.Contains($"/review/applications/{afternoon.Id}", text, StringComparison.Ordinal);
        var order = new[] { "Early Person", "Morning Person", "Afternoon Person" }.Select(n => text.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(order, at => Assert.True(at >= 0));
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("Tomorrow Person", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancelled Person", text, StringComparison.Ordinal);

        // Run again the same morning: nothing new, so nothing sent twice.
        Assert.False(await DigestAsync());
    }

    [Fact]
    public async Task A_day_without_interviews_has_no_section_and_interviews_alone_still_make_a_digest_in_english_by_default()
    {
        await ProfessorAsync("en");
        var submitted = await ApplicationAsync("Fresh Applicant", null, ApplicationStatus.Submitted, submittedAt: Now.AddHours(-2));

        Assert.True(await DigestAsync());
        await using (var db = _app.CreateDbContext())
        {
            var first = await db.EmailMessages.SingleAsync(m => m.Kind == EmailCatalogue.DailyDigest.Name);
            Assert.Contains("Fresh Applicant", first.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Today's interviews", first.TextBody, StringComparison.Ordinal);
        }

        // The next morning: no submissions, one interview.
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await _app.InterviewAsync(submitted.Id, Now.AddHours(3));
        Assert.True(await DigestAsync());
        await Notifications.Outbox.SendDueAsync(_app);
        var messages = await _smtp.WaitForMessagesToAsync(Professor, count: 2);
        var second = messages.Select(m => m.TextBody ?? string.Empty).Single(t => t.Contains("Today's interviews", StringComparison.Ordinal));
        Assert.Contains("Today's interviews (2026-03-03, Shanghai time, UTC+8): 1 interview", second, StringComparison.Ordinal);
        Assert.Contains("Time: 11:00–11:30", second, StringComparison.Ordinal);
        Assert.Contains("Room: Room 3-402, SEIEE Building", second, StringComparison.Ordinal);
    }

    private async Task<bool> DigestAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DailyDigest>().QueueAsync(CancellationToken.None);
    }

    private async Task ProfessorAsync(string culture)
    {
        var professor = await _app.CreateUserAsync(Roles.Professor, Professor);
        await using var db = _app.CreateDbContext();
        await db.Users.Where(u => u.Id == professor.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.PreferredCulture, culture));
    }

    private Task<Application> ApplicationAsync(string name, string? chinese, ApplicationStatus status = ApplicationStatus.Interview, DateTime? submittedAt = null) =>
        _app.CreateApplicationAsync(status, submittedAt ?? Now.AddDays(-10), fill: a => (a.FullName, a.ChineseName) = (name, chinese));
}
