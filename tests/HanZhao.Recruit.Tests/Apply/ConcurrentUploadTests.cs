using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>At most one CV, one transcript and three other documents, however many uploads arrive at once.</summary>
public class ConcurrentUploadTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    private const int AtOnce = 6;

    [Fact]
    public async Task Six_concurrent_other_uploads_store_exactly_three_and_the_rest_get_the_limit_message()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        var answers = await UploadAtOnceAsync(client, id, "Other");

        Assert.DoesNotContain(answers, a => (int)a.Status >= 500);
        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.Redirect));
        var refused = answers.Where(a => a.Status != HttpStatusCode.Redirect).ToList();
        Assert.Equal(3, refused.Count);
        Assert.All(refused, a =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, a.Status);
            Assert.Contains("at most 3 other documents", a.Text, StringComparison.Ordinal);
            // The documents step again, its boxes by name (the kind selector is gone).
            Assert.Contains("Other documents (optional)", a.Text, StringComparison.Ordinal);
        });
        Assert.Equal(3, (await DocumentsAsync(id)).Count(d => d.Kind == DocumentKind.Other));
        await AssertEveryDocumentHasItsBytesAsync(id);
    }

    [Theory]
    [InlineData("Cv", DocumentKind.Cv)]
    [InlineData("Transcript", DocumentKind.Transcript)]
    public async Task Six_concurrent_uploads_of_a_cv_or_transcript_leave_exactly_one(string kind, DocumentKind stored)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        using (var first = await client.UploadAsync(id, kind, ApplicationFormSteps.Pdf(), "first.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var answers = await UploadAtOnceAsync(client, id, kind);

        Assert.DoesNotContain(answers, a => (int)a.Status >= 500);
        // A new CV replaces the old one, also when several arrive together; the last one to commit stays.
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        var document = Assert.Single(await DocumentsAsync(id), d => d.Kind == stored);
        Assert.StartsWith("upload-", document.FileName, StringComparison.Ordinal);
        await AssertEveryDocumentHasItsBytesAsync(id);
    }

    [Fact]
    public async Task Removing_one_document_twice_at_once_removes_it_and_answers_both_without_an_error()
    {
        var (client, id) = await DraftAsync();
        using var _ = client;
        using (var upload = await client.UploadAsync(id, "Other", ApplicationFormSteps.Pdf(), "certificate.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var documentId = Assert.Single(await DocumentsAsync(id)).Id;
        var token = await client.GetAntiforgeryTokenAsync($"/apply/{id}/documents");

        // A double click on "Remove".
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await Task.Yield();
            using var response = await client.PostFormAsync($"/apply/{id}/documents/{documentId}/delete", [], token);
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Empty(await DocumentsAsync(id));
    }

    private async Task<(HttpClient Client, int Id)> DraftAsync()
    {
        var client = await app.SignedInApplicantAsync($"student-{Guid.NewGuid():N}@example.edu");
        return (client, await client.StartAsync());
    }

    private static async Task<IReadOnlyList<(HttpStatusCode Status, string Text)>> UploadAtOnceAsync(HttpClient client, int id, string kind)
    {
        var token = await client.GetAntiforgeryTokenAsync($"/apply/{id}/documents");
        var uploads = Enumerable.Range(0, AtOnce).Select(async n =>
        {
            await Task.Yield();
            using var response = await client.UploadAsync(id, kind, ApplicationFormSteps.Pdf(2048 + n), $"upload-{n}.pdf", antiforgeryToken: token);
            return (response.StatusCode, PageText.Of(await response.Content.ReadAsStringAsync()));
        }).ToList();
        return await Task.WhenAll(uploads);
    }

    private async Task<List<ApplicationDocument>> DocumentsAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == id).ToListAsync();
    }

    private async Task AssertEveryDocumentHasItsBytesAsync(int id)
    {
        await using var db = app.CreateDbContext();
        var documents = await db.ApplicationDocuments.Where(d => d.ApplicationId == id).Select(d => d.Id).ToListAsync();
        Assert.Equal(documents.Order(), await db.DocumentContents.Where(c => documents.Contains(c.DocumentId)).Select(c => c.DocumentId).OrderBy(x => x).ToListAsync());
    }
}
