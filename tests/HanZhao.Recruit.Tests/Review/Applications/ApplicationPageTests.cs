using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Review;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.Applications;

public class ApplicationPageTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{

    [Fact]
    public async Task The_professor_sees_every_field_the_documents_notes_tags_and_history()
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer, "Dr. Wang Fang");
        var application = await app.CreateApplicationAsync(fill: a =>
        {
            a.ChineseName = "李明";
            a.Phone = "138-0000-0000";
            a.Institution = "Fudan University";
            a.Degree = "Bachelor of Engineering";
            a.Major = "Computer Science";
            a.Gpa = 3.85;
            a.GpaScale = 4;
            (a.RankPosition, a.CohortSize) = (3, 120);
            a.ExpectedGraduation = new DateOnly(2026, 6, 1);
            a.OtherInterests = "Quantum error correction";
            a.ResearchExperience = "Two years in the vision lab.";
            a.Projects = "A compiler for a toy language.";
            a.Publications = "Li M. et al., A paper, NeurIPS 2025.";
            a.EnglishTest = EnglishTest.Ielts;
            a.EnglishScore = 7.5;
            a.Statement = "I want to work on trustworthy machine learning.";
        }, documents: [(DocumentKind.Transcript, "transcript.pdf"), (DocumentKind.Cv, "li-ming-cv.pdf")]);
        await using (var db = app.CreateDbContext())
        {
            db.ApplicationNotes.Add(new ApplicationNote { ApplicationId = application.Id, AuthorId = reviewer.Id, Text = "Strong maths.", CreatedAtUtc = new DateTime(2026, 3, 5, 9, 30, 0, DateTimeKind.Utc) });
            db.ApplicationNotes.Add(new ApplicationNote { ApplicationId = application.Id, AuthorId = reviewer.Id, Text = "Call the referee.", CreatedAtUtc = new DateTime(2026, 3, 7, 14, 0, 0, DateTimeKind.Utc) });
            db.ApplicationTags.Add(new ApplicationTag { ApplicationId = application.Id, Name = "follow up" });
            await db.SaveChangesAsync();
        }

        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var response = await client.GetAsync($"/review/applications/{application.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var expected in new[]
                 {
                     "Li Ming", "李明", "138-0000-0000", "Fudan University", "Bachelor of Engineering", "Computer Science",
                     "3.85 / 4", "3 of 120 (top 2.5%)", "2026-06", "Quantum error correction", "Two years in the vision lab.",
                     "A compiler for a toy language.", "Li M. et al., A paper, NeurIPS 2025.", "IELTS", "7.5",
                     "I want to work on trustworthy machine learning.", application.ReferenceNumber!, "PhD", "Under review",
                     "li-ming-cv.pdf", "transcript.pdf", "Dr. Wang Fang", "follow up",
                 })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }

        // Staff read Shanghai time, with the zone said (the note was written at 09:30 UTC).
        Assert.Contains("2026-03-05 17:30 (Shanghai, UTC+8)", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        // Notes newest first; history oldest first.
        Assert.True(html.IndexOf("Call the referee.", StringComparison.Ordinal) < html.IndexOf("Strong maths.", StringComparison.Ordinal));
        var submitted = html.IndexOf("2026-03-03</time> · Draft → Submitted", StringComparison.Ordinal);
        var underReview = html.IndexOf("2026-03-06</time> · Submitted → Under review", StringComparison.Ordinal);
        Assert.True(submitted > 0 && underReview > submitted, "history is missing or out of order");
        Assert.Contains("id=\"decision\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review/applications/{application.Id}/status\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", html, StringComparison.Ordinal);

        // CV first, and each link serves the PDF inline, unsniffable, under a sandbox.
        var cv = application.Documents.Single(d => d.Kind == DocumentKind.Cv);
        var transcript = application.Documents.Single(d => d.Kind == DocumentKind.Transcript);
        Assert.True(html.IndexOf($"href=\"/review/documents/{cv.Id}\"", StringComparison.Ordinal)
            < html.IndexOf($"href=\"/review/documents/{transcript.Id}\"", StringComparison.Ordinal));
        using var pdf = await client.GetAsync($"/review/documents/{cv.Id}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join(",", pdf.Headers.GetValues("X-Content-Type-Options")));
        Assert.StartsWith("sandbox", string.Join(",", pdf.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(ReviewTestData.SmallPdf, await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains($"href=\"/review/documents/{cv.Id}?download=1\"", html, StringComparison.Ordinal);
        using var download = await client.GetAsync($"/review/documents/{cv.Id}?download=1");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task The_research_fit_highlights_the_interests_the_applicant_chose()
    {
        List<int> interests;
        // The app makes its database when it starts: start it before reading the seeded interests.
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        await using (var db = app.CreateDbContext())
        {
            interests = await db.ResearchInterests.OrderBy(i => i.SortOrder).Select(i => i.Id).ToListAsync();
        }

        Assert.True(interests.Count >= 3, "the seeded content has research interests");
        var application = await app.CreateApplicationAsync(fill: a => a.Interests = [new() { ResearchInterestId = interests[0] }, new() { ResearchInterestId = interests[2] }]);

        var html = await client.GetStringAsync($"/review/applications/{application.Id}");

        Assert.Contains($"data-interest=\"{interests[0]}\" data-chosen=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-interest=\"{interests[1]}\" data-chosen=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-interest=\"{interests[2]}\" data-chosen=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(2, ReviewTestData.CountOf(html, "<mark>"));
    }

    [Fact]
    public async Task A_reviewer_not_assigned_gets_404_for_the_page_the_documents_and_every_change()
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        var theirs = await app.CreateApplicationAsync();
        var other = await app.CreateApplicationAsync(documents: [(DocumentKind.Cv, "cv.pdf")]);
        await app.AssignAsync(theirs, reviewer);
        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        var token = await client.GetAntiforgeryTokenAsync($"/review/applications/{theirs.Id}");

        using var page = await client.GetAsync($"/review/applications/{other.Id}");
        using var document = await client.GetAsync($"/review/documents/{other.Documents[0].Id}");
        using var note = await ReviewTestData.PostAsync(client, $"/review/applications/{other.Id}/notes", token, ("text", "Hello"));
        using var tag = await ReviewTestData.PostAsync(client, $"/review/applications/{other.Id}/tags", token, ("name", "strong"), ("operation", "add"));
        using var score = await ReviewTestData.PostAsync(client, $"/review/applications/{other.Id}/score", token, ReviewTestData.Rubric("4", "4", "4", "4"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.NotEqual("application/pdf", document.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tag.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, score.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ApplicationNotes.AnyAsync(n => n.ApplicationId == other.Id));
        Assert.False(await db.ApplicationTags.AnyAsync(t => t.ApplicationId == other.Id));
        Assert.False(await db.ApplicationScores.AnyAsync(s => s.ApplicationId == other.Id));
    }

    [Fact]
    public async Task An_assigned_reviewer_can_note_and_score_but_not_tag()
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer, "Dr. Chen Jing");
        var application = await app.CreateApplicationAsync();
        await app.AssignAsync(application, reviewer);
        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        var page = $"/review/applications/{application.Id}";

        var html = await client.GetStringAsync(page);
        Assert.DoesNotContain($"action=\"{page}/tags\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decision\"", html, StringComparison.Ordinal);

        using var note = await client.PostFormAsync(page, $"{page}/notes", [new("text", "Good fit for the robustness project.")]);
        using var score = await client.PostFormAsync(page, $"{page}/score", ReviewTestData.Fields(ReviewTestData.Rubric("5", "4", "3", "4"), ("Comment", "Solid.")));
        using var tag = await client.PostFormAsync(page, $"{page}/tags", [new("name", "strong"), new("operation", "add")]);

        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        Assert.Equal(page, note.Headers.Location?.OriginalString.Split('#')[0]);
        Assert.Equal(HttpStatusCode.Redirect, score.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, tag.StatusCode);
        Assert.Equal("/error/403", tag.Headers.Location?.AbsolutePath);

        await using (var db = app.CreateDbContext())
        {
            var saved = await db.ApplicationScores.SingleAsync(s => s.ApplicationId == application.Id);
            Assert.Equal((reviewer.Id, 5, 4, 3, 4, "Solid."), (saved.ReviewerId, saved.ResearchFit, saved.AcademicRecord, saved.Skills, saved.Communication, saved.Comment));
            Assert.Equal(reviewer.Id, (await db.ApplicationNotes.SingleAsync(n => n.ApplicationId == application.Id)).AuthorId);
            Assert.False(await db.ApplicationTags.AnyAsync(t => t.ApplicationId == application.Id));
            var audited = await db.AuditEntries.Where(e => e.Target == $"Application {application.Id}").Select(e => new { e.Action, e.UserId }).ToListAsync();
            Assert.Contains(audited, e => e.Action == "Note" && e.UserId == reviewer.Id);
            Assert.Contains(audited, e => e.Action == "Score" && e.UserId == reviewer.Id);
        }

        var after = await client.GetStringAsync(page);
        Assert.Contains("Good fit for the robustness project.", after, StringComparison.Ordinal);
        Assert.Contains("Dr. Chen Jing", after, StringComparison.Ordinal);
        Assert.Contains("Your average: 4.00", after, StringComparison.Ordinal);
        Assert.Contains("name=\"ResearchFit\" value=\"5\" checked=\"checked\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_professor_adds_and_removes_tags()
    {
        var application = await app.CreateApplicationAsync();
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";

        using var added = await client.PostFormAsync(page, $"{page}/tags", [new("name", " top-5 candidate "), new("operation", "add")]);
        using var again = await client.PostFormAsync(page, $"{page}/tags", [new("name", "Top-5 Candidate"), new("operation", "add")]);
        using var bad = await client.PostFormAsync(page, $"{page}/tags", [new("name", "<b>bold</b>"), new("operation", "add")]);
        using var tooLong = await client.PostFormAsync(page, $"{page}/tags", [new("name", new string('a', 41)), new("operation", "add")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(new[] { "top-5 candidate" }, await db.ApplicationTags.Where(t => t.ApplicationId == application.Id).Select(t => t.Name).ToListAsync());
        }

        using var removed = await client.PostFormAsync(page, $"{page}/tags", [new("name", "top-5 candidate"), new("operation", "remove")]);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.ApplicationTags.AnyAsync(t => t.ApplicationId == application.Id));
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "Tag" && e.Target == $"Application {application.Id}"));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("abc")]
    [InlineData(null)]
    public async Task A_score_outside_the_rubric_is_refused_and_nothing_saved(string? communication)
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        var application = await app.CreateApplicationAsync();
        await app.AssignAsync(application, reviewer);
        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        var page = $"/review/applications/{application.Id}";
        var fields = ReviewTestData.Rubric("3", "3", "3", communication).Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!));

        using var response = await client.PostFormAsync(page, $"{page}/score", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Give each part of the rubric a score from 1 to 5.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ApplicationScores.AnyAsync(s => s.ApplicationId == application.Id));
    }

    [Fact]
    public async Task A_comment_over_2000_characters_is_refused()
    {
        var application = await app.CreateApplicationAsync();
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";

        using var response = await client.PostFormAsync(page, $"{page}/score", ReviewTestData.Fields(ReviewTestData.Rubric("3", "3", "3", "3"), ("Comment", new string('x', 2001))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ApplicationScores.AnyAsync(s => s.ApplicationId == application.Id));
    }

    [Fact]
    public async Task A_second_score_by_the_same_reviewer_updates_the_first()
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        var application = await app.CreateApplicationAsync();
        await app.AssignAsync(application, reviewer);
        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        var page = $"/review/applications/{application.Id}";

        using var first = await client.PostFormAsync(page, $"{page}/score", ReviewTestData.Fields(ReviewTestData.Rubric("2", "2", "2", "2"), ("Comment", "First look.")));
        using var second = await client.PostFormAsync(page, $"{page}/score", ReviewTestData.Fields(ReviewTestData.Rubric("4", "5", "3", "4")));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = app.CreateDbContext();
        var saved = await db.ApplicationScores.Where(s => s.ApplicationId == application.Id).ToListAsync();
        var score = Assert.Single(saved);
        Assert.Equal((4, 5, 3, 4, (string?)null), (score.ResearchFit, score.AcademicRecord, score.Skills, score.Communication, score.Comment));
    }

    [Fact]
    public async Task The_professor_sees_every_score_and_a_reviewer_once_they_saved_their_own_with_the_average_and_spread()
    {
        var first = await app.CreateStaffAsync(Roles.Reviewer, "Reviewer One");
        var second = await app.CreateStaffAsync(Roles.Reviewer, "Reviewer Two");
        var application = await app.CreateApplicationAsync();
        await app.AssignAsync(application, first);
        await app.AssignAsync(application, second);
        var page = $"/review/applications/{application.Id}";
        using (var client = await app.CreateClientSignedInAsAsync(first))
        {
            // Average 4.00.
            using var response = await client.PostFormAsync(page, $"{page}/score", ReviewTestData.Fields(ReviewTestData.Rubric("5", "4", "4", "3"), ("Comment", "Sharp.")));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        using var secondClient = await app.CreateClientSignedInAsAsync(second);
        // Average 2.50.
        using (var response = await secondClient.PostFormAsync(page, $"{page}/score", ReviewTestData.Fields(ReviewTestData.Rubric("2", "3", "3", "2"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // Scoring is blind by default for co-reviewers; the professor decides, so he sees their scores before saving his own (3.00).
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await professor.GetStringAsync(page);
        using (var response = await professor.PostFormAsync(page, $"{page}/score", ReviewTestData.Fields(ReviewTestData.Rubric("3", "3", "3", "3"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var html = await professor.GetStringAsync(page);
        var reviewerView = await secondClient.GetStringAsync(page);

        Assert.DoesNotContain("data-withheld", before, StringComparison.Ordinal);
        Assert.Contains("Sharp.", before, StringComparison.Ordinal);
        Assert.Contains("<strong data-average>3.17</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong data-spread>1.50</strong>", html, StringComparison.Ordinal);
        Assert.Contains("(3 reviewers)", html, StringComparison.Ordinal);
        Assert.Contains("Reviewer One", html, StringComparison.Ordinal);
        Assert.Contains("Reviewer Two", html, StringComparison.Ordinal);
        Assert.Contains("Sharp.", html, StringComparison.Ordinal);
        Assert.Equal(3, ReviewTestData.CountOf(html, "<tr data-score>"));
        Assert.Contains("Reviewer One", reviewerView, StringComparison.Ordinal);
        Assert.Contains("Sharp.", reviewerView, StringComparison.Ordinal);
        Assert.Contains("<strong data-average>3.17</strong>", reviewerView, StringComparison.Ordinal);
        Assert.Contains("Your average: 2.50", reviewerView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_over_4000_characters_is_refused()
    {
        var application = await app.CreateApplicationAsync();
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";

        using var response = await client.PostFormAsync(page, $"{page}/notes", [new("text", new string('n', 5000))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A note can have at most 4,000 characters.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ApplicationNotes.AnyAsync(n => n.ApplicationId == application.Id));
    }

    [Fact]
    public async Task A_note_is_shown_encoded()
    {
        var application = await app.CreateApplicationAsync();
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/applications/{application.Id}";

        using var response = await client.PostFormAsync(page, $"{page}/notes", [new("text", "<script>alert(1)</script>")]);
        var html = await client.GetStringAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var application = await app.CreateApplicationAsync();
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var content = new FormUrlEncodedContent([new("text", "Sneaky")]);

        using var response = await client.PostAsync($"/review/applications/{application.Id}/notes", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ApplicationNotes.AnyAsync(n => n.ApplicationId == application.Id));
    }

    [Fact]
    public async Task Applicants_and_anonymous_visitors_are_refused()
    {
        var application = await app.CreateApplicationAsync(documents: [(DocumentKind.Cv, "cv.pdf")]);
        using var anonymous = app.CreateHttpsClient();
        using var applicant = await app.CreateClientSignedInAsAsync(application.Applicant!);

        foreach (var path in new[] { $"/review/applications/{application.Id}", $"/review/documents/{application.Documents[0].Id}" })
        {
            using var asAnonymous = await anonymous.GetAsync(path);
            using var asApplicant = await applicant.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, asApplicant.StatusCode);
            Assert.Equal("/error/403", asApplicant.Headers.Location?.AbsolutePath);
        }

        using var content = new FormUrlEncodedContent([new("text", "Hello")]);
        using var post = await anonymous.PostAsync($"/review/applications/{application.Id}/notes", content);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.False(post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.StartsWith($"/review/applications/{application.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Previous_and_next_follow_the_list_order_and_keep_its_query()
    {
        // A reviewer's list holds only their assignments, so other tests' applications stay out of it.
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        var oldest = await app.CreateApplicationAsync(ApplicationStatus.Submitted, submittedAt: new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var reviewed = await app.CreateApplicationAsync(ApplicationStatus.UnderReview, submittedAt: new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc));
        var middle = await app.CreateApplicationAsync(ApplicationStatus.Submitted, submittedAt: new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc));
        var newest = await app.CreateApplicationAsync(ApplicationStatus.Submitted, submittedAt: new DateTime(2026, 3, 4, 0, 0, 0, DateTimeKind.Utc));
        foreach (var application in new[] { oldest, reviewed, middle, newest })
        {
            await app.AssignAsync(application, reviewer);
        }

        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        // Two a page: the third is on page 2, and its links say so (the list rebuilt from what parsed).
        const string query = "?status=Submitted&size=2";
        const string onPage2 = query + "&page=2";

        var first = await client.GetStringAsync($"/review/applications/{newest.Id}{query}");
        var second = await client.GetStringAsync($"/review/applications/{middle.Id}{query}");
        var last = await client.GetStringAsync($"/review/applications/{oldest.Id}{query}");
        var unfiltered = await client.GetStringAsync($"/review/applications/{middle.Id}");

        Assert.DoesNotContain("data-previous", first, StringComparison.Ordinal);
        Assert.Contains(Link("next", middle.Id, query), first, StringComparison.Ordinal);
        // The UnderReview one is filtered out: middle's next is the oldest.
        Assert.Contains(Link("prev", newest.Id, query), second, StringComparison.Ordinal);
        Assert.Contains(Link("next", oldest.Id, query), second, StringComparison.Ordinal);
        Assert.Contains("2 of 3", second, StringComparison.Ordinal);
        Assert.Contains(Link("prev", middle.Id, onPage2), last, StringComparison.Ordinal);
        Assert.DoesNotContain("data-next", last, StringComparison.Ordinal);
        Assert.Contains(Link("next", reviewed.Id, ""), unfiltered, StringComparison.Ordinal);
        Assert.Contains("href=\"/review?status=Submitted&amp;size=2\"", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/review?status=Submitted&amp;size=2&amp;page=2\"", last, StringComparison.Ordinal);

        static string Link(string rel, int id, string query) =>
            $"rel=\"{rel}\" data-{(rel == "prev" ? "previous" : "next")} href=\"/review/applications/{id}{query.Replace("&", "&amp;", StringComparison.Ordinal)}\"";
    }
}
