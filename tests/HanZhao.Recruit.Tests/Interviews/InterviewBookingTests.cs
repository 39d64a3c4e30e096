using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Interviews;

/// <summary>
/// The applicant's booking page (/applicant/{id}/interview): booking, moving and cancelling with their
/// calendar emails, and every hostile input refused with a clear message (400) and nothing changed.
/// </summary>
public sealed class InterviewBookingTests(InterviewApp app) : IClassFixture<InterviewApp>
{
    private const string JustTaken = "That time was just taken by someone else. Choose another of the times below.";
    private const string Full = "That time is fully booked. Choose another of the times below.";

    private readonly InterviewWorld _world = new(app);

    [Fact]
    public async Task An_invited_applicant_sees_the_free_times_in_shanghai_time_books_one_and_sees_it_on_their_page()
    {
        var day = InterviewWorld.NextDay();
        var slots = await _world.SlotsAsync(day, "14:00", ("until", "15:00"));
        var (client, application) = await _world.ApplicantAsync();

        var page = PageText.Of(await client.GetStringAsync($"/applicant/{application.Id}/interview"));
        Assert.Contains($"{InterviewWorld.Day(day)} 14:00 (UTC+8)", page, StringComparison.Ordinal);
        Assert.Contains($"{InterviewWorld.Day(day)} 14:30 (UTC+8)", page, StringComparison.Ordinal);
        Assert.Contains("Room 3-402, SEIEE Building", page, StringComparison.Ordinal);

        using (var booked = await InterviewWorld.BookAsync(client, application.Id, slots[0].ToString()))
        {
            await booked.AssertStatusAsync(HttpStatusCode.Redirect);
            Assert.Equal($"/applicant/{application.Id}/interview?done=booked", booked.Headers.Location!.OriginalString);
        }

        var booking = await _world.BookingAsync(application.Id);
        Assert.Equal((slots[0], 1), (booking!.SlotId, booking.Seat));
        var html = await client.GetStringAsync("/applicant");
        Assert.Contains($"datetime=\"{InterviewWorld.Utc(day, "14:00"):yyyy-MM-dd'T'HH:mm:ss'Z'}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-local-time=", html, StringComparison.Ordinal);
        var overview = PageText.Of(html);
        Assert.Contains($"{InterviewWorld.Day(day)} 14:00 (UTC+8) Shanghai time", overview, StringComparison.Ordinal);
        Assert.Contains("Move or cancel your interview", overview, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var emails = await db.EmailMessages.Where(m => m.ApplicationId == application.Id && m.Kind == "InterviewCalendar").ToListAsync();
        Assert.Equal(2, emails.Count);
        Assert.Single(emails, m => m.ToAddress == InterviewApp.ProfessorEmail);
        Assert.Single(emails, m => m.ToAddress != InterviewApp.ProfessorEmail && m.Subject == $"Interview booked: {application.ReferenceNumber}");
        Assert.All(emails, m => Assert.Contains("METHOD:REQUEST", m.Calendar, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Moving_releases_the_old_seat_and_takes_the_new_one_with_the_same_uid_and_a_higher_sequence_and_cancelling_frees_it()
    {
        var slots = await _world.SlotsAsync(InterviewWorld.NextDay(), "09:00", ("until", "10:00"));
        var (client, application) = await _world.ApplicantAsync();
        (await InterviewWorld.BookAsync(client, application.Id, slots[0].ToString())).Dispose();

        using (var moved = await InterviewWorld.BookAsync(client, application.Id, slots[1].ToString()))
        {
            Assert.Equal($"/applicant/{application.Id}/interview?done=moved", moved.Headers.Location!.OriginalString);
        }

        Assert.Equal(slots[1], (await _world.BookingAsync(application.Id))!.SlotId);
        var (other, otherApplication) = await _world.ApplicantAsync();
        using (var takesReleased = await InterviewWorld.BookAsync(other, otherApplication.Id, slots[0].ToString()))
        {
            await takesReleased.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        using (var cancelled = await InterviewWorld.CancelAsync(client, application.Id))
        {
            Assert.Equal($"/applicant/{application.Id}/interview?done=cancelled", cancelled.Headers.Location!.OriginalString);
        }

        Assert.Null(await _world.BookingAsync(application.Id));
        await using var db = app.CreateDbContext();
        var invitation = await db.InterviewInvitations.SingleAsync(i => i.ApplicationId == application.Id);
        Assert.Equal(3, invitation.CalendarSequence);
        var calendars = await db.EmailMessages.Where(m => m.ApplicationId == application.Id && m.Kind == "InterviewCalendar" && m.ToAddress != InterviewApp.ProfessorEmail)
            .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).Select(m => m.Calendar!).ToListAsync();
        Assert.Equal(3, calendars.Count);
        Assert.All(calendars, c => Assert.Contains("UID:" + invitation.CalendarUid, c, StringComparison.Ordinal));
        Assert.Contains("METHOD:CANCEL", calendars.Single(c => c.Contains("SEQUENCE:3", StringComparison.Ordinal)), StringComparison.Ordinal);

        // The invitation stays: a cancelled interview may be booked again.
        using var again = await InterviewWorld.BookAsync(client, application.Id, slots[1].ToString());
        await again.AssertStatusAsync(HttpStatusCode.Redirect);
    }

    public static TheoryData<string> ForgedSlots() => ["", "abc", "-1", "0", "1.5", "99999999", "2147483648", "1 OR 1=1", new string('9', 5000)];

    [Theory]
    [MemberData(nameof(ForgedSlots))]
    public async Task A_forged_slot_id_is_refused_with_a_message_and_changes_nothing(string slot)
    {
        await _world.SlotsAsync(InterviewWorld.NextDay(), "10:00");
        var (client, application) = await _world.ApplicantAsync();

        await AssertRefusedAsync(client, application.Id, slot, "Choose one of the times below.");
    }

    [Fact]
    public async Task A_slot_of_another_intake_is_refused()
    {
        int otherIntake;
        await using (var db = app.CreateDbContext())
        {
            var intake = new Intake { Code = "2031.03", EnrollmentDate = new DateOnly(2031, 3, 1), Programs = StudyPrograms.PhD };
            db.Intakes.Add(intake);
            await db.SaveChangesAsync();
            otherIntake = intake.Id;
        }

        var slot = await _world.StoreSlotAsync(InterviewWorld.Utc(InterviewWorld.NextDay(), "10:00"), otherIntake);
        var (client, application) = await _world.ApplicantAsync();

        await AssertRefusedAsync(client, application.Id, slot.ToString(), "That time is not one of your intake's interview times. Choose one of the times below.");
    }

    [Fact]
    public async Task A_full_slot_is_refused()
    {
        var slot = (await _world.SlotsAsync(InterviewWorld.NextDay(), "10:00"))[0];
        var (first, firstApplication) = await _world.ApplicantAsync();
        (await InterviewWorld.BookAsync(first, firstApplication.Id, slot.ToString())).Dispose();
        var (client, application) = await _world.ApplicantAsync();

        await AssertRefusedAsync(client, application.Id, slot.ToString(), Full);
        Assert.DoesNotContain($"value=\"{slot}\"", await client.GetStringAsync($"/applicant/{application.Id}/interview"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_slot_and_one_inside_the_cut_off_are_refused()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var past = await _world.StoreSlotAsync(now.AddHours(-2));
        var soon = await _world.StoreSlotAsync(now.AddHours(20));
        var (client, application) = await _world.ApplicantAsync();

        await AssertRefusedAsync(client, application.Id, past.ToString(), "That time has passed. Choose one of the times below.");
        await AssertRefusedAsync(client, application.Id, soon.ToString(), "Times less than 24 hours away cannot be booked here. Choose a later one.");
    }

    [Fact]
    public async Task A_cancelled_slot_is_refused()
    {
        var slot = await _world.StoreSlotAsync(InterviewWorld.Utc(InterviewWorld.NextDay(), "10:00"), cancelled: true);
        var (client, application) = await _world.ApplicantAsync();

        await AssertRefusedAsync(client, application.Id, slot.ToString(), "That time was cancelled. Choose another of the times below.");
    }

    [Fact]
    public async Task An_applicant_who_was_not_invited_cannot_book_and_is_told_so()
    {
        var slot = (await _world.SlotsAsync(InterviewWorld.NextDay(), "10:00"))[0];
        var (client, application) = await _world.ApplicantAsync(invited: false);

        Assert.Contains("You have not been invited to an interview yet.", PageText.Of(await client.GetStringAsync($"/applicant/{application.Id}/interview")), StringComparison.Ordinal);
        await AssertRefusedAsync(client, application.Id, slot.ToString(), "You have not been invited to book an interview.");
    }

    [Fact]
    public async Task Moving_or_cancelling_after_the_cut_off_is_refused_and_the_booking_stays()
    {
        var soon = await _world.StoreSlotAsync(app.Clock.GetUtcNow().UtcDateTime.AddHours(10));
        var later = (await _world.SlotsAsync(InterviewWorld.NextDay(), "10:00"))[0];
        var (client, application) = await _world.ApplicantAsync();
        await using (var db = app.CreateDbContext())
        {
            // Booked earlier, when it was still more than a day away.
            db.InterviewBookings.Add(new InterviewBooking { ApplicationId = application.Id, SlotId = soon, Seat = 1, BookedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(-3) });
            await db.SaveChangesAsync();
        }

        const string TooLate = "Your interview is less than 24 hours away: it can no longer be changed here. Please write to us instead.";
        await AssertRefusedAsync(client, application.Id, later.ToString(), TooLate, expectBooking: soon);
        using (var cancel = await InterviewWorld.CancelAsync(client, application.Id))
        {
            await cancel.AssertStatusAsync(HttpStatusCode.BadRequest);
            Assert.Contains(TooLate, PageText.Of(await cancel.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(soon, (await _world.BookingAsync(application.Id))!.SlotId);
        Assert.Equal(0, await _world.CalendarEmailsAsync(application.Id));
    }

    [Fact]
    public async Task Two_applicants_racing_for_the_last_seat_one_wins_and_the_other_is_told_and_shown_the_remaining_times()
    {
        var slots = await _world.SlotsAsync(InterviewWorld.NextDay(), "10:00", ("until", "11:00"));
        var racers = new List<(HttpClient Client, Application Application)>();
        for (var i = 0; i < 4; i++)
        {
            racers.Add(await _world.ApplicantAsync());
        }

        var tokens = await Task.WhenAll(racers.Select(r => r.Client.GetAntiforgeryTokenAsync("/applicant")));
        var answers = await Task.WhenAll(racers.Select((r, i) =>
            r.Client.PostFormAsync($"/applicant/{r.Application.Id}/interview", [new("slot", slots[0].ToString())], tokens[i])));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.BadRequest, loser.StatusCode);
            var html = await loser.Content.ReadAsStringAsync();
            var text = PageText.Of(html);
            Assert.True(text.Contains(JustTaken, StringComparison.Ordinal) || text.Contains(Full, StringComparison.Ordinal), text);
            Assert.Contains($"value=\"{slots[1]}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"value=\"{slots[0]}\"", html, StringComparison.Ordinal);
        }

        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.InterviewBookings.CountAsync(b => b.SlotId == slots[0]));
        var ids = racers.Select(r => r.Application.Id).ToList();
        Assert.Equal(2, await db.EmailMessages.CountAsync(m => m.ApplicationId != null && ids.Contains(m.ApplicationId.Value) && m.Kind == "InterviewCalendar"));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_slot_capacity_of_two_takes_exactly_two_of_five_racing_applicants_on_seats_one_and_two()
    {
        var slot = (await _world.SlotsAsync(InterviewWorld.NextDay(), "10:00", ("capacity", "2")))[0];
        var racers = new List<(HttpClient Client, Application Application)>();
        for (var i = 0; i < 5; i++)
        {
            racers.Add(await _world.ApplicantAsync());
        }

        var tokens = await Task.WhenAll(racers.Select(r => r.Client.GetAntiforgeryTokenAsync("/applicant")));
        var answers = await Task.WhenAll(racers.Select((r, i) =>
            r.Client.PostFormAsync($"/applicant/{r.Application.Id}/interview", [new("slot", slot.ToString())], tokens[i])));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest));
        await using var db = app.CreateDbContext();
        Assert.Equal([1, 2], await db.InterviewBookings.Where(b => b.SlotId == slot).OrderBy(b => b.Seat).Select(b => b.Seat).ToListAsync());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Another_applicants_application_answers_404_to_every_interview_route_and_changes_nothing()
    {
        var slot = (await _world.SlotsAsync(InterviewWorld.NextDay(), "10:00"))[0];
        var (owner, application) = await _world.ApplicantAsync();
        (await InterviewWorld.BookAsync(owner, application.Id, slot.ToString())).Dispose();
        var (intruder, _) = await _world.ApplicantAsync();
        var emails = await _world.CalendarEmailsAsync(application.Id);

        using (var page = await intruder.GetAsync($"/applicant/{application.Id}/interview"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        using (var book = await InterviewWorld.BookAsync(intruder, application.Id, slot.ToString()))
        {
            Assert.Equal(HttpStatusCode.NotFound, book.StatusCode);
        }

        using (var cancel = await InterviewWorld.CancelAsync(intruder, application.Id))
        {
            Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        }

        Assert.Equal(slot, (await _world.BookingAsync(application.Id))!.SlotId);
        Assert.Equal(emails, await _world.CalendarEmailsAsync(application.Id));
    }

    [Fact]
    public async Task Cancelling_twice_at_once_cancels_once_with_one_pair_of_cancel_emails()
    {
        var slot = (await _world.SlotsAsync(InterviewWorld.NextDay(), "11:00"))[0];
        var (client, application) = await _world.ApplicantAsync();
        (await InterviewWorld.BookAsync(client, application.Id, slot.ToString())).Dispose();
        var token = await client.GetAntiforgeryTokenAsync("/applicant");

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostFormAsync($"/applicant/{application.Id}/interview/cancel", [], token)));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, a.StatusCode.ToString()));
        Assert.Null(await _world.BookingAsync(application.Id));
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.EmailMessages.CountAsync(m => m.ApplicationId == application.Id && m.Calendar!.Contains("METHOD:CANCEL")));
        Assert.Equal(2, (await db.InterviewInvitations.SingleAsync(i => i.ApplicationId == application.Id)).CalendarSequence);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_chinese_applicant_gets_the_booking_email_and_the_event_in_chinese_and_the_professor_in_english()
    {
        var slot = (await _world.SlotsAsync(InterviewWorld.NextDay(), "15:00"))[0];
        var (client, application) = await _world.ApplicantAsync(culture: "zh-CN");

        (await InterviewWorld.BookAsync(client, application.Id, slot.ToString())).Dispose();

        await using var db = app.CreateDbContext();
        var emails = await db.EmailMessages.Where(m => m.ApplicationId == application.Id && m.Kind == "InterviewCalendar").ToListAsync();
        var applicant = emails.Single(m => m.ToAddress != InterviewApp.ProfessorEmail);
        Assert.Equal(("zh-CN", $"面试已预约：{application.ReferenceNumber}"), (applicant.Culture, applicant.Subject));
        Assert.Contains("SUMMARY:面试 · 赵涵课题组", applicant.Calendar, StringComparison.Ordinal);
        var professor = emails.Single(m => m.ToAddress == InterviewApp.ProfessorEmail);
        Assert.Equal(("en", $"Interview booked: {application.ReferenceNumber}"), (professor.Culture, professor.Subject));
        Assert.Equal(applicant.ToAddress, professor.ReplyTo);
    }

    [Fact]
    public async Task An_application_that_left_the_interview_stage_cannot_book()
    {
        var slot = (await _world.SlotsAsync(InterviewWorld.NextDay(), "10:00"))[0];
        var (client, application) = await _world.ApplicantAsync();
        await using (var db = app.CreateDbContext())
        {
            await db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Rejected));
        }

        await AssertRefusedAsync(client, application.Id, slot.ToString(), "This application is no longer at the interview stage.");
    }

    private async Task AssertRefusedAsync(HttpClient client, int applicationId, string slot, string message, int? expectBooking = null)
    {
        var before = await _world.CalendarEmailsAsync(applicationId);
        using var refused = await InterviewWorld.BookAsync(client, applicationId, slot);

        await refused.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, PageText.Of(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(expectBooking, (await _world.BookingAsync(applicationId))?.SlotId);
        Assert.Equal(before, await _world.CalendarEmailsAsync(applicationId));
        await using var db = app.CreateDbContext();
        Assert.Equal(0, (await db.InterviewInvitations.SingleOrDefaultAsync(i => i.ApplicationId == applicationId))?.CalendarSequence ?? 0);
    }
}
