using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The app as its own process behind nginx terminating TLS, the way it is deployed: the app trusts
/// forwarded headers from the proxy's address only (<c>Recruit:Proxy:KnownProxies</c>). Clients reach
/// nginx from addresses of their own (127.0.0.3, .4, ...), which nginx appends to X-Forwarded-For; a
/// forger talks to the app directly from 127.0.0.1.
/// </summary>
public sealed partial class ReverseProxyTests(ReverseProxyTests.Site site) : IClassFixture<ReverseProxyTests.Site>
{
    /// <summary>Sign-in link requests one client may make per window here (10 by default).</summary>
    private const int ClientPermitLimit = 3;

    [Fact]
    public async Task Cookies_are_Secure_and_HSTS_is_sent_through_the_proxy()
    {
        using var client = site.Proxy.Client("127.0.0.3");

        using var response = await client.GetAsync(new Uri("/apply/signin", UriKind.Relative));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("hz.af=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Redirects_go_to_https_on_the_public_host()
    {
        using var client = site.Proxy.Client("127.0.0.3");

        using var response = await client.GetAsync(new Uri("/review", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Proxy.PublicUrl + "account/signin", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_that_is_not_the_sites_is_refused_through_the_proxy()
    {
        using var client = site.Proxy.Client("127.0.0.3");

        // nginx forwards whatever Host was asked for; the app accepts only its public host.
        using var response = await client.GetAsync(new Uri($"https://other.test:{site.Proxy.Port.ToString(CultureInfo.InvariantCulture)}/apply/signin"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_emailed_link_is_https_on_the_public_host_and_works_through_the_proxy()
    {
        using var client = site.Proxy.Client("127.0.0.5");
        const string email = "behind-proxy@example.edu";

        using var requested = await client.PostFormAsync("/apply/signin", "/apply/signin", [new("email", email)]);
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var message = Assert.Single(await site.Smtp.WaitForMessagesToAsync(email));

        var link = LinkPattern().Match(message.TextBody ?? message.HtmlBody ?? string.Empty);
        Assert.True(link.Success, message.TextBody);
        Assert.StartsWith(site.Proxy.PublicUrl + "apply/signin/confirm?token=", link.Value, StringComparison.Ordinal);
        using var opened = await client.GetAsync(new Uri(link.Value));
        await opened.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_clients_behind_the_proxy_have_separate_limits_and_a_forged_header_through_it_changes_nothing()
    {
        using var first = site.Proxy.Client("127.0.0.6");
        using var second = site.Proxy.Client("127.0.0.7");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Redirect, ClientPermitLimit), await RequestLinksAsync(first, "first", ClientPermitLimit));
        Assert.Equal(new[] { HttpStatusCode.TooManyRequests }, await RequestLinksAsync(first, "first-over", 1));
        // nginx appends the address it saw; the app reads only that last entry.
        Assert.Equal(new[] { HttpStatusCode.TooManyRequests }, await RequestLinksAsync(first, "first-forged", 1, forwardedFor: "203.0.113.9"));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Redirect, ClientPermitLimit), await RequestLinksAsync(second, "second", ClientPermitLimit));
    }

    [Fact]
    public async Task A_client_that_forges_forwarded_headers_at_the_app_gains_nothing()
    {
        using var direct = Direct();

        // Its own address's bucket: used up, then every forged address still lands in it.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Redirect, ClientPermitLimit), await RequestLinksAsync(direct, "direct", ClientPermitLimit));
        Assert.Equal(new[] { HttpStatusCode.TooManyRequests }, await RequestLinksAsync(direct, "forged-a", 1, forwardedFor: "198.51.100.1"));
        // Naming the trusted proxy as the last hop does not make it one.
        Assert.Equal(new[] { HttpStatusCode.TooManyRequests }, await RequestLinksAsync(direct, "forged-b", 1, forwardedFor: "198.51.100.2, 127.0.0.2"));

        // Forged https and host: still plain http on the address it reached.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/review");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", NginxProxy.PublicHost);
        request.Headers.Add("X-Forwarded-For", "198.51.100.3");
        using var response = await direct.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.App.BaseAddress + "account/signin", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));

        using var page = new HttpRequestMessage(HttpMethod.Get, "/apply/signin");
        page.Headers.Add("X-Forwarded-Proto", "https");
        using var fresh = Direct();
        using var form = await fresh.SendAsync(page);
        Assert.Contains(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hz.af=", StringComparison.Ordinal));
        Assert.All(form.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A client of the app's own port, from 127.0.0.1: not the trusted proxy.</summary>
    private HttpClient Direct() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = site.App.BaseAddress,
            Timeout = Patience.Limit,
        };

    /// <summary>Posts <paramref name="count"/> sign-in link requests (each for a new address, so only the per-client limit can refuse them).</summary>
    private static async Task<List<HttpStatusCode>> RequestLinksAsync(HttpClient client, string prefix, int count, string? forwardedFor = null)
    {
        var token = await client.GetAntiforgeryTokenAsync("/apply/signin");
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < count; n++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/apply/signin")
            {
                Content = new FormUrlEncodedContent([new("email", $"{prefix}-{n}@example.edu"), new(HtmlForms.AntiforgeryField, token)]),
            };
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }

            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/apply/signin/confirm\?token=[^\s""<>]+")]
    private static partial Regex LinkPattern();

    /// <summary>The SMTP test server, the app process (trusting 127.0.0.2 only) and nginx in front of it.</summary>
    public sealed class Site : IAsyncLifetime
    {
        private readonly TemporaryDirectory _data = new("proxy");

        public SmtpTestServer Smtp { get; } = new();

        public AppProcess App { get; private set; } = null!;

        public NginxProxy Proxy { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Smtp.StartAsync();
            var proxyPort = AppProcess.FreePort();
            App = await AppProcess.StartAsync(_data.Path, new Dictionary<string, string?>
            {
                ["Smtp:Host"] = Smtp.Host,
                ["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Recruit:PublicUrl"] = $"https://{NginxProxy.PublicHost}:{proxyPort.ToString(CultureInfo.InvariantCulture)}/",
                ["Recruit:Proxy:KnownProxies"] = NginxProxy.ProxyAddress,
                ["Recruit:SignIn:ClientPermitLimit"] = ClientPermitLimit.ToString(CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Warning",
            });
            Proxy = await NginxProxy.StartAsync(proxyPort, App.BaseAddress);
        }

        public async Task DisposeAsync()
        {
            if (Proxy is not null)
            {
                await Proxy.DisposeAsync();
            }

            if (App is not null)
            {
                await App.DisposeAsync();
            }

            await Smtp.DisposeAsync();
            _data.Dispose();
        }
    }
}
