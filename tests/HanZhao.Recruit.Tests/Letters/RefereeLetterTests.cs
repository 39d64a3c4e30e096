using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Letters;

/// <summary>
/// The referee's page behind the private link: who asked and for what, a letter as a PDF or text
/// with optional ratings, declining, and every link or input that must be refused with a message and
/// no change. The app's clock stands in the spring of 2026.
/// </summary>
public sealed class RefereeLetterTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    /// <summary>A one-page PDF that a PDF reader opens, as the upload check demands.</summary>
    private static readonly byte[] Letter = ApplicationDrafts.Pdf(4096);

    [Fact]
    public async Task The_page_names_the_referee_the_applicant_the_program_the_intake_and_the_deadline_and_nothing_more()
    {
        var (token, _) = await RequestAsync();
        using var referee = app.CreateHttpsClient();

        var html = await referee.GetStringAsync($"/letters/{token}");
        var text = PageText.Of(html);

        Assert.Contains("A letter for Li Ming", text, StringComparison.Ordinal);
        Assert.Contains("Dear Prof. Wang Wei, Li Ming asked you for a letter of recommendation for the", text, StringComparison.Ordinal);
        Assert.Contains("Please send it by 2026-04-01 09:00 (Shanghai time, UTC+8).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/applicant/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/review/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("HZ-2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_letter_is_stored_once_with_its_bytes_and_the_link_then_says_it_was_received()
    {
        var (token, id) = await RequestAsync();
        using var referee = app.CreateHttpsClient();

        using (var sent = await SubmitAsync(referee, token, file: Letter, research: "5"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/letters/received", sent.Headers.Location!.OriginalString);
        }

        await using var db = app.CreateDbContext();
        var request = await db.LetterRequests.Include(r => r.Content).SingleAsync(r => r.Id == id);
        Assert.Equal(LetterState.Received, request.State);
        Assert.Equal(5, request.RatingResearch);
        Assert.Null(request.RatingIndependence);
        Assert.Equal(Letter, request.Content!.Bytes);
        Assert.Equal(1, request.Content.PageCount);
        using var again = await referee.GetAsync($"/letters/{token}");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("the letter has been received", PageText.Of(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chinese_letter_as_text_with_ratings_is_stored_and_counted_in_characters()
    {
        var (token, id) = await RequestAsync();
        using var referee = app.CreateHttpsClient();
        var letter = new string('强', 3000);

        using (var sent = await SubmitAsync(referee, token, text: letter, research: "4", independence: "3", communication: "5"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        await using var db = app.CreateDbContext();
        var request = await db.LetterRequests.Include(r => r.Content).SingleAsync(r => r.Id == id);
        Assert.Equal((letter, 4, 3, 5), (request.LetterText, request.RatingResearch, request.RatingIndependence, request.RatingCommunication));
        Assert.Null(request.Content);
    }

    public static TheoryData<string?, bool, string?, string, string> RefusedLetters() => new()
    {
        { null, false, null, "text", "Upload the letter as a PDF or write it in the box." },
        { "   ", false, null, "text", "Upload the letter as a PDF or write it in the box." },
        { "A fine student.", true, null, "text", "Send the letter either as a PDF or as text, not both." },
        { new string('强', 3001), false, null, "text", "Keep the letter to 3,000 words (a Chinese character counts as one)." },
        { "A fine student.", false, "6", "research", "Choose a rating from 1 to 5, or leave it out." },
        { "A fine student.", false, "0", "research", "Choose a rating from 1 to 5, or leave it out." },
        { "A fine student.", false, "3.5", "research", "Choose a rating from 1 to 5, or leave it out." },
        { "A fine student.", false, "５", "research", "Choose a rating from 1 to 5, or leave it out." },
    };

    [Theory]
    [MemberData(nameof(RefusedLetters))]
    public async Task A_refused_letter_gets_400_with_the_message_beside_its_field_and_nothing_is_stored(
        string? text, bool withPdf, string? research, string field, string message)
    {
        var (token, id) = await RequestAsync();
        using var referee = app.CreateHttpsClient();

        using var refused = await SubmitAsync(referee, token, text: text, file: withPdf ? Letter : null, research: research);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"<span class=\"field-error\" id=\"e-{field}\">{System.Net.WebUtility.HtmlEncode(message)}</span>", html, StringComparison.Ordinal);
        await AssertUnchangedAsync(id);
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_is_refused_and_nothing_is_stored()
    {
        var (token, id) = await RequestAsync();
        using var referee = app.CreateHttpsClient();

        using var refused = await SubmitAsync(referee, token, file: "GIF89a not a letter"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The file is not a PDF.", PageText.Of(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AssertUnchangedAsync(id);
    }

    [Fact]
    public async Task A_pdf_over_10_mb_is_refused_with_its_message_and_nothing_is_stored()
    {
        var (token, id) = await RequestAsync();
        using var referee = app.CreateHttpsClient();
        var oversized = ApplicationDrafts.Pdf((int)Web.Apply.PdfUpload.MaxBytes + 1);

        using var refused = await SubmitAsync(referee, token, file: oversized);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The file is larger than 10 MB.", PageText.Of(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AssertUnchangedAsync(id);
    }

    [Fact]
    public async Task A_letter_and_a_decline_sent_at_once_leave_one_answer_and_one_notice()
    {
        var (token, id) = await RequestAsync();
        using var first = app.CreateHttpsClient();
        using var second = app.CreateHttpsClient();

        var answers = await Task.WhenAll(
            SubmitAsync(first, token, text: "A letter."),
            second.PostFormAsync($"/letters/{token}", $"/letters/{token}/decline", [new("reason", "Busy.")]));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        await using var db = app.CreateDbContext();
        var request = await db.LetterRequests.SingleAsync(r => r.Id == id);
        Assert.Equal(request.State == LetterState.Received, request.LetterText == "A letter.");
        Assert.Equal(request.State == LetterState.Declined, request.DeclineReason == "Busy.");
        Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.Kind == "LetterAnswered" && m.ApplicationId == request.ApplicationId));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Unknown_tampered_overlong_and_expired_links_get_their_message_with_400_and_change_nothing()
    {
        var (token, id) = await RequestAsync();
        var (expired, expiredId) = await RequestAsync(expiresInDays: -1);
        using var referee = app.CreateHttpsClient();
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        foreach (var (link, message) in new[]
                 {
                     (tampered, "This letter link is not valid."), (new string('x', 65), "This letter link is not valid."),
                     ("..%2F..%2Fapplicant", "This letter link is not valid."), (expired, "This letter link has expired."),
                 })
        {
            using var page = await referee.GetAsync($"/letters/{link}");
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Contains(message, PageText.Of(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var late = await SubmitAsync(referee, expired, text: "Too late?", tokenPage: $"/letters/{token}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        }

        await AssertUnchangedAsync(id);
        await AssertUnchangedAsync(expiredId);
    }

    [Fact]
    public async Task The_same_letter_sent_from_two_browsers_at_once_is_stored_once_and_neither_gets_an_error_page()
    {
        var (token, id) = await RequestAsync();
        using var first = app.CreateHttpsClient();
        using var second = app.CreateHttpsClient();

        var answers = await Task.WhenAll(
            SubmitAsync(first, token, file: Letter), SubmitAsync(second, token, file: Letter),
            SubmitAsync(first, token, text: "Also a letter"), SubmitAsync(second, token, text: "Another letter"));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.BadRequest }));
        await using var db = app.CreateDbContext();
        Assert.Equal(LetterState.Received, (await db.LetterRequests.SingleAsync(r => r.Id == id)).State);
        Assert.True(await db.LetterContents.CountAsync(c => c.LetterRequestId == id) <= 1);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Declining_keeps_the_reason_and_closes_the_link()
    {
        var (token, id) = await RequestAsync();
        using var referee = app.CreateHttpsClient();

        using (var declined = await referee.PostFormAsync($"/letters/{token}", $"/letters/{token}/decline", [new("reason", "I am on sabbatical until June.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
            Assert.Equal("/letters/declined", declined.Headers.Location!.OriginalString);
        }

        await using var db = app.CreateDbContext();
        var request = await db.LetterRequests.SingleAsync(r => r.Id == id);
        Assert.Equal((LetterState.Declined, "I am on sabbatical until June."), (request.State, request.DeclineReason));
        using var after = await referee.GetAsync($"/letters/{token}");
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
        Assert.Contains("You declined this request.", PageText.Of(await after.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_in_chinese_for_a_chinese_referee()
    {
        var (token, _) = await RequestAsync();
        using var referee = app.CreateHttpsClient();

        var text = PageText.Of(await referee.GetStringAsync($"/letters/{token}?culture=zh-CN"));

        Assert.Contains("Li Ming 的推荐信", text, StringComparison.Ordinal);
        Assert.Contains("请在 2026-04-01 09:00（上海时间，UTC+8）之前提交。", text, StringComparison.Ordinal);
    }

    /// <summary>A request from a new applicant's submitted application; its link expires 2026-04-01 09:00 Shanghai unless told otherwise.</summary>
    private async Task<(string Token, int Id)> RequestAsync(int? expiresInDays = null)
    {
        var applicant = await app.CreateApplicantAsync();
        var application = await app.CreateApplicationAsync(applicant, ApplicationStatus.Submitted);
        var token = LinkTokens.New();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = app.CreateDbContext();
        var request = new LetterRequest
        {
            ApplicationId = application.Id, RefereeName = "Prof. Wang Wei", RefereeEmail = $"wang-{Guid.NewGuid():N}@example.edu",
            RefereeInstitution = "Zhejiang University", Relationship = "Thesis supervisor", Links = [new LetterLink { TokenHash = LinkTokens.Hash(token), IssuedAtUtc = now }],
            RequestedAtUtc = now,
            ExpiresAtUtc = expiresInDays is { } days ? now.AddDays(days) : new DateTime(2026, 4, 1, 1, 0, 0, DateTimeKind.Utc),
        };
        db.LetterRequests.Add(request);
        await db.SaveChangesAsync();
        return (token, request.Id);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string token, string? text = null, byte[]? file = null, string? research = null, string? independence = null,
        string? communication = null, string? tokenPage = null)
    {
        var antiforgery = await client.GetAntiforgeryTokenAsync(tokenPage ?? $"/letters/{token}");
        using var form = new MultipartFormDataContent { { new StringContent(antiforgery), HtmlForms.AntiforgeryField } };
        foreach (var (name, value) in new[] { ("text", text), ("research", research), ("independence", independence), ("communication", communication) })
        {
            if (value is not null)
            {
                form.Add(new StringContent(value), name);
            }
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new("application/pdf");
            form.Add(part, "file", "letter.pdf");
        }

        return await client.PostAsync($"/letters/{token}", form);
    }

    private async Task AssertUnchangedAsync(int id)
    {
        await using var db = app.CreateDbContext();
        var request = await db.LetterRequests.Include(r => r.Content).SingleAsync(r => r.Id == id);
        Assert.Equal(LetterState.Requested, request.State);
        Assert.Null(request.LetterText);
        Assert.Null(request.Content);
        Assert.Null(request.RatingResearch);
    }
}
