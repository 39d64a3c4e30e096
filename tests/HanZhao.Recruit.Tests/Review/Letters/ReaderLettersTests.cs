using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.PublicSite;

namespace HanZhao.Recruit.Tests.Review.Letters;

/// <summary>
/// Referees' letters on the reader: each request with its state, a PDF letter opened in the reader's
/// frame, a text letter to read, the ratings and a decline's reason; staff read letters the applicant
/// waived, the applicant never does.
/// </summary>
public sealed class ReaderLettersTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly byte[] Pdf = ApplicationDrafts.Pdf(4096);

    [Fact]
    public async Task The_reader_lists_each_letter_with_its_state_the_pdf_to_open_the_text_to_read_and_the_ratings()
    {
        var (application, applicant) = await ApplicationAsync();
        var (pdfLetter, _) = await LetterAsync(application.Id, "Prof. Pdf", LetterState.Received, pdf: true, research: 5);
        await LetterAsync(application.Id, "Prof. Text", LetterState.Received, text: "Li Ming is the most careful student I have taught.");
        await LetterAsync(application.Id, "Prof. Busy", LetterState.Declined, reason: "On sabbatical.");
        await LetterAsync(application.Id, "Prof. Waiting", LetterState.Requested);
        await LetterAsync(application.Id, "Prof. Gone", LetterState.Withdrawn);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        var html = await professor.GetStringAsync($"/review/applications/{application.Id}");
        var text = PageText.Of(html);

        Assert.Contains("data-letters=\"2/4\"", html, StringComparison.Ordinal);
        Assert.Contains("Letters (2 of 4 received)", text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/review/letters/{pdfLetter}\" target=\"reader-document\">Open the letter</a>", html, StringComparison.Ordinal);
        Assert.Contains("Research ability 5", text, StringComparison.Ordinal);
        Assert.Contains("Li Ming is the most careful student I have taught.", text, StringComparison.Ordinal);
        Assert.Contains("Their reason: On sabbatical.", text, StringComparison.Ordinal);
        Assert.Contains("Prof. Waiting", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Prof. Gone", text, StringComparison.Ordinal);

        // The applicant waived access: their page names the referees and states, never the letter.
        using var own = await app.SignedInClientAsync(applicant);
        var theirs = PageText.Of(await own.GetStringAsync($"/applicant/{application.Id}/referees"));
        Assert.Contains("Prof. Text", theirs, StringComparison.Ordinal);
        Assert.Contains("Letter received", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("most careful student", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_letter_opens_inline_for_staff_who_may_see_the_application_and_answers_404_to_others()
    {
        var (application, applicant) = await ApplicationAsync();
        var (letter, _) = await LetterAsync(application.Id, "Prof. Pdf", LetterState.Received, pdf: true);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using var stranger = await app.CreateClientSignedInAsync(Roles.Reviewer);

        using (var shown = await professor.GetAsync($"/review/letters/{letter}"))
        {
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Equal("application/pdf", shown.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Pdf, await shown.Content.ReadAsByteArrayAsync());
            Assert.StartsWith("inline", shown.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'self'", string.Join(' ', shown.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }

        foreach (var path in new[] { $"/review/letters/{letter}", "/review/letters/999999" })
        {
            using var refused = await stranger.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using var own = await app.SignedInClientAsync(applicant);
        using var theirs = await own.GetAsync($"/review/letters/{letter}");
        Assert.NotEqual(HttpStatusCode.OK, theirs.StatusCode);
    }

    [Fact]
    public async Task An_application_without_letter_requests_shows_no_letters_section()
    {
        var (application, _) = await ApplicationAsync();
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        Assert.DoesNotContain("data-letters", await professor.GetStringAsync($"/review/applications/{application.Id}"), StringComparison.Ordinal);
    }

    private async Task<(Application Application, RecruitUser Applicant)> ApplicationAsync()
    {
        var applicant = await app.CreateApplicantAsync();
        return (await app.CreateApplicationAsync(applicant, ApplicationStatus.Submitted), applicant);
    }

    private async Task<(int Id, string Token)> LetterAsync(
        int applicationId, string referee, LetterState state, bool pdf = false, string? text = null, int? research = null, string? reason = null)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid().ToString("N");
        await using var db = app.CreateDbContext();
        var request = new LetterRequest
        {
            ApplicationId = applicationId, RefereeName = referee, RefereeEmail = $"{Guid.NewGuid():N}@example.edu", RefereeInstitution = "Zhejiang University",
            Relationship = "Supervisor", Links = [new LetterLink { TokenHash = Web.Platform.Security.LinkTokens.Hash(token), IssuedAtUtc = now }], State = state, RequestedAtUtc = now,
            ExpiresAtUtc = now.AddDays(30), LetterText = text, RatingResearch = research, DeclineReason = reason,
            ClosedAtUtc = state == LetterState.Requested ? null : now,
            Content = pdf ? new LetterContent { FileName = "letter.pdf", SizeBytes = Pdf.Length, Sha256 = new string('c', 64), PageCount = 1, Bytes = Pdf } : null,
        };
        db.LetterRequests.Add(request);
        await db.SaveChangesAsync();
        return (request.Id, token);
    }
}
