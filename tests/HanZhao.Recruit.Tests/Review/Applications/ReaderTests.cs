using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.Applications;

/// <summary>
/// The reader: documents in a frame, blind scores, the quick score, "save and next", and the status
/// moved from the reader (Submitted straight to Interview).
/// </summary>
public class ReaderTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task The_reader_shows_the_first_document_in_a_frame_with_a_tab_and_page_count_for_each()
    {
        var application = await app.CreateApplicationAsync(documents: [(DocumentKind.Transcript, "transcript.pdf"), (DocumentKind.Cv, "cv.pdf")]);
        await using (var db = app.CreateDbContext())
        {
            await db.ApplicationDocuments.Where(d => d.ApplicationId == application.Id).ExecuteUpdateAsync(set => set.SetProperty(d => d.PageCount, 3));
        }

        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var html = await client.GetStringAsync($"/review/applications/{application.Id}");

        var cv = application.Documents.Single(d => d.Kind == DocumentKind.Cv);
        var transcript = application.Documents.Single(d => d.Kind == DocumentKind.Transcript);
        Assert.Contains($"<iframe class=\"reader-frame\" name=\"reader-document\" src=\"/review/documents/{cv.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review/documents/{cv.Id}\" target=\"reader-document\" data-show-document=\"{cv.Id}\" aria-current=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review/documents/{transcript.Id}\" target=\"reader-document\" data-show-document=\"{transcript.Id}\">", html, StringComparison.Ordinal);
        Assert.Equal(2, ReviewTestData.CountOf(html, "<span data-pages>3 pages</span>"));
        Assert.Contains("id=\"reader-panel\"", html, StringComparison.Ordinal);
        Assert.Contains("<kbd>j</kbd>", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/js/reader[^\"]*\\.js[^\"]*\" defer>", html);
    }

    [Fact]
    public async Task Only_a_document_shown_in_the_reader_may_be_framed_and_only_by_our_own_pages()
    {
        var application = await app.CreateApplicationAsync(documents: [(DocumentKind.Cv, "cv.pdf")]);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var document = $"/review/documents/{application.Documents[0].Id}";

        using var shown = await client.GetAsync(document);
        using var download = await client.GetAsync(document + "?download=1");
        using var reader = await client.GetAsync($"/review/applications/{application.Id}");
        using var home = await client.GetAsync("/");

        Assert.Equal("SAMEORIGIN", Assert.Single(shown.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("sandbox; default-src 'none'; frame-ancestors 'self'", Assert.Single(shown.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("inline", shown.Content.Headers.ContentDisposition?.DispositionType);
        foreach (var refused in new[] { download, reader, home })
        {
            Assert.Equal("DENY", Assert.Single(refused.Headers.GetValues("X-Frame-Options")));
            Assert.Contains("frame-ancestors 'none'", Assert.Single(refused.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scores_of_others_are_hidden_until_a_reviewer_saves_their_own()
    {
        var first = await app.CreateStaffAsync(Roles.Reviewer, "Blind Reviewer A");
        var second = await app.CreateStaffAsync(Roles.Reviewer, "Blind Reviewer B");
        var application = await app.CreateApplicationAsync();
        await app.AssignAsync(application, first);
        await app.AssignAsync(application, second);
        var page = $"/review/applications/{application.Id}";
        using var firstClient = await app.CreateClientSignedInAsAsync(first);
        using var secondClient = await app.CreateClientSignedInAsAsync(second);
        using (var saved = await firstClient.PostFormAsync(page, $"{page}/score", ReviewTestData.Fields(ReviewTestData.Rubric("5", "5", "5", "5"), ("Comment", "Hidden remark."))))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var hidden = await secondClient.GetStringAsync(page);
        using (var saved = await secondClient.PostFormAsync(page, $"{page}/score", ReviewTestData.Fields(ReviewTestData.Rubric("3", "3", "3", "3"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var shown = await secondClient.GetStringAsync(page);

        Assert.Contains("data-withheld=\"1\"", hidden, StringComparison.Ordinal);
        Assert.Contains("1 reviewer has scored.", hidden, StringComparison.Ordinal);
        foreach (var secret in new[] { "Blind Reviewer A", "Hidden remark.", "data-average", "data-normalised" })
        {
            Assert.DoesNotContain(secret, hidden, StringComparison.Ordinal);
        }

        Assert.Contains("Blind Reviewer A", shown, StringComparison.Ordinal);
        Assert.Contains("Hidden remark.", shown, StringComparison.Ordinal);
        Assert.Contains("<strong data-average>4.00</strong>", shown, StringComparison.Ordinal);
        Assert.Contains("data-normalised>", shown, StringComparison.Ordinal);
        Assert.Contains("(2 reviewers)", shown, StringComparison.Ordinal);
        Assert.Contains("How the normalised average is computed", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quick_score_gives_the_four_criteria_one_value_and_keeps_the_comment()
    {
        var application = await app.CreateApplicationAsync();
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";

        using var full = await client.PostFormAsync(page, $"{page}/score", ReviewTestData.Fields(ReviewTestData.Rubric("2", "2", "2", "2"), ("Comment", "Read the thesis.")));
        using var quick = await client.PostFormAsync(page, $"{page}/score", [new("All", "4")]);

        Assert.Equal(HttpStatusCode.Redirect, full.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, quick.StatusCode);
        Assert.Equal($"{page}#scores", quick.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        var score = await db.ApplicationScores.SingleAsync(s => s.ApplicationId == application.Id);
        Assert.Equal((4, 4, 4, 4, "Read the thesis."), (score.ResearchFit, score.AcademicRecord, score.Skills, score.Communication, score.Comment));
    }

    public static TheoryData<string, string[]> RefusedScores => new()
    {
        { "zero", ["ResearchFit=0", "AcademicRecord=3", "Skills=3", "Communication=3"] },
        { "six", ["ResearchFit=3", "AcademicRecord=6", "Skills=3", "Communication=3"] },
        { "a fraction", ["ResearchFit=3", "AcademicRecord=3", "Skills=3.5", "Communication=3"] },
        { "a criterion missing", ["ResearchFit=3", "AcademicRecord=3", "Skills=3"] },
        { "a quick score of 6", ["All=6"] },
        { "a quick score of 3.5", ["All=3.5"] },
        { "a quick score with a criterion", ["All=3", "Skills=5"] },
        { "nothing", [] },
        { "an unknown then", ["All=3", "then=later"] },
    };

    [Theory]
    [MemberData(nameof(RefusedScores))]
    public async Task A_refused_score_answers_400_and_saves_nothing(string why, string[] fields)
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        var application = await app.CreateApplicationAsync();
        await app.AssignAsync(application, reviewer);
        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        var page = $"/review/applications/{application.Id}";

        using var response = await client.PostFormAsync(page, $"{page}/score",
            fields.Select(f => f.Split('=')).Select(f => new KeyValuePair<string, string>(f[0], f[1])));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {response.StatusCode}");
        await using var db = app.CreateDbContext();
        Assert.False(await db.ApplicationScores.AnyAsync(s => s.ApplicationId == application.Id), why);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "Score" && e.Target == $"Application {application.Id}"), why);
    }

    [Fact]
    public async Task A_score_of_an_application_not_assigned_to_the_reviewer_is_404_even_as_a_quick_score_with_next()
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        var theirs = await app.CreateApplicationAsync();
        var other = await app.CreateApplicationAsync();
        await app.AssignAsync(theirs, reviewer);
        using var client = await app.CreateClientSignedInAsAsync(reviewer);

        using var response = await client.PostFormAsync($"/review/applications/{theirs.Id}", $"/review/applications/{other.Id}/score?status=UnderReview",
            [new("All", "5"), new("then", "next")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ApplicationScores.AnyAsync(s => s.ApplicationId == other.Id));
    }

    [Fact]
    public async Task Save_and_next_goes_to_the_next_application_of_the_list_and_after_the_last_back_to_the_list()
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        var older = await app.CreateApplicationAsync(ApplicationStatus.Submitted, submittedAt: new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        var skipped = await app.CreateApplicationAsync(ApplicationStatus.UnderReview, submittedAt: new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc));
        var newer = await app.CreateApplicationAsync(ApplicationStatus.Submitted, submittedAt: new DateTime(2026, 2, 3, 0, 0, 0, DateTimeKind.Utc));
        foreach (var application in new[] { older, skipped, newer })
        {
            await app.AssignAsync(application, reviewer);
        }

        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        // The reviewer sees only these three; newest first, Submitted only: newer, then older.
        const string list = "?status=Submitted";

        using var first = await client.PostFormAsync($"/review/applications/{newer.Id}{list}", $"/review/applications/{newer.Id}/score{list}",
            [new("All", "4"), new("then", "next")]);
        using var last = await client.PostFormAsync($"/review/applications/{older.Id}{list}", $"/review/applications/{older.Id}/score{list}",
            ReviewTestData.Fields(ReviewTestData.Rubric("3", "4", "3", "4"), ("then", "next")));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/review/applications/{older.Id}{list}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal($"/review{list}", last.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.ApplicationScores.CountAsync(s => s.ReviewerId == reviewer.Id));
    }

    [Fact]
    public async Task From_the_reader_Submitted_moves_straight_to_Interview_with_one_email_and_on_to_the_next()
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        var older = await app.CreateApplicationAsync(ApplicationStatus.Submitted, submittedAt: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var newer = await app.CreateApplicationAsync(ApplicationStatus.Submitted, submittedAt: new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        // Assigned to a reviewer of its own so the professor's list can be narrowed to exactly these two.
        await app.AssignAsync(older, reviewer);
        await app.AssignAsync(newer, reviewer);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var list = $"?status=Submitted&reviewer={reviewer.Id}";
        var page = $"/review/applications/{newer.Id}";

        var html = await client.GetStringAsync(page + list);
        using var moved = await client.PostFormAsync(page, $"{page}/status",
            [new("to", "Interview"), new("sendEmail", "true"), new("then", "next"), new("list", list[1..])]);
        // The list's own "to" (a date) travels in the list field and is never read as the status.
        using var stayed = await client.PostFormAsync(page, $"/review/applications/{older.Id}/status",
            [new("to", "Rejected"), new("sendEmail", "false"), new("then", "reader"), new("list", list[1..] + "&to=2026-12-31")]);

        Assert.Contains($"href=\"{page}/status?to=Interview\" data-decide=\"Interview\"", html, StringComparison.Ordinal);
        Assert.Contains("<dialog class=\"reader-dialog\" id=\"decision-dialog\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"list\" value=\"status=Submitted&amp;reviewer={reviewer.Id}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        // Found before the change: once Interview, the application has left the Submitted list.
        Assert.Equal($"/review/applications/{older.Id}{list}", moved.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, stayed.StatusCode);
        Assert.Equal($"/review/applications/{older.Id}{list}&to=2026-12-31#decision", stayed.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        Assert.Equal(ApplicationStatus.Interview, (await db.Applications.SingleAsync(a => a.Id == newer.Id)).Status);
        Assert.Equal(ApplicationStatus.Rejected, (await db.Applications.SingleAsync(a => a.Id == older.Id)).Status);
        Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.ApplicationId == newer.Id));
        var steps = await db.ApplicationStatusChanges.Where(c => c.ApplicationId == newer.Id).OrderBy(c => c.Id).Select(c => c.To).ToListAsync();
        Assert.Equal([ApplicationStatus.Submitted, ApplicationStatus.Interview], steps);
    }

    [Theory]
    [InlineData("Offer", "reader")]
    [InlineData("Accepted", "next")]
    [InlineData("Interview", "later")]
    public async Task A_move_the_pipeline_refuses_answers_400_and_changes_nothing(string to, string then)
    {
        var application = await app.CreateApplicationAsync(ApplicationStatus.Submitted);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";

        using var response = await client.PostFormAsync(page, $"{page}/status", [new("to", to), new("sendEmail", "true"), new("then", then)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync(a => a.Id == application.Id)).Status);
        Assert.False(await db.EmailMessages.AnyAsync(m => m.ApplicationId == application.Id));
        Assert.Equal(1, await db.ApplicationStatusChanges.CountAsync(c => c.ApplicationId == application.Id));
    }

    [Fact]
    public async Task A_reviewer_sees_no_status_control_and_cannot_move_an_application_from_the_reader()
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        var application = await app.CreateApplicationAsync(ApplicationStatus.Submitted);
        await app.AssignAsync(application, reviewer);
        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        var page = $"/review/applications/{application.Id}";

        var html = await client.GetStringAsync(page);
        using var response = await client.PostFormAsync(page, $"{page}/status", [new("to", "Interview"), new("then", "reader")]);

        Assert.DoesNotContain("data-decide", html, StringComparison.Ordinal);
        Assert.DoesNotContain("decision-dialog", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/error/403", response.Headers.Location?.AbsolutePath);
        await using var db = app.CreateDbContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync(a => a.Id == application.Id)).Status);
    }
}
