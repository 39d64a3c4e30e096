using System.Net;
using Microsoft.Net.Http.Headers;

namespace HanZhao.Recruit.Tests.Foundation;

public class SecurityTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private static readonly KeyValuePair<string, string>[] SwitchToChinese =
        [new("culture", "zh-CN"), new("returnUrl", "/")];

    [Theory]
    [InlineData("/")]
    [InlineData("/health/ready")]
    [InlineData("/no-such-page")]
    public async Task Responses_carry_the_security_headers(string path)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync(path);

        var headers = response.Headers;
        var csp = Assert.Single(headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("max-age=31536000", Assert.Single(headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://hanzhao.test"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/");

        Assert.True(response.StatusCode is HttpStatusCode.RedirectKeepVerb or HttpStatusCode.TemporaryRedirect);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        using var client = app.CreateHttpsClient();
        await client.GetAsync("/"); // a visitor who has the antiforgery cookie but posts without the field
        using var content = new FormUrlEncodedContent(SwitchToChinese);

        using var response = await client.PostAsync("/culture", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues(HeaderNames.SetCookie, out var cookies)
                     && cookies.Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The form may have expired", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_with_the_token_is_accepted_and_the_language_is_remembered()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.PostFormAsync("/", "/culture", SwitchToChinese);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues(HeaderNames.SetCookie), c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"zh-CN\">", home, StringComparison.Ordinal);
        Assert.Contains("助理教授", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("")]
    [InlineData("<script>alert(1)</script>")]
    public async Task An_unknown_language_is_refused_and_changes_nothing(string culture)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.PostFormAsync("/", "/culture", [new("culture", culture), new("returnUrl", "/")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains(HeaderNames.SetCookie)
                     && response.Headers.GetValues(HeaderNames.SetCookie).Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task The_language_switch_never_redirects_to_another_site(string returnUrl)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.PostFormAsync("/", "/culture", [new("culture", "en"), new("returnUrl", returnUrl)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Session_cookies_are_secure_httponly_and_samesite()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/");

        var antiforgery = Assert.Single(response.Headers.GetValues(HeaderNames.SetCookie), c => c.StartsWith("hz.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database()
    {
        using var client = app.CreateHttpsClient();
        await client.GetAsync("/"); // issuing an antiforgery token needs a key

        await using var db = app.CreateDbContext();

        Assert.NotEmpty(db.DataProtectionKeys);
    }

    [Fact]
    public async Task A_missing_page_gets_a_friendly_404_page()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("Back to the homepage", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_page_asked_for_as_json_gets_problem_details()
    {
        using var client = app.CreateHttpsClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
