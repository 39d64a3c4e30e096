namespace HanZhao.Recruit.EndToEnd;

public class PublicSiteTests(KestrelApp app, BrowserFixture browser) : IClassFixture<KestrelApp>, IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var path in new[] { "/", "/publications", "/join" })
        {
            foreach (var culture in new[] { "en", "zh-CN" })
            {
                foreach (var width in new[] { 360, 1280 })
                {
                    data.Add(path, culture, width);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_public_page_fits_the_screen_and_passes_axe_in_both_languages(string path, string culture, int width)
    {
        var page = await browser.NewPageAsync(app.ServerAddress, width);

        var response = await page.GotoAsync($"{path}?culture={culture}");

        Assert.Equal(200, response?.Status);
        Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));
        var name = $"public-{(path == "/" ? "home" : path.Trim('/'))}-{culture}-{width}";
        await page.ScreenshotAsync(name);
        Assert.True(await page.FitsViewportWidthAsync(), $"{path} in {culture} scrolls sideways at {width} px");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{path} {culture} {width}px:\n{string.Join("\n", violations)}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/publications")]
    [InlineData("/join")]
    public async Task Dark_mode_follows_the_system_and_keeps_contrast(string path)
    {
        var page = await browser.NewPageAsync(app.ServerAddress, 360, colorScheme: ColorScheme.Dark);

        await page.GotoAsync(path);

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(15, 23, 42)", background);
        await page.ScreenshotAsync($"public-{(path == "/" ? "home" : path.Trim('/'))}-dark-360");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{path} dark:\n{string.Join("\n", violations)}");
    }

    [Fact]
    public async Task A_visitor_reads_the_page_switches_to_chinese_filters_to_ccf_a_2024_cites_and_reaches_the_openings()
    {
        var page = await browser.NewPageAsync(app.ServerAddress, 1280);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/");
        Assert.Contains("Biography", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("个人简介", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "论文" }).ClickAsync();
        await page.GetByLabel("年份").SelectOptionAsync("2024");
        await page.GetByLabel("CCF 等级").SelectOptionAsync("A");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        Assert.Contains("year=2024", page.Url, StringComparison.Ordinal);
        Assert.Equal(4, await page.Locator(".publication").CountAsync());
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await page.ScreenshotAsync("journey-publications-ccf-a-2024-zh-CN");

        await page.Locator(".publication").First.GetByRole(AriaRole.Link, new() { Name = "引用" }).ClickAsync();
        var dialog = page.Locator("#cite-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var bibtex = await dialog.Locator("code").InnerTextAsync();
        Assert.Contains("title = {{Potamoi", bibtex, StringComparison.Ordinal);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "复制" }).ClickAsync();
        Assert.Equal(bibtex, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await page.ScreenshotAsync("journey-cite-dialog-zh-CN");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "加入我们" }).ClickAsync();
        Assert.EndsWith("/join", page.Url, StringComparison.Ordinal);
        Assert.Contains("2026.09", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
