namespace HanZhao.Recruit.EndToEnd;

public class HomePageTests(KestrelApp app, BrowserFixture browser) : IClassFixture<KestrelApp>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_home_page_opens_in_chromium_fits_the_screen_and_passes_axe(int width)
    {
        var page = await browser.NewPageAsync(app.ServerAddress, width);

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response?.Status);
        Assert.Contains("Han Zhao", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        var screenshot = await page.ScreenshotAsync($"foundation-home-{width}");
        Assert.True(new FileInfo(screenshot).Length > 1000, "the screenshot has content");
        Assert.True(await page.FitsViewportWidthAsync(), $"no horizontal scrolling at {width} px");
        Assert.Empty(await page.AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task The_language_switch_changes_the_page_and_is_remembered()
    {
        var page = await browser.NewPageAsync(app.ServerAddress, 1280);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();

        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("助理教授", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await page.ScreenshotAsync("foundation-home-zh-CN-1280");
    }
}
