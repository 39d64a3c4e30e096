using System.Net;

namespace HanZhao.Recruit.Tests.PublicSite;

public class LanguageTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task The_culture_query_switches_the_language_and_is_remembered_in_a_cookie()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/publications?culture=zh-CN");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        response.AssertProtectedCookie(".AspNetCore.Culture", "lax");
        var next = await client.GetStringAsync("/join");
        Assert.Contains("<html lang=\"zh-CN\">", next, StringComparison.Ordinal);
        Assert.Contains("加入我们", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_language_picks_chinese_for_a_new_visitor_and_the_cookie_wins_over_it()
    {
        using var client = app.CreateHttpsClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");

        Assert.Contains("<html lang=\"zh-CN\">", await client.GetStringAsync("/"), StringComparison.Ordinal);
        await client.GetAsync("/?culture=en");
        Assert.Contains("<html lang=\"en\">", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("zh-CN;evil=1")]
    public async Task An_unknown_culture_is_ignored_and_sets_no_cookie(string culture)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/?culture=" + Uri.EscapeDataString(culture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.SetCookie(".AspNetCore.Culture"));
    }

    [Fact]
    public async Task The_language_links_keep_the_page_and_its_filters()
    {
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/publications?year=2024&rank=A");

        Assert.Contains("href=\"/publications?year=2024&amp;rank=A&amp;culture=zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/publications?year=2024&amp;rank=A&amp;culture=en\"", html, StringComparison.Ordinal);
    }
}
