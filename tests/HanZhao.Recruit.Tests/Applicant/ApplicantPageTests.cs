using System.Net;
using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Applicant;

public class ApplicantPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_page_lists_only_the_applicants_own_applications_with_status_history_and_documents()
    {
        var me = await app.CreateApplicantAsync();
        var someoneElse = await app.CreateApplicantAsync();
        var bigPdf = PdfOfSize((int)(2.5 * 1024 * 1024));
        var mine = await app.CreateApplicationAsync(me, ApplicationStatus.UnderReview, documents:
        [
            (DocumentKind.Transcript, "transcript.pdf", bigPdf),
            (DocumentKind.Cv, "li-ming-cv.pdf", PdfOfSize(1536)),
        ]);
        var draft = await app.CreateApplicationAsync(me, ApplicationStatus.Draft);
        var theirs = await app.CreateApplicationAsync(someoneElse, ApplicationStatus.Submitted, documents:
            [(DocumentKind.Cv, "their-cv.pdf", PortalTestAccounts.SmallPdf)]);
        using var client = await app.SignedInClientAsync(me);

        using var response = await client.GetAsync("/applicant");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(mine.ReferenceNumber!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ReferenceNumber!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("their-cv.pdf", html, StringComparison.Ordinal);
        Assert.Contains("Under review", html, StringComparison.Ordinal);
        Assert.Contains("Draft", html, StringComparison.Ordinal);
        Assert.Contains("Not submitted yet", html, StringComparison.Ordinal);
        // History oldest first, with dates: submitted on 03-03, under review on 03-06.
        var submittedStep = html.IndexOf("2026-03-03</time> · Submitted", StringComparison.Ordinal);
        var reviewStep = html.IndexOf("2026-03-06</time> · Under review", StringComparison.Ordinal);
        Assert.True(submittedStep > 0 && reviewStep > submittedStep, "history is missing or out of order");
        // Documents: CV first, sizes from the description columns (the bytes are not read for the list).
        Assert.Contains($"href=\"/applicant/documents/{mine.Documents.Single(d => d.Kind == DocumentKind.Cv).Id}\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("li-ming-cv.pdf", StringComparison.Ordinal) < html.IndexOf("transcript.pdf", StringComparison.Ordinal));
        Assert.Contains("<span data-size>2 KB</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span data-size>2.5 MB</span>", html, StringComparison.Ordinal);
        Assert.Contains("uploaded 2026-03-02", html, StringComparison.Ordinal);
        // Under review: no more editing, still withdrawable. The draft: editable, nothing to withdraw.
        Assert.DoesNotContain($"href=\"/apply/{mine.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applicant/{mine.Id}/withdraw\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/apply/{draft.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/applicant/{draft.Id}/withdraw\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", html, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_application_can_still_be_edited_and_withdrawn()
    {
        var me = await app.CreateApplicantAsync();
        var submitted = await app.CreateApplicationAsync(me, ApplicationStatus.Submitted);
        using var client = await app.SignedInClientAsync(me);

        var html = await client.GetStringAsync("/applicant");

        Assert.Contains($"href=\"/apply/{submitted.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applicant/{submitted.Id}/withdraw\"", html, StringComparison.Ordinal);
        Assert.Contains("Continue / Edit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_speaks_chinese_when_asked()
    {
        var me = await app.CreateApplicantAsync();
        await app.CreateApplicationAsync(me, ApplicationStatus.Interview, documents: [(DocumentKind.Cv, "cv.pdf", PortalTestAccounts.SmallPdf)]);
        using var client = await app.SignedInClientAsync(me);

        var html = await client.GetStringAsync("/applicant?culture=zh-CN");

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("我的申请", html, StringComparison.Ordinal);
        Assert.Contains("面试", html, StringComparison.Ordinal);
        Assert.Contains("简历", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Under review", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applicant_without_applications_is_sent_to_the_openings()
    {
        var me = await app.CreateApplicantAsync();
        using var client = await app.SignedInClientAsync(me);

        var html = await client.GetStringAsync("/applicant");

        Assert.Contains("You have not started an application yet.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/join\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/applicant")]
    [InlineData("/applicant/documents/1")]
    [InlineData("/applicant/1/withdraw")]
    public async Task An_anonymous_visitor_is_sent_to_the_applicant_sign_in(string path)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/apply/signin?returnPath=" + Uri.EscapeDataString(path), response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_member_is_not_an_applicant()
    {
        var reviewer = await app.CreateApplicantAsync(role: Roles.Reviewer);
        using var client = await app.SignedInClientAsync(reviewer);

        using var response = await client.GetAsync("/applicant");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/error/403", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Another_applicants_document_answers_404_like_a_missing_one()
    {
        var me = await app.CreateApplicantAsync();
        var someoneElse = await app.CreateApplicantAsync();
        var theirs = await app.CreateApplicationAsync(someoneElse, ApplicationStatus.Submitted, documents:
            [(DocumentKind.Cv, "their-cv.pdf", PortalTestAccounts.SmallPdf)]);
        using var client = await app.SignedInClientAsync(me);

        using var other = await client.GetAsync($"/applicant/documents/{theirs.Documents[0].Id}");
        using var missing = await client.GetAsync("/applicant/documents/987654");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotEqual("application/pdf", other.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_own_document_is_served_as_a_sandboxed_inline_pdf()
    {
        var me = await app.CreateApplicantAsync();
        var mine = await app.CreateApplicationAsync(me, ApplicationStatus.Submitted, documents:
            [(DocumentKind.Cv, "li-ming-cv.pdf", PortalTestAccounts.SmallPdf)]);
        using var client = await app.SignedInClientAsync(me);

        using var response = await client.GetAsync($"/applicant/documents/{mine.Documents[0].Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PortalTestAccounts.SmallPdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("li-ming-cv.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_document_is_offered_as_a_download_when_asked()
    {
        var me = await app.CreateApplicantAsync();
        var mine = await app.CreateApplicationAsync(me, ApplicationStatus.Submitted, documents:
            [(DocumentKind.Transcript, "transcript.pdf", PortalTestAccounts.SmallPdf)]);
        using var client = await app.SignedInClientAsync(me);

        using var response = await client.GetAsync($"/applicant/documents/{mine.Documents[0].Id}?download=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task A_file_name_with_quotes_line_breaks_and_chinese_is_encoded_safely()
    {
        var me = await app.CreateApplicantAsync();
        var mine = await app.CreateApplicationAsync(me, ApplicationStatus.Submitted, documents:
            [(DocumentKind.Cv, "my \"best\" cv\r\nX-Injected: yes 简历.pdf", PortalTestAccounts.SmallPdf)]);
        using var client = await app.SignedInClientAsync(me);

        using var response = await client.GetAsync($"/applicant/documents/{mine.Documents[0].Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Injected"));
        Assert.False(response.Content.Headers.Contains("X-Injected"));
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        // filename* carries the UTF-8 name without the control characters, nor the quotes and colon
        // that file systems refuse (the one safe name of every file the app hands out) ...
        Assert.Equal("my best cvX-Injected yes 简历.pdf", disposition.FileNameStar);
        // ... and filename an ASCII fallback.
        var raw = string.Join(",", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.True(raw.All(c => c is >= ' ' and <= '~'), raw);
        Assert.Contains("filename=\"my best cvX-Injected yes __.pdf\"", raw, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_withdrawal_page_explains_what_withdrawing_means()
    {
        var me = await app.CreateApplicantAsync();
        var mine = await app.CreateApplicationAsync(me, ApplicationStatus.Interview);
        using var client = await app.SignedInClientAsync(me);

        var html = await client.GetStringAsync($"/applicant/{mine.Id}/withdraw");

        Assert.Contains("cannot be reopened", html, StringComparison.Ordinal);
        Assert.Contains(mine.ReferenceNumber!, html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/applicant/{mine.Id}/withdraw\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"{HtmlForms.AntiforgeryField}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_a_submitted_application_closes_it_records_the_step_and_queues_one_email_in_its_language()
    {
        var me = await app.CreateApplicantAsync(culture: "zh-CN");
        var mine = await app.CreateApplicationAsync(me, ApplicationStatus.Submitted, culture: "zh-CN");
        using var client = await app.SignedInClientAsync(me);
        var page = $"/applicant/{mine.Id}/withdraw";

        // The browser is in English; the email follows the application's language.
        using var response = await client.PostFormAsync(page + "?culture=en", page, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/applicant?withdrawn={mine.Id}", response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        var saved = await db.Applications.Include(a => a.StatusHistory).SingleAsync(a => a.Id == mine.Id);
        Assert.Equal(ApplicationStatus.Withdrawn, saved.Status);
        Assert.True(saved.UpdatedAtUtc > mine.UpdatedAtUtc);
        var step = saved.StatusHistory.OrderBy(h => h.Id).Last();
        Assert.Equal((ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, me.Id), (step.From, step.To, step.ChangedByUserId));
        var email = Assert.Single(await db.EmailMessages.Where(m => m.ApplicationId == mine.Id).ToListAsync());
        Assert.Equal("WithdrawalConfirmed", email.Kind);
        Assert.Equal(me.Email, email.ToAddress);
        Assert.Equal("zh-CN", email.Culture);
        Assert.Contains(mine.ReferenceNumber!, email.Subject, StringComparison.Ordinal);
        Assert.Contains("撤回", email.Subject, StringComparison.Ordinal);
        Assert.Contains(mine.ReferenceNumber!, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("无法重新打开", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://hanzhao.test/applicant?culture=zh-CN", email.TextBody, StringComparison.Ordinal);

        var after = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"Application {mine.ReferenceNumber} has been withdrawn.", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/applicant/{mine.Id}/withdraw\"", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationStatus.Offer)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Accepted)]
    [InlineData(ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Draft)]
    public async Task Withdrawing_is_refused_with_400_outside_submission_to_decision_and_changes_nothing(ApplicationStatus status)
    {
        var me = await app.CreateApplicantAsync();
        var decided = await app.CreateApplicationAsync(me, status);
        var open = await app.CreateApplicationAsync(me, ApplicationStatus.Submitted); // a page with the form, for the token
        using var client = await app.SignedInClientAsync(me);
        var before = await SnapshotAsync(decided.Id);

        using var page = await client.GetAsync($"/applicant/{decided.Id}/withdraw");
        using var response = await client.PostFormAsync($"/applicant/{open.Id}/withdraw", $"/applicant/{decided.Id}/withdraw", []);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This application cannot be withdrawn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(decided.Id));
    }

    [Fact]
    public async Task Withdrawing_another_applicants_application_answers_404_and_changes_nothing()
    {
        var me = await app.CreateApplicantAsync();
        var someoneElse = await app.CreateApplicantAsync();
        var mine = await app.CreateApplicationAsync(me, ApplicationStatus.Submitted);
        var theirs = await app.CreateApplicationAsync(someoneElse, ApplicationStatus.Submitted);
        using var client = await app.SignedInClientAsync(me);
        var before = await SnapshotAsync(theirs.Id);

        using var page = await client.GetAsync($"/applicant/{theirs.Id}/withdraw");
        using var response = await client.PostFormAsync($"/applicant/{mine.Id}/withdraw", $"/applicant/{theirs.Id}/withdraw", []);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync(theirs.Id));
    }

    [Fact]
    public async Task A_withdrawal_posted_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var me = await app.CreateApplicantAsync();
        var mine = await app.CreateApplicationAsync(me, ApplicationStatus.Submitted);
        using var client = await app.SignedInClientAsync(me);
        await client.GetAsync($"/applicant/{mine.Id}/withdraw"); // has the cookie, forgets the field
        var before = await SnapshotAsync(mine.Id);

        using var response = await client.PostAsync($"/applicant/{mine.Id}/withdraw", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync(mine.Id));
    }

    [Fact]
    public async Task Withdrawing_twice_sends_one_email()
    {
        var me = await app.CreateApplicantAsync();
        var mine = await app.CreateApplicationAsync(me, ApplicationStatus.UnderReview);
        using var client = await app.SignedInClientAsync(me);
        var page = $"/applicant/{mine.Id}/withdraw";
        var token = await client.GetAntiforgeryTokenAsync(page);

        // Two posts at once, as a double click sends them.
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.PostAsync(page, new FormUrlEncodedContent([new(HtmlForms.AntiforgeryField, token)]))));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], responses.Select(r => r.StatusCode).Order());
        await using var db = app.CreateDbContext();
        Assert.Single(await db.EmailMessages.Where(m => m.ApplicationId == mine.Id).ToListAsync());
        Assert.Single(await db.ApplicationStatusChanges.Where(c => c.ApplicationId == mine.Id && c.To == ApplicationStatus.Withdrawn).ToListAsync());
    }

    /// <summary>What a refused withdrawal must leave untouched: status, update time, history, emails.</summary>
    private async Task<string> SnapshotAsync(int applicationId)
    {
        await using var db = app.CreateDbContext();
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
        var history = await db.ApplicationStatusChanges.CountAsync(c => c.ApplicationId == applicationId);
        var emails = await db.EmailMessages.CountAsync(m => m.ApplicationId == applicationId);
        return $"{application.Status} {application.UpdatedAtUtc:O} history={history} emails={emails}";
    }

    /// <summary>A valid PDF of exactly <paramref name="size"/> bytes (padded with a comment).</summary>
    private static byte[] PdfOfSize(int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        Encoding.ASCII.GetBytes("%PDF-1.4\n%").CopyTo(bytes, 0);
        Encoding.ASCII.GetBytes("\n%%EOF\n").CopyTo(bytes, size - 7);
        return bytes;
    }
}
