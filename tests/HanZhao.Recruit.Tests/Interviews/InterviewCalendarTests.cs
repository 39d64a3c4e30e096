using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Notifications;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HanZhao.Recruit.Tests.Interviews;

/// <summary>
/// The interview invitation as a calendar app gets it: sent through the real SMTP server, read back
/// from the received message and parsed by Ical.Net. A booking, a reschedule and a cancellation keep
/// one UID with a rising SEQUENCE, so the calendar holds one event throughout.
/// </summary>
public sealed class InterviewCalendarTests : IAsyncLifetime
{
    private static readonly CalendarInvite Invite = new(
        "Han Zhao 赵涵", "hanzhao@sjtu.test", "李雷", "li.lei@recruit.test", "面试 · 赵涵课题组", "博士 2027.09 面试");

    private readonly SmtpTestServer _smtp = new();

    public Task InitializeAsync() => _smtp.StartAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task A_booking_then_a_reschedule_then_a_cancellation_reach_the_calendar_as_one_event_with_a_rising_sequence()
    {
        using var app = Notifications.Outbox.App(_smtp);
        var invitation = new InterviewInvitation { ApplicationId = 7, CalendarUid = "interview-7-3f2a@hanzhao.test", CalendarSequence = 0 };
        // 2026-12-10 14:00 in Shanghai is 06:00 UTC.
        var first = Slot(new DateTime(2026, 12, 10, 6, 0, 0, DateTimeKind.Utc), "Room 3-402, SEIEE Building");
        var second = Slot(new DateTime(2026, 12, 11, 1, 30, 0, DateTimeKind.Utc), "https://meeting.tencent.com/dm/abc");
        var now = app.Clock.GetUtcNow().UtcDateTime;

        await SendAsync(app, InterviewCalendar.Booked(invitation, first, Invite, now));
        invitation.CalendarSequence++;
        await SendAsync(app, InterviewCalendar.Booked(invitation, second, Invite, now));
        invitation.CalendarSequence++;
        await SendAsync(app, InterviewCalendar.Cancelled(invitation, second, Invite, now));

        var received = (await _smtp.WaitForMessagesToAsync(Invite.AttendeeEmail, count: 3)).OrderBy(m => Sequence(CalendarOf(m))).ToList();
        var events = received.Select(m => (Method: MethodHeader(m), Calendar: Calendar.Load(CalendarOf(m))!)).ToList();

        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], events.Select(e => e.Method));
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], events.Select(e => e.Calendar.Method));
        Assert.All(events, e => Assert.Equal(invitation.CalendarUid, Assert.Single(e.Calendar.Events).Uid));
        Assert.Equal([0, 1, 2], events.Select(e => e.Calendar.Events.Single().Sequence));

        var booked = events[0].Calendar.Events.Single();
        Assert.Equal(first.StartsAtUtc, booked.DtStart!.AsUtc);
        Assert.True(booked.DtStart.IsUtc);
        Assert.Equal(first.StartsAtUtc.AddMinutes(30), booked.DtEnd!.AsUtc);
        Assert.Equal("Room 3-402, SEIEE Building", booked.Location);
        Assert.Equal("面试 · 赵涵课题组", booked.Summary);
        Assert.Equal("mailto:hanzhao@sjtu.test", booked.Organizer!.Value!.ToString());
        Assert.Equal("mailto:li.lei@recruit.test", Assert.Single(booked.Attendees).Value!.ToString());
        Assert.Equal(second.StartsAtUtc, events[1].Calendar.Events.Single().DtStart!.AsUtc);
        Assert.Equal("CANCELLED", events[2].Calendar.Events.Single().Status);
    }

    [Fact]
    public async Task The_invitation_travels_as_a_calendar_alternative_and_as_an_ics_file_beside_the_text_and_html()
    {
        using var app = Notifications.Outbox.App(_smtp);
        var invitation = new InterviewInvitation { ApplicationId = 8, CalendarUid = "interview-8@hanzhao.test" };
        await SendAsync(app, InterviewCalendar.Booked(invitation, Slot(new DateTime(2026, 12, 12, 2, 0, 0, DateTimeKind.Utc), "Room 1"), Invite, app.Clock.GetUtcNow().UtcDateTime));

        var message = Assert.Single(await _smtp.WaitForMessagesToAsync(Invite.AttendeeEmail));

        Assert.Equal("multipart/mixed", message.Body!.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(((Multipart)message.Body)[0]);
        Assert.Equal(["text/plain", "text/html", "text/calendar"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("REQUEST", alternative[2].ContentType.Parameters["method"]);
        var file = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("invite.ics", file.FileName);
        Assert.Equal("application/ics", file.ContentType.MimeType);
        Assert.Contains("Please come to the interview.", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_without_an_invitation_keeps_its_two_alternatives_only()
    {
        using var app = Notifications.Outbox.App(_smtp);
        await SendAsync(app, calendar: null, to: "plain@recruit.test");

        var message = Assert.Single(await _smtp.WaitForMessagesToAsync("plain@recruit.test"));

        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Empty(message.Attachments);
    }

    private static InterviewSlot Slot(DateTime startsAtUtc, string location) =>
        new() { Id = 1, IntakeId = 1, StartsAtUtc = startsAtUtc, LengthMinutes = 30, Mode = InterviewMode.OnSite, Location = location, Capacity = 1 };

    private static async Task SendAsync(RecruitAppFactory app, string? calendar, string to = "li.lei@recruit.test")
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
            var draft = new EmailWriter("en").Paragraph("Please come to the interview.")
                .Build(EmailCatalogue.SubmissionReceived, to, null, "Interview", "Footer") with { Calendar = calendar };
            db.QueueEmail(draft, app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Notifications.Outbox.SendDueAsync(app));
    }

    private static string CalendarOf(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").Text ?? string.Empty;

    private static string MethodHeader(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").ContentType.Parameters["method"] ?? string.Empty;

    private static int Sequence(string calendar) => Calendar.Load(calendar)!.Events.Single().Sequence;
}
