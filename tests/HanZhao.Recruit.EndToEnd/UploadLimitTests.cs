using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>What only a real server shows: Kestrel refuses an oversized upload from its length alone.</summary>
public partial class UploadLimitTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Fact]
    public async Task An_upload_far_over_10_MB_is_refused_with_413_before_its_body_is_read_and_nothing_is_stored()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = app.ServerAddress };
        const string Email = "big.upload@example.edu";
        using (var linkRequest = await client.PostFormAsync("/apply/signin", "/apply/signin", [new("email", Email), new("website", "")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, linkRequest.StatusCode);
        }

        string token;
        await using (var db = app.CreateDbContext())
        {
            var message = await db.EmailMessages.Where(m => m.ToAddress == Email).OrderByDescending(m => m.CreatedAtUtc).FirstAsync();
            token = Uri.UnescapeDataString(Token().Match(message.TextBody).Groups[1].Value);
        }

        using (var confirm = await client.PostFormAsync($"/apply/signin/confirm?token={Uri.EscapeDataString(token)}", "/apply/signin/confirm", [new("token", token)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        }

        using var start = await client.GetAsync("/apply?intake=2026.09&program=PhD");
        var id = start.Headers.Location!.OriginalString.Split('/')[2];
        var antiforgery = await client.GetAntiforgeryTokenAsync($"/apply/{id}/documents");
        // 30 MB that the server must not read: the declared length alone is over the limit.
        using var content = new MultipartFormDataContent
        {
            { new StringContent(antiforgery), HtmlForms.AntiforgeryField },
            { new StringContent("Cv"), "kind" },
            { new ByteArrayContent(new byte[30 * 1024 * 1024]), "file", "huge.pdf" },
        };

        // Expect: 100-continue lets the server answer from the headers, as it does for a browser's
        // large upload, instead of the client pushing 30 MB into a closed connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/apply/{id}/documents") { Content = content };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var after = app.CreateDbContext();
        Assert.Equal(0, await after.ApplicationDocuments.CountAsync());
    }

    [GeneratedRegex(@"token=([^\s&]+)")]
    private static partial Regex Token();
}
