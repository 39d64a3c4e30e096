using System.Net;
using System.Text.RegularExpressions;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The app as its own process, started the way an operator might: <c>dotnet /path/to/HanZhao.Recruit.Web.dll</c>
/// from whatever folder the shell is in. It must find its own files (settings, stylesheet, script)
/// from where it is installed, not from where it was started.
/// </summary>
public sealed partial class StartedElsewhereTests
{
    [Fact]
    public async Task Started_from_another_folder_the_app_serves_the_stylesheet_and_script_its_pages_link()
    {
        using var data = new TemporaryDirectory("elsewhere-data");
        using var elsewhere = new TemporaryDirectory("elsewhere-cwd");
        await using var app = await AppProcess.StartAsync(data.Path, contentRoot: elsewhere.Path);
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = Patience.Limit };

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        var assets = AssetLink().Matches(html).Select(m => m.Groups["url"].Value).Distinct().ToList();
        Assert.Contains(assets, url => url.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, url => url.EndsWith(".js", StringComparison.Ordinal));
        foreach (var url in assets)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.True(body.Length > 0, $"{url} answered 200 with an empty body");
            Assert.Equal(url.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_static_asset_the_app_cannot_read_is_404_never_an_empty_200()
    {
        using var data = new TemporaryDirectory("unreadable-data");
        using var emptyRoot = new TemporaryDirectory("unreadable-root");
        // Installed without its files: an empty web root and no build manifest pointing at the project's files.
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_WEBROOT"] = emptyRoot.Path,
            ["ASPNETCORE_STATICWEBASSETS"] = Path.Combine(emptyRoot.Path, "no-manifest.json"),
        };
        await using var app = await AppProcess.StartAsync(data.Path, settings, contentRoot: emptyRoot.Path);
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = Patience.Limit };
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var stylesheet = AssetLink().Matches(html).Select(m => m.Groups["url"].Value).First(url => url.EndsWith(".css", StringComparison.Ordinal));

        foreach (var url in new[] { stylesheet, "/css/no-such-file.css" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode} with {(await response.Content.ReadAsByteArrayAsync()).Length} bytes");
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));
            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        }
    }

    [GeneratedRegex("""(?:href|src)="(?<url>/[^"]+\.(?:css|js))"[^>]*>""")]
    private static partial Regex AssetLink();
}
