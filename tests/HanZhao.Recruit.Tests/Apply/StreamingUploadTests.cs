using System.Net;
using System.Security.Cryptography;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Apply;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>
/// Uploads stream from the request into the database (issue 17): what is stored and served back is
/// the file, byte for byte, at the 10 MB cap; one byte more is refused in both languages with
/// nothing stored; two submissions of one draft at once make one submission. (A body cut off mid-file
/// is <see cref="Reliability.InterruptedUploadTests"/>: a real socket is needed to send half a request.)
/// </summary>
public class StreamingUploadTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    [Fact]
    public async Task An_upload_of_exactly_10_MB_is_stored_with_its_hash_and_served_back_byte_for_byte_to_the_applicant_and_the_professor()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        await CompleteAsync(client, id);
        var pdf = ApplicationFormSteps.Pdf((int)PdfUpload.MaxBytes);
        Assert.Equal(PdfUpload.MaxBytes, pdf.Length);

        using (var upload = await client.UploadAsync(id, "Cv", pdf, "limit.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        int documentId;
        await using (var db = app.CreateDbContext())
        {
            var document = await db.ApplicationDocuments.AsNoTracking().SingleAsync(d => d.ApplicationId == id && d.Kind == DocumentKind.Cv);
            documentId = document.Id;
            Assert.Equal(pdf.Length, document.SizeBytes);
            Assert.Equal(sha256, document.Sha256);
            var stored = await db.DocumentContents.Where(c => c.DocumentId == documentId).Select(c => c.Bytes).SingleAsync();
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(stored)));
        }

        await AssertServedAsync(client, $"/applicant/documents/{documentId}", pdf);
        using (var submitted = await client.SubmitAsync(id))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        await AssertServedAsync(professor, $"/review/documents/{documentId}", pdf);
    }

    [Theory]
    [InlineData("en", "The file is larger than 10 MB.")]
    [InlineData("zh-CN", "文件超过 10 MB。")]
    public async Task An_upload_one_byte_over_10_MB_is_refused_with_a_message_in_the_language_of_the_page_and_stores_nothing(string culture, string message)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        using (await client.GetAsync($"/?culture={culture}"))
        {
        }

        using var response = await client.UploadAsync(id, "Cv", ApplicationFormSteps.Pdf((int)PdfUpload.MaxBytes + 1), "big.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ApplicationDocuments.AnyAsync(d => d.ApplicationId == id));
        Assert.False(await db.DocumentContents.AnyAsync(c => db.ApplicationDocuments.Any(d => d.Id == c.DocumentId && d.ApplicationId == id)));
    }

    [Fact]
    public async Task A_file_whose_end_is_cut_off_is_refused_as_not_a_pdf_and_stores_nothing()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        var pdf = ApplicationFormSteps.Pdf(3_000_000);

        using var response = await client.UploadAsync(id, "Cv", pdf[..^10], "cut.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The file is not a PDF.", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ApplicationDocuments.AnyAsync(d => d.ApplicationId == id));
    }

    [Fact]
    public async Task Two_submissions_of_one_draft_at_once_make_one_submitted_application_with_one_confirmation()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        await CompleteAsync(client, id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await Task.Yield();
            using var response = await client.SubmitAsync(id);
            return response.StatusCode;
        }));

        Assert.Contains(HttpStatusCode.Redirect, answers);
        Assert.DoesNotContain(answers, status => (int)status >= 500);
        var application = await ApplicationFormSteps.LoadAsync(app, id);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Single(application.StatusHistory, c => c.To == ApplicationStatus.Submitted);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.ApplicantId == application.ApplicantId));
        Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.ApplicationId == id && m.Kind == "SubmissionReceived"));
    }

    private async Task<(HttpClient Client, int Id)> DraftAsync()
    {
        var client = await app.SignedInApplicantAsync($"streaming-{Guid.NewGuid():N}@example.edu");
        return (client, await client.StartAsync());
    }

    /// <summary>Fills every step and uploads the route's documents (the CV again, small); returns the id.</summary>
    private async Task<int> CompleteAsync(HttpClient client, int id)
    {
        await using var db = app.CreateDbContext();
        Assert.Equal(id, await client.FillCompleteApplicationAsync(await ApplicationFormSteps.FirstResearchInterestAsync(db)));
        return id;
    }

    private static async Task AssertServedAsync(HttpClient client, string path, byte[] expected)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
    }
}
