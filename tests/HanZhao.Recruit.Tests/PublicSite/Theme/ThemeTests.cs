using System.Net;

namespace HanZhao.Recruit.Tests.PublicSite.Theme;

/// <summary>
/// The light/dark switch: the cookie it sets is read by the server, so the first response already
/// carries data-theme; cached pages are kept per theme; it goes back only to a local page.
/// </summary>
public class ThemeTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private static HttpRequestMessage Get(string path, string? theme)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (theme is not null)
        {
            request.Headers.Add("Cookie", "theme=" + theme);
        }

        return request;
    }

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string theme, string returnUrl, bool json = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/theme")
        {
            Content = new FormUrlEncodedContent([new("theme", theme), new("returnUrl", returnUrl)]),
        };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Choosing_dark_sets_the_cookie_and_goes_back_and_the_next_page_is_dark_from_its_first_byte()
    {
        using var client = app.CreateHttpsClient();

        using var chosen = await ChooseAsync(client, "dark", "/publications?year=2024");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/publications?year=2024", chosen.Headers.Location!.OriginalString);
        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("theme=", StringComparison.Ordinal));
        Assert.StartsWith("theme=dark;", cookie, StringComparison.Ordinal);
        using var page = await client.SendAsync(Get("/publications?year=2024", null)); // the client sends the cookie it got
        Assert.Contains("data-theme=\"dark\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_page_is_kept_per_theme_so_no_visitor_gets_another_visitors_theme()
    {
        using var client = app.CreateHttpsClient();
        const string path = "/join?theme-cache=1";

        using var system = await client.SendAsync(Get(path, null));
        using var dark = await client.SendAsync(Get(path, "dark"));
        using var light = await client.SendAsync(Get(path, "light"));
        using var systemAgain = await client.SendAsync(Get(path, null));

        var first = await system.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", first, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" data-theme=\"dark\">", await dark.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" data-theme=\"light\">", await light.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(first, await systemAgain.Content.ReadAsStringAsync());
        // A cookie we never write is the system's theme, not a value echoed into the page.
        using var forged = await client.SendAsync(Get(path, "\"><script>"));
        Assert.Equal(first, await forged.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task The_switch_goes_back_only_to_a_local_page(string returnUrl)
    {
        using var client = app.CreateHttpsClient();

        using var response = await ChooseAsync(client, "light", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task System_forgets_the_choice_an_unknown_theme_is_refused_and_a_script_gets_no_redirect()
    {
        using var client = app.CreateHttpsClient();

        using var system = await ChooseAsync(client, "system", "/");
        Assert.Contains(system.Headers.GetValues("Set-Cookie"), c => c.StartsWith("theme=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        using var unknown = await ChooseAsync(client, "purple", "/");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var script = await ChooseAsync(client, "dark", "/", json: true);
        Assert.Equal(HttpStatusCode.NoContent, script.StatusCode);
    }

    [Fact]
    public async Task The_switch_is_a_form_in_the_header_with_the_current_choice_pressed()
    {
        using var client = app.CreateHttpsClient();

        using var page = await client.SendAsync(Get("/?switch=1", "light"));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("<form method=\"post\" action=\"/theme\" class=\"theme-switch\" data-theme-switch>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"theme\" value=\"light\" aria-pressed=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"theme\" value=\"dark\" aria-pressed=\"false\"", html, StringComparison.Ordinal);
    }
}
