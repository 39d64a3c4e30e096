using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Interviews;

/// <summary>
/// The professor's /review/interviews: slots one at a time or as a series, listed by day in Shanghai
/// time with their bookings and seats; refused input changes nothing; cancelling a slot cancels its
/// bookings with a CANCEL invitation; invitations once per application, from the page or the toolbar.
/// </summary>
public sealed class InterviewSlotTests(InterviewApp app) : IClassFixture<InterviewApp>
{
    private readonly InterviewWorld _world = new(app);

    [Fact]
    public async Task A_series_from_nine_to_twelve_every_thirty_minutes_adds_six_slots_listed_by_day_in_shanghai_time()
    {
        var day = InterviewWorld.NextDay();

        var slots = await _world.SlotsAsync(day, "09:00", ("until", "12:00"), ("every", "30"), ("mode", "Online"), ("location", "https://meeting.tencent.com/dm/abc"), ("capacity", "2"));

        Assert.Equal(6, slots.Count);
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.InterviewSlots.Where(s => slots.Contains(s.Id)).OrderBy(s => s.StartsAtUtc).ToListAsync();
            Assert.Equal(InterviewWorld.Utc(day, "09:00"), stored[0].StartsAtUtc);
            Assert.Equal(InterviewWorld.Utc(day, "11:30"), stored[5].StartsAtUtc);
            Assert.All(stored, s => Assert.Equal((30, 2, "https://meeting.tencent.com/dm/abc"), (s.LengthMinutes, s.Capacity, s.Location)));
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "InterviewSlotsAdded" && e.Details!.StartsWith("6 × 30 min")));
        }

        var page = PageText.Of(await (await _world.ProfessorAsync()).GetStringAsync($"/review/interviews?intake={await _world.IntakeIdAsync()}"));
        Assert.Contains("6 slots added.", page, StringComparison.Ordinal);
        Assert.Contains($"{InterviewWorld.Day(day)} ", page, StringComparison.Ordinal);
        Assert.Contains("09:00–09:30", page, StringComparison.Ordinal);
        Assert.Contains("11:30–12:00", page, StringComparison.Ordinal);
        Assert.Contains("2 seats left", page, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> RefusedSlots() => new()
    {
        { "date", "2026-02-30", "date", "Enter the day as 2026-03-10." },
        { "start", "25:00", "start", "Enter the time as 09:30 (Shanghai time)." },
        { "length", "4", "length", "A slot is 5 to 480 minutes long." },
        { "length", "481", "length", "A slot is 5 to 480 minutes long." },
        { "capacity", "0", "capacity", "A slot takes 1 to 20 people." },
        { "capacity", "21", "capacity", "A slot takes 1 to 20 people." },
        { "mode", "Phone", "mode", "Choose on site or online." },
        { "mode", "1", "mode", "Choose on site or online." },
        { "location", "", "location", "Enter the room, at most 200 characters." },
        { "location", new string('x', 201), "location", "Enter the room, at most 200 characters." },
        { "every", "20", "every", "Slots of a series must not overlap: start them at least a slot's length apart." },
        { "until", "08:00", "until", "No slot fits between the start and the end of the series." },
        { "intake", "999999", "intake", "Choose an intake." },
        { "intake", "x", "intake", "Choose an intake." },
    };

    [Theory]
    [MemberData(nameof(RefusedSlots))]
    public async Task A_refused_slot_gets_400_with_the_message_beside_its_field_and_nothing_is_added(string field, string value, string errorField, string message)
    {
        var day = InterviewWorld.NextDay();
        (string, string)[] fields = field is "every" or "until" ? [("until", "12:00"), (field, value)] : [(field, value)];

        using var refused = await _world.AddSlotsAsync(day, "09:00", fields);

        await refused.AssertStatusAsync(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        if (errorField != "intake")
        {
            Assert.Matches($"<span class=\"field-error\" id=\"e-{errorField}\">[^<]+</span>", html);
        }

        Assert.Contains(message, PageText.Of(html), StringComparison.Ordinal);
        await AssertNoSlotsAsync(day);
    }

    public static TheoryData<string> BadLinks() =>
        ["javascript:alert(1)", "ftp://meeting.example.com/1", "meeting.tencent.com/dm/abc", "https://", "data:text/html,hi", "https://example.com/" + new string('a', 500)];

    [Theory]
    [MemberData(nameof(BadLinks))]
    public async Task An_online_slot_needs_an_http_or_https_meeting_link(string link)
    {
        var day = InterviewWorld.NextDay();

        using var refused = await _world.AddSlotsAsync(day, "09:00", ("mode", "Online"), ("location", link));

        await refused.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the meeting link, starting with https:// (at most 500 characters).", PageText.Of(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AssertNoSlotsAsync(day);
    }

    [Fact]
    public async Task A_slot_in_the_past_or_at_a_start_the_intake_already_has_is_refused()
    {
        using (var past = await _world.AddSlotsAsync(new DateOnly(2026, 3, 1), "09:00"))
        {
            await past.AssertStatusAsync(HttpStatusCode.BadRequest);
            Assert.Contains("That time has passed: choose a time in the future.", PageText.Of(await past.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var day = InterviewWorld.NextDay();
        Assert.Single(await _world.SlotsAsync(day, "10:00"));
        using (var twice = await _world.AddSlotsAsync(day, "09:00", ("until", "11:00")))
        {
            await twice.AssertStatusAsync(HttpStatusCode.BadRequest);
            Assert.Contains($"The intake already has a slot starting at {InterviewWorld.Day(day)} 10:00 (UTC+8).", PageText.Of(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await using var db = app.CreateDbContext();
        var from = InterviewWorld.Utc(day, "00:00");
        Assert.Equal(1, await db.InterviewSlots.CountAsync(s => s.StartsAtUtc >= from && s.StartsAtUtc < from.AddDays(1)));
    }

    [Fact]
    public async Task Cancelling_a_slot_cancels_its_booking_with_a_cancel_invitation_and_the_applicant_may_book_another()
    {
        var slots = await _world.SlotsAsync(InterviewWorld.NextDay(), "09:00", ("until", "10:00"));
        var (client, application) = await _world.ApplicantAsync();
        (await InterviewWorld.BookAsync(client, application.Id, slots[0].ToString())).Dispose();
        var professor = await _world.ProfessorAsync();

        using (var cancelled = await professor.PostFormAsync("/review/interviews", $"/review/interviews/slots/{slots[0]}/cancel", []))
        {
            await cancelled.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        Assert.Null(await _world.BookingAsync(application.Id));
        await using (var db = app.CreateDbContext())
        {
            Assert.True((await db.InterviewSlots.SingleAsync(s => s.Id == slots[0])).IsCancelled);
            var cancels = await db.EmailMessages.Where(m => m.ApplicationId == application.Id && m.Calendar!.Contains("METHOD:CANCEL")).ToListAsync();
            Assert.Equal(2, cancels.Count);
            Assert.Contains(cancels, m => m.ToAddress == InterviewApp.ProfessorEmail);
            Assert.Contains(cancels, m => m.ToAddress != InterviewApp.ProfessorEmail && m.TextBody.Contains("this interview time had to be cancelled", StringComparison.Ordinal));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "InterviewSlotCancelled" && e.Details!.Contains($"Slot {slots[0]}")));
        }

        var page = await client.GetStringAsync($"/applicant/{application.Id}/interview");
        Assert.DoesNotContain($"value=\"{slots[0]}\"", page, StringComparison.Ordinal);
        using var rebooked = await InterviewWorld.BookAsync(client, application.Id, slots[1].ToString());
        await rebooked.AssertStatusAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Cancelling_an_unknown_slot_answers_404()
    {
        using var unknown = await (await _world.ProfessorAsync()).PostFormAsync("/review/interviews", "/review/interviews/slots/99999999/cancel", []);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Inviting_sends_one_email_in_the_applicants_language_with_the_booking_link_and_inviting_again_sends_nothing()
    {
        var (_, application) = await _world.ApplicantAsync(invited: false, culture: "zh-CN");

        (await _world.InviteAsync(application.Id)).Dispose();
        (await _world.InviteAsync(application.Id)).Dispose();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ => (await _world.InviteAsync(application.Id)).Dispose()));

        await using var db = app.CreateDbContext();
        var email = await db.EmailMessages.SingleAsync(m => m.ApplicationId == application.Id && m.Kind == "InterviewInvitation");
        Assert.Equal("zh-CN", email.Culture);
        Assert.Contains($"/applicant/{application.Id}/interview", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("24 小时", email.TextBody, StringComparison.Ordinal);
        var invitation = await db.InterviewInvitations.SingleAsync(i => i.ApplicationId == application.Id);
        Assert.Equal(0, invitation.CalendarSequence);
        Assert.Matches("^[0-9a-f]{32}@hanzhao\\.test$", invitation.CalendarUid);
        Assert.Contains("was invited before: no new email.", PageText.Of(await (await _world.ProfessorAsync()).GetStringAsync($"/review/interviews?intake={await _world.IntakeIdAsync()}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_toolbar_invites_the_selection_in_the_interview_status_and_names_the_ones_it_skipped()
    {
        var (_, interview) = await _world.ApplicantAsync(invited: false);
        var (_, underReview) = await _world.ApplicantAsync(invited: false, status: ApplicationStatus.UnderReview);
        var professor = await _world.ProfessorAsync();

        using (var invited = await professor.PostFormAsync("/review", "/review/toolbar", [new("ids", $"{interview.Id},{underReview.Id}"), new("act", "invite")]))
        {
            await invited.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var list = PageText.Of(await professor.GetStringAsync("/review"));
        Assert.Contains($"1 application invited to book an interview. Skipped, not in the Interview status: {underReview.ReferenceNumber}.", list, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.True(await db.InterviewInvitations.AnyAsync(i => i.ApplicationId == interview.Id));
        Assert.False(await db.InterviewInvitations.AnyAsync(i => i.ApplicationId == underReview.Id));
        Assert.False(await db.EmailMessages.AnyAsync(m => m.ApplicationId == underReview.Id && m.Kind == "InterviewInvitation"));
    }

    [Theory]
    [InlineData("abc", "The selection can only hold application numbers.")]
    [InlineData("", "Select at least one application.")]
    [InlineData("1,1", "The selection names an application more than once.")]
    public async Task A_forged_selection_to_invite_is_refused_with_400_and_invites_nobody(string ids, string message)
    {
        var before = await CountInvitationsAsync();
        using var refused = await (await _world.ProfessorAsync()).PostFormAsync("/review/interviews", "/review/interviews/invitations", [new("ids", ids)]);

        await refused.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, PageText.Of(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await CountInvitationsAsync());
    }

    [Fact]
    public async Task Inviting_an_unknown_application_names_it_as_skipped_and_invites_nobody()
    {
        var before = await CountInvitationsAsync();

        using (var invited = await _world.InviteAsync(99999999))
        {
            await invited.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        Assert.Contains("0 applications invited to book an interview. Skipped, not in the Interview status: #99999999.",
            PageText.Of(await (await _world.ProfessorAsync()).GetStringAsync($"/review/interviews?intake={await _world.IntakeIdAsync()}")), StringComparison.Ordinal);
        Assert.Equal(before, await CountInvitationsAsync());
    }

    [Fact]
    public async Task The_page_lists_the_intakes_applications_in_the_interview_status_with_how_far_each_got()
    {
        var slot = (await _world.SlotsAsync(InterviewWorld.NextDay(), "16:00"))[0];
        var (client, booked) = await _world.ApplicantAsync();
        (await InterviewWorld.BookAsync(client, booked.Id, slot.ToString())).Dispose();
        var (_, waiting) = await _world.ApplicantAsync(invited: false);

        var html = await (await _world.ProfessorAsync()).GetStringAsync($"/review/interviews?intake={await _world.IntakeIdAsync()}");

        var page = PageText.Of(html);
        Assert.Contains($"{booked.ReferenceNumber} · PhD · booked for", page, StringComparison.Ordinal);
        Assert.Contains($"{waiting.ReferenceNumber} · PhD · not invited", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/review/applications/{booked.Id}\">Li Ming</a>", html, StringComparison.Ordinal);
    }

    private async Task<(int Invitations, int Emails)> CountInvitationsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.InterviewInvitations.CountAsync(), await db.EmailMessages.CountAsync(m => m.Kind == "InterviewInvitation"));
    }

    private async Task AssertNoSlotsAsync(DateOnly day)
    {
        await using var db = app.CreateDbContext();
        var from = InterviewWorld.Utc(day, "00:00");
        Assert.False(await db.InterviewSlots.AnyAsync(s => s.StartsAtUtc >= from && s.StartsAtUtc < from.AddDays(1)));
    }
}
