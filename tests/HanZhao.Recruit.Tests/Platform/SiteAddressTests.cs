using System.Net;
using HanZhao.Recruit.Tests.Apply.SignIn;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// Every absolute address the site writes comes from its configuration (or the address it listens
/// on), never from the Host header a request carries, and a request for another host is refused:
/// a sign-in link emailed to a victim must never point at the attacker's host.
/// </summary>
public class SiteAddressTests(SignInAppFactory app) : IClassFixture<SignInAppFactory>
{
    public static TheoryData<string> ForeignHosts => ["evil.example", "hanzhao.test.evil.example", "evil.example:443", "127.0.0.2"];

    [Theory]
    [MemberData(nameof(ForeignHosts))]
    public async Task A_sign_in_request_naming_another_host_is_refused_and_sends_no_link(string host)
    {
        using var client = app.CreateHttpsClient();
        var token = await client.GetAntiforgeryTokenAsync(SignInSteps.FormPath);
        var email = $"victim-{Guid.NewGuid():N}@example.org";
        var (links, emails) = await CountsAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, SignInSteps.FormPath)
        {
            Content = new FormUrlEncodedContent([new("email", email), new("website", ""), new(HtmlForms.AntiforgeryField, token)]),
        };
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((links, emails), await CountsAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/publications")]
    [InlineData("/account/signin")]
    public async Task A_page_asked_for_under_another_host_is_refused(string path)
    {
        using var client = app.CreateHttpsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_answers_its_own_host_in_any_case_and_with_a_trailing_dot()
    {
        using var client = app.CreateHttpsClient();
        foreach (var host in new[] { "HANZHAO.TEST", "hanzhao.test.", "localhost", "127.0.0.1" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            request.Headers.Host = host;
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Pages_name_the_configured_address_in_canonical_links_and_json_ld()
    {
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/?culture=en");

        Assert.Contains("<link rel=\"canonical\" href=\"https://hanzhao.test/?culture=en\"", html, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"https://hanzhao.test/\"", html.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private async Task<(int Links, int Emails)> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.SignInLinks.CountAsync(), await db.EmailMessages.CountAsync());
    }
}

/// <summary>The app as its own process on a real port, with no Recruit:PublicUrl: links use the address it listens on.</summary>
public sealed class UnconfiguredSiteAddressTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new("site-address");
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Without_a_public_url_emailed_links_use_the_listening_address_whatever_host_the_request_names()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = _app.BaseAddress, Timeout = Patience.Limit };
        var token = await browser.GetAntiforgeryTokenAsync("/apply/signin");

        using (var forged = Post(token, "victim@example.org", "evil.example"))
        using (var refused = await browser.SendAsync(forged))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var honest = Post(token, "student@example.org", host: null))
        using (var sent = await browser.SendAsync(honest))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        // Without Smtp:Host every email is an .eml file in the data folder; one was written, for the honest request.
        var mail = Path.Combine(_data.Path, "mail");
        string[] files = [];
        await Patience.UntilAsync(() => (files = Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml") : []).Length > 0, () => "no email was written");

        var message = await File.ReadAllTextAsync(Assert.Single(files));
        Assert.Contains("student@example.org", message, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{_app.BaseAddress.Port}/apply/signin/confirm?token=", message.Replace("=\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(string token, string email, string? host)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/apply/signin")
        {
            Content = new FormUrlEncodedContent([new("email", email), new("website", ""), new(HtmlForms.AntiforgeryField, token)]),
        };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return request;
    }
}
