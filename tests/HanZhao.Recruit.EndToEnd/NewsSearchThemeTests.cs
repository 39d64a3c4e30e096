using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>
/// The homepage's news, /news and /search in a chosen dark theme (over a light system) and a chosen
/// light one (over a dark system), at a phone's and a laptop's width: axe-clean, no sideways scroll;
/// and the header's switch changing the theme at once with JavaScript and keeping it after a reload.
/// The news items are fictional test data.
/// </summary>
public class NewsSearchThemeTests(KestrelApp app, BrowserFixture browser) : IClassFixture<KestrelApp>, IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var path in new[] { "/", "/news", "/search?q=gpu" })
        {
            foreach (var theme in new[] { "dark", "light" })
            {
                foreach (var width in new[] { 360, 1280 })
                {
                    data.Add(path, theme, width);
                }
            }
        }

        return data;
    }

    private async Task AddFictionalNewsAsync()
    {
        app.StartServer();
        await using var db = app.CreateDbContext();
        if (db.News.Any())
        {
            return;
        }

        var now = DateTime.UtcNow;
        db.News.AddRange(
            new NewsItem { Date = new DateOnly(2026, 2, 20), Text = new LocalizedText("Fictional: a paper on GPU cluster scheduling was accepted at a test conference.", "虚构：一篇关于 GPU 集群调度的论文被测试会议录用。"), Link = "/publications", CreatedAtUtc = now, UpdatedAtUtc = now },
            new NewsItem { Date = new DateOnly(2026, 1, 8), Text = new LocalizedText("Fictional: the lab welcomes two new PhD students.", "虚构：实验室迎来两位新博士生。"), CreatedAtUtc = now, UpdatedAtUtc = now });
        await db.SaveChangesAsync();
    }

    private async Task<IPage> PageWithThemeAsync(string theme, int width)
    {
        // The chosen theme is the opposite of the system's, so the page shows the cookie was obeyed.
        var page = await browser.NewPageAsync(app.ServerAddress, width, colorScheme: theme == "dark" ? ColorScheme.Light : ColorScheme.Dark);
        await page.Context.AddCookiesAsync([new Cookie { Name = "theme", Value = theme, Url = app.ServerAddress.ToString() }]);
        return page;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task News_and_search_fit_the_screen_and_pass_axe_in_a_chosen_theme(string path, string theme, int width)
    {
        await AddFictionalNewsAsync();
        var page = await PageWithThemeAsync(theme, width);

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        Assert.Equal(theme, await page.Locator("html").GetAttributeAsync("data-theme"));
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal(theme == "dark" ? "rgb(15, 23, 42)" : "rgb(255, 255, 255)", background);
        var name = path == "/" ? "home" : path.Trim('/').Split('?')[0];
        await page.ScreenshotAsync($"news-{name}-{theme}-{width}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{path} in {theme} scrolls sideways at {width} px");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{path} {theme} {width}px:\n{string.Join("\n", violations)}");
    }

    [Fact]
    public async Task The_switch_changes_the_theme_at_once_and_the_next_page_comes_dark_from_the_server()
    {
        await AddFictionalNewsAsync();
        var page = await browser.NewPageAsync(app.ServerAddress, 1280);
        await page.GotoAsync("/news");
        Assert.Null(await page.Locator("html").GetAttributeAsync("data-theme"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.EndsWith("/news", page.Url, StringComparison.Ordinal); // no navigation: the script switched it
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToHaveAttributeAsync("aria-pressed", "true");
        var response = await page.ReloadAsync();
        Assert.Contains("data-theme=\"dark\"", await response!.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_search_finds_a_chinese_word_inside_a_news_item_without_javascript()
    {
        await AddFictionalNewsAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(), ViewportSize = new ViewportSize { Width = 360, Height = 800 }, JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?culture=zh-CN");

        await page.GetByLabel("搜索本站").FillAsync("调度");
        await page.Locator(".header-search button").ClickAsync();

        await Assertions.Expect(page.Locator("main mark").First).ToHaveTextAsync("调度");
        await page.ScreenshotAsync("news-search-zh-CN-360-no-js");
    }
}
