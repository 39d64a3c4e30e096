using System.Net;
using System.Text.RegularExpressions;

namespace HanZhao.Recruit.Tests.Platform;

public partial class StaticAssetTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task The_layout_links_a_fingerprinted_stylesheet_that_is_served_and_cached()
    {
        using var client = app.CreateHttpsClient();
        var html = await client.GetStringAsync("/");
        var href = StylesheetLink().Match(html).Groups["href"].Value;
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);

        using var response = await client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("--primary", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_assets_are_served_compressed_to_clients_that_accept_it()
    {
        using var client = app.CreateHttpsClient();
        var href = StylesheetLink().Match(await client.GetStringAsync("/")).Groups["href"].Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>[^"]+)" """)]
    private static partial Regex StylesheetLink();
}
