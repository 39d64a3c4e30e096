using System.Net;
using System.Xml.Linq;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Tests.Interviews;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Tests.Review.Applications;
using HanZhao.Recruit.Web.Review.InterviewOutcome;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;
using Verdict = HanZhao.Recruit.Data.Interviews.InterviewOutcome;

namespace HanZhao.Recruit.Tests.Review.InterviewOutcome;

/// <summary>
/// The interview on the reader: its state (not invited, invited, booked, cancelled), the booked slot in
/// Shanghai time, and after the start the outcome with the interview's rubric and notes, recorded by
/// the professor alone; every refusal is a 400 (or 403/404) with nothing stored.
/// </summary>
public sealed class InterviewOutcomeTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task The_panel_says_not_invited_invited_booked_with_the_slot_in_shanghai_time_or_cancelled()
    {
        var none = await app.CreateApplicationAsync();
        var invited = await app.CreateApplicationAsync();
        var booked = await app.CreateApplicationAsync();
        var online = await app.CreateApplicationAsync();
        var cancelled = await app.CreateApplicationAsync();
        await app.InterviewAsync(invited.Id, startsAtUtc: null);
        // 2026-03-10 06:00 UTC is 14:00 in Shanghai.
        await app.InterviewAsync(booked.Id, new DateTime(2026, 3, 10, 6, 0, 0, DateTimeKind.Utc), lengthMinutes: 45);
        await app.InterviewAsync(online.Id, new DateTime(2026, 3, 11, 1, 30, 0, DateTimeKind.Utc), InterviewMode.Online, "https://meeting.tencent.com/dm/abc123");
        await app.InterviewAsync(cancelled.Id, new DateTime(2026, 3, 12, 2, 0, 0, DateTimeKind.Utc), cancelled: true);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        Assert.Contains("data-interview-state=\"NotInvited\"", await professor.GetStringAsync($"/review/applications/{none.Id}"), StringComparison.Ordinal);
        Assert.Contains("Not invited to an interview.", await professor.GetTextAsync($"/review/applications/{none.Id}"), StringComparison.Ordinal);
        Assert.Contains("Invited on 2026-02-27; no slot booked yet.", await professor.GetTextAsync($"/review/applications/{invited.Id}"), StringComparison.Ordinal);

        var bookedHtml = await professor.GetStringAsync($"/review/applications/{booked.Id}");
        var bookedText = PageText.Of(bookedHtml);
        Assert.Contains("data-interview-state=\"Booked\"", bookedHtml, StringComparison.Ordinal);
        Assert.Contains("When 2026-03-10 14:00 (Shanghai, UTC+8)", bookedText, StringComparison.Ordinal);
        Assert.Contains("Length 45 minutes", bookedText, StringComparison.Ordinal);
        Assert.Contains("Mode On site", bookedText, StringComparison.Ordinal);
        Assert.Contains("Room Room 3-402, SEIEE Building", bookedText, StringComparison.Ordinal);
        Assert.Contains("The outcome can be recorded once the interview has started.", bookedText, StringComparison.Ordinal);
        Assert.DoesNotContain("/interview-outcome", bookedHtml, StringComparison.Ordinal);

        var onlineHtml = await professor.GetStringAsync($"/review/applications/{online.Id}");
        Assert.Contains("<a href=\"https://meeting.tencent.com/dm/abc123\" target=\"_blank\" rel=\"noopener noreferrer\">", onlineHtml, StringComparison.Ordinal);
        Assert.Contains("Meeting link", PageText.Of(onlineHtml), StringComparison.Ordinal);

        var cancelledHtml = await professor.GetStringAsync($"/review/applications/{cancelled.Id}");
        Assert.Contains("data-interview-state=\"Cancelled\"", cancelledHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/interview-outcome", cancelledHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_start_the_professor_records_the_outcome_with_ratings_and_notes_audited_shown_and_exported()
    {
        var application = await app.CreateApplicationAsync();
        await app.InterviewAsync(application.Id, Now.AddHours(-1));
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";
        Assert.Contains($"action=\"{page}/interview-outcome\"", await professor.GetStringAsync(page), StringComparison.Ordinal);

        using var saved = await professor.PostFormAsync(page, $"{page}/interview-outcome?status=UnderReview", Form("Passed", "4", "5", "4", "", "逻辑清晰，对鲁棒性研究动机明确。"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{page}?status=UnderReview#interview", saved.Headers.Location?.OriginalString);
        await using (var db = app.CreateDbContext())
        {
            var invitation = await db.InterviewInvitations.SingleAsync(i => i.ApplicationId == application.Id);
            Assert.Equal(Verdict.Passed, invitation.Outcome);
            Assert.Equal((4, 5, 4, (int?)null), (invitation.RatingKnowledge!.Value, invitation.RatingResearch!.Value, invitation.RatingCommunication!.Value, invitation.RatingMotivation));
            Assert.Equal("逻辑清晰，对鲁棒性研究动机明确。", invitation.OutcomeNotes);
            Assert.Equal(Now, invitation.OutcomeRecordedAtUtc!.Value, TimeSpan.FromMinutes(1));
            var audit = await db.AuditEntries.SingleAsync(e => e.Action == "InterviewOutcome" && e.Target == $"Application {application.Id}");
            Assert.Equal("Passed; knowledge 4, research 5, communication 4, motivation —", audit.Details);
        }

        var text = await professor.GetTextAsync(page);
        Assert.Contains("Outcome: Passed · rubric average 4.3", text, StringComparison.Ordinal);
        Assert.Contains("Update the outcome", text, StringComparison.Ordinal);

        using var export = await professor.GetAsync("/review/export.csv");
        var rows = (await export.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("Interview", rows[0].Split(',')[^1]);
        Assert.EndsWith(",Passed · 4.3", Assert.Single(rows, r => r.StartsWith(application.ReferenceNumber!, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_outcome_replaces_the_first_and_cleared_ratings_are_cleared()
    {
        var application = await app.CreateApplicationAsync();
        await app.InterviewAsync(application.Id, Now.AddMinutes(-5));
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";

        using var first = await professor.PostFormAsync(page, $"{page}/interview-outcome", Form("Undecided", "3", "3", "3", "3", "Ask again."));
        using var second = await professor.PostFormAsync(page, $"{page}/interview-outcome", Form("NotPassed", "2", "", "", "", ""));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = app.CreateDbContext();
        var invitation = await db.InterviewInvitations.SingleAsync(i => i.ApplicationId == application.Id);
        Assert.Equal(Verdict.NotPassed, invitation.Outcome);
        Assert.Equal([2, null, null, null], new[] { invitation.RatingKnowledge, invitation.RatingResearch, invitation.RatingCommunication, invitation.RatingMotivation });
        Assert.Null(invitation.OutcomeNotes);
    }

    public static TheoryData<string, string[], string> BadForms => new()
    {
        { "no outcome", ["", "4", "4", "4", "4", ""], "Choose the outcome: passed, not passed or undecided." },
        { "an outcome by number", ["0", "4", "4", "4", "4", ""], "Choose the outcome: passed, not passed or undecided." },
        { "an unknown outcome", ["Maybe", "4", "4", "4", "4", ""], "Choose the outcome: passed, not passed or undecided." },
        { "a rating of 6", ["Passed", "6", "4", "4", "4", ""], "Each rating is a whole number from 1 to 5, or left empty." },
        { "a rating of 0", ["Passed", "4", "0", "4", "4", ""], "Each rating is a whole number from 1 to 5, or left empty." },
        { "a rating of -1", ["Passed", "4", "4", "-1", "4", ""], "Each rating is a whole number from 1 to 5, or left empty." },
        { "a fractional rating", ["Passed", "4", "4", "4", "4.5", ""], "Each rating is a whole number from 1 to 5, or left empty." },
        { "a rating in words", ["Passed", "four", "4", "4", "4", ""], "Each rating is a whole number from 1 to 5, or left empty." },
        { "601 Chinese characters of notes", ["Passed", "4", "4", "4", "4", new string('好', 601)], "The notes can have at most 600 words (a Chinese character counts as one)." },
        { "601 words of notes", ["Passed", "4", "4", "4", "4", string.Join(' ', Enumerable.Repeat("word", 601))], "The notes can have at most 600 words (a Chinese character counts as one)." },
        { "4,001 characters of notes in one word", ["Passed", "4", "4", "4", "4", new string('x', 4001)], "The notes can have at most 600 words (a Chinese character counts as one)." },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_bad_form_is_refused_with_its_message_and_nothing_is_stored(string why, string[] fields, string message)
    {
        var application = await app.CreateApplicationAsync();
        await app.InterviewAsync(application.Id, Now.AddHours(-2));
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";

        using var response = await professor.PostFormAsync(page, $"{page}/interview-outcome", Form(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, PageText.Of(html), StringComparison.Ordinal);
        // The reader again, with the form as typed.
        Assert.Contains("data-interview-state=\"Booked\"", html, StringComparison.Ordinal);
        await AssertNothingStoredAsync(application.Id);
    }

    [Fact]
    public async Task A_refused_form_comes_back_with_what_was_typed_beside_the_message()
    {
        var application = await app.CreateApplicationAsync();
        await app.InterviewAsync(application.Id, Now.AddHours(-2));
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";

        using var response = await professor.PostFormAsync(page, $"{page}/interview-outcome", Form("Undecided", "3", "9", "", "", "Needs a second talk."));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<input type=\"radio\" name=\"Outcome\" value=\"Undecided\" checked=\"checked\"", html);
        Assert.Matches("<input type=\"radio\" name=\"Knowledge\" value=\"3\" checked=\"checked\"", html);
        Assert.Contains(">Needs a second talk.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\" id=\"e-ratings\">Each rating is a whole number from 1 to 5, or left empty.</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_is_refused_before_the_start_without_an_invitation_without_a_booking_and_for_a_cancelled_interview()
    {
        var early = await app.CreateApplicationAsync();
        var uninvited = await app.CreateApplicationAsync();
        var unbooked = await app.CreateApplicationAsync();
        var cancelled = await app.CreateApplicationAsync();
        var soon = await app.InterviewAsync(early.Id, Now.AddHours(1));
        await app.InterviewAsync(unbooked.Id, startsAtUtc: null);
        await app.InterviewAsync(cancelled.Id, Now.AddHours(-1), cancelled: true);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        var cases = new (int Id, string Message)[]
        {
            (early.Id, $"The interview has not started yet: record the outcome after {ShanghaiTime.Display(soon!.StartsAtUtc)} (Shanghai, UTC+8)."),
            (uninvited.Id, "This application has not been invited to an interview."),
            (unbooked.Id, "No interview is booked yet: record the outcome after the interview."),
            (cancelled.Id, "This interview was cancelled: there is no outcome to record."),
        };
        foreach (var (id, message) in cases)
        {
            var page = $"/review/applications/{id}";
            using var response = await professor.PostFormAsync(page, $"{page}/interview-outcome", Form("Passed", "5", "5", "5", "5", "Great."));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            await AssertNothingStoredAsync(id);
        }
    }

    [Fact]
    public async Task A_co_reviewer_sees_the_panel_and_the_outcome_but_may_not_record_and_others_are_told_it_does_not_exist()
    {
        var application = await app.CreateApplicationAsync();
        var hidden = await app.CreateApplicationAsync();
        await app.InterviewAsync(application.Id, Now.AddHours(-3));
        await app.InterviewAsync(hidden.Id, Now.AddHours(-3));
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        await app.AssignAsync(application, reviewer);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using var coReviewer = await app.CreateClientSignedInAsAsync(reviewer);
        var page = $"/review/applications/{application.Id}";
        using (var recorded = await professor.PostFormAsync(page, $"{page}/interview-outcome", Form("Passed", "4", "4", "5", "4", "Strong in theory.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var html = await coReviewer.GetStringAsync(page);
        Assert.Contains("Outcome: Passed · rubric average 4.3", PageText.Of(html), StringComparison.Ordinal);
        Assert.Contains("Strong in theory.", PageText.Of(html), StringComparison.Ordinal);
        Assert.DoesNotContain("/interview-outcome", html, StringComparison.Ordinal);

        var token = await coReviewer.GetAntiforgeryTokenAsync(page);
        using var refused = await coReviewer.PostFormAsync($"{page}/interview-outcome", Form("NotPassed", "1", "1", "1", "1", "Overwrite."), token);
        Assert.Equal("/error/403", refused.Headers.Location?.AbsolutePath);
        using var unseen = await coReviewer.PostFormAsync($"/review/applications/{hidden.Id}/interview-outcome", Form("Passed", "", "", "", "", ""), token);
        Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
        await AssertNothingStoredAsync(hidden.Id);

        var professorToken = await professor.GetAntiforgeryTokenAsync(page);
        foreach (var forged in new[] { "/review/applications/999999/interview-outcome", "/review/applications/abc/interview-outcome", "/review/applications/-1/interview-outcome" })
        {
            using var response = await professor.PostFormAsync(forged, Form("Passed", "", "", "", "", ""), professorToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await using var db = app.CreateDbContext();
        Assert.Equal(Verdict.Passed, (await db.InterviewInvitations.SingleAsync(i => i.ApplicationId == application.Id)).Outcome);
    }

    [Fact]
    public async Task Two_posts_at_once_store_one_whole_outcome_never_a_mix()
    {
        var application = await app.CreateApplicationAsync();
        await app.InterviewAsync(application.Id, Now.AddHours(-1));
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";
        var token = await professor.GetAntiforgeryTokenAsync(page);

        var answers = await Task.WhenAll(
            professor.PostFormAsync($"{page}/interview-outcome", Form("Passed", "5", "5", "5", "5", "A"), token),
            professor.PostFormAsync($"{page}/interview-outcome", Form("NotPassed", "1", "1", "1", "1", "B"), token));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        await using var db = app.CreateDbContext();
        var invitation = await db.InterviewInvitations.SingleAsync(i => i.ApplicationId == application.Id);
        var whole = invitation.Outcome == Verdict.Passed
            ? (5, "A")
            : (1, "B");
        Assert.Equal(whole, (invitation.RatingMotivation!.Value, invitation.OutcomeNotes!));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "InterviewOutcome" && e.Target == $"Application {application.Id}"));
    }

    [Fact]
    public async Task The_rubric_its_levels_and_the_outcomes_have_chinese_translations_and_show_in_chinese()
    {
        var resx = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "HanZhao.Recruit.Web", "Platform", "Localization", "SharedResource.zh-CN.resx"));
        var names = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var keys = InterviewRubric.Criteria.SelectMany(c => c.Levels.Append(c.Name).Append(c.Question))
            .Concat(Enum.GetValues<Verdict>().Select(InterviewRubric.Name))
            .Concat(["{0} minute", "{0} minutes", "{0} interview", "{0} interviews"]);
        Assert.All(keys, k => Assert.Contains(k, names));

        var application = await app.CreateApplicationAsync();
        await app.InterviewAsync(application.Id, Now.AddHours(-1));
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var text = await professor.GetTextAsync($"/review/applications/{application.Id}?culture=zh-CN");
        Assert.Contains("面试", text, StringComparison.Ordinal);
        Assert.Contains("专业知识", text, StringComparison.Ordinal);
        Assert.Contains("基础扎实且知识面广", text, StringComparison.Ordinal);
        Assert.Contains("30 分钟", text, StringComparison.Ordinal);
    }

    private async Task AssertNothingStoredAsync(int applicationId)
    {
        await using var db = app.CreateDbContext();
        Assert.False(await db.InterviewInvitations.AnyAsync(i => i.ApplicationId == applicationId && (i.Outcome != null || i.OutcomeNotes != null || i.RatingKnowledge != null)));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "InterviewOutcome" && e.Target == $"Application {applicationId}"));
    }

    private static KeyValuePair<string, string>[] Form(string outcome, string knowledge, string research, string communication, string motivation, string notes) =>
    [
        new("Outcome", outcome), new("Knowledge", knowledge), new("Research", research), new("Communication", communication),
        new("Motivation", motivation), new("Notes", notes),
    ];
}
