using System.Net;

namespace HanZhao.Recruit.Tests.Platform;

public class SecurityTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
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
