using System.Globalization;
using System.Net;
using Calendar = Ical.Net.Calendar;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace HanZhao.Recruit.Tests.Interviews;

/// <summary>
/// The whole interview journey through the real SMTP server: slots → invitation → booking → move →
/// cancellation, each calendar email read back from the received message and parsed by Ical.Net:
/// DTSTART in UTC equal to the slot's start, one UID throughout, SEQUENCE rising, METHOD:CANCEL at the end,
/// the professor organising and getting the same invitations.
/// </summary>
public sealed class InterviewJourneyTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();

    public Task InitializeAsync() => _smtp.StartAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task Slots_then_an_invitation_then_a_booking_a_move_and_a_cancellation_reach_both_calendars_as_one_event()
    {
        using var app = new InterviewApp();
        app.Settings["Smtp:Host"] = _smtp.Host;
        app.Settings["Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture);
        var world = new InterviewWorld(app);
        var day = InterviewWorld.NextDay();
        var slots = await world.SlotsAsync(day, "14:00", ("until", "15:00"), ("mode", "Online"), ("location", "https://meeting.tencent.com/dm/hz"));
        var (client, application) = await world.ApplicantAsync();
        string applicant;
        await using (var db = app.CreateDbContext())
        {
            applicant = (await db.Users.SingleAsync(u => u.Id == application.ApplicantId)).Email!;
        }

        var invitation = Assert.Single(await SendAndReceiveAsync(app, applicant, 1));
        Assert.Contains($"/applicant/{application.Id}/interview", invitation.TextBody, StringComparison.Ordinal);
        Assert.Null(CalendarPart(invitation));

        (await InterviewWorld.BookAsync(client, application.Id, slots[0].ToString(CultureInfo.InvariantCulture))).Dispose();
        (await InterviewWorld.BookAsync(client, application.Id, slots[1].ToString(CultureInfo.InvariantCulture))).Dispose();
        using (var cancelled = await InterviewWorld.CancelAsync(client, application.Id))
        {
            await cancelled.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var received = (await SendAndReceiveAsync(app, applicant, 4)).Where(m => CalendarPart(m) is not null).ToList();
        var events = received.Select(m => (Method: CalendarPart(m)!.ContentType.Parameters["method"], Calendar: Calendar.Load(CalendarPart(m)!.Text)!))
            .OrderBy(e => e.Calendar.Events.Single().Sequence).ToList();

        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], events.Select(e => e.Method));
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], events.Select(e => e.Calendar.Method));
        Assert.Equal([1, 2, 3], events.Select(e => e.Calendar.Events.Single().Sequence));
        var uid = events[0].Calendar.Events.Single().Uid;
        Assert.All(events, e => Assert.Equal(uid, e.Calendar.Events.Single().Uid));
        var first = events[0].Calendar.Events.Single();
        Assert.True(first.DtStart!.IsUtc);
        Assert.Equal(InterviewWorld.Utc(day, "14:00"), first.DtStart.AsUtc);
        Assert.Equal(InterviewWorld.Utc(day, "14:30"), first.DtEnd!.AsUtc);
        Assert.Equal(InterviewWorld.Utc(day, "14:30"), events[1].Calendar.Events.Single().DtStart!.AsUtc);
        Assert.Equal("https://meeting.tencent.com/dm/hz", first.Location);
        Assert.Equal("mailto:" + InterviewApp.ProfessorEmail, first.Organizer!.Value!.ToString());
        Assert.Equal("mailto:" + applicant, Assert.Single(first.Attendees).Value!.ToString());
        Assert.Equal("CANCELLED", events[2].Calendar.Events.Single().Status);
        Assert.All(received, m => Assert.Equal("invite.ics", m.Attachments.OfType<MimePart>().Single().FileName));

        var professor = await _smtp.WaitForMessagesToAsync(InterviewApp.ProfessorEmail, count: 3);
        var professorEvents = professor.Select(m => Calendar.Load(CalendarPart(m)!.Text)!.Events.Single()).OrderBy(e => e.Sequence).ToList();
        Assert.All(professorEvents, e => Assert.Equal(uid, e.Uid));
        Assert.Equal([1, 2, 3], professorEvents.Select(e => e.Sequence));
        Assert.Equal($"Interview booked: {application.ReferenceNumber}", professor.OrderBy(m => Calendar.Load(CalendarPart(m)!.Text)!.Events.Single().Sequence).First().Subject);
    }

    /// <summary>Sends what the outbox holds (jobs are off), then waits for <paramref name="count"/> messages to <paramref name="to"/> in all.</summary>
    private async Task<IReadOnlyList<MimeMessage>> SendAndReceiveAsync(InterviewApp app, string to, int count)
    {
        await Notifications.Outbox.SendDueAsync(app);
        return await _smtp.WaitForMessagesToAsync(to, count);
    }

    private static TextPart? CalendarPart(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().SingleOrDefault(p => p.ContentType.MimeType == "text/calendar");
}
