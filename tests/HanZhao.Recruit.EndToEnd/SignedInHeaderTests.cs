using HanZhao.Recruit.Data.Identity;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>
/// Signed in on a phone, the header keeps to one row: the links fold into a menu, a disclosure that
/// opens with a click or the keyboard, with or without JavaScript. On a laptop the links stand in the row.
/// </summary>
public class SignedInHeaderTests(KestrelApp app, BrowserFixture browser) : IClassFixture<KestrelApp>, IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignedInPageAsync(int width, bool javaScript)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 780 },
            JavaScriptEnabled = javaScript,
            BypassCSP = true,
        });
        var (name, value) = await app.SignInCookieAsync(await app.CreateUserAsync(Roles.Applicant));
        await context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = app.ServerAddress.ToString() }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/applicant");
        return page;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_a_phone_the_signed_in_header_is_one_row_and_its_menu_opens_from_the_keyboard(bool javaScript)
    {
        var page = await SignedInPageAsync(360, javaScript);
        await page.ScreenshotAsync($"header-360-{(javaScript ? "script" : "no-script")}");
        var menu = page.Locator(".site-menu-button");
        var row = await page.Locator(".header-row").BoundingBoxAsync();
        var button = await menu.BoundingBoxAsync();
        var brand = await page.Locator(".brand").BoundingBoxAsync();

        Assert.True(Math.Abs(button!.Y + (button.Height / 2) - (brand!.Y + (brand.Height / 2))) < 8, "the menu button is not beside the name");
        Assert.True(row!.Height < 72, $"the header row is {row.Height} px high");
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "My applications" }).IsVisibleAsync());
        Assert.True(await page.FitsViewportWidthAsync());

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "My applications" }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).IsVisibleAsync());
        Assert.Equal("true", await page.Locator(".site-menu").EvaluateAsync<string>("d => String(d.open)"));
        if (javaScript)
        {
            await page.ScreenshotAsync("header-360-menu-open");
            Assert.Empty(await page.AccessibilityViolationsAsync());
        }
    }

    [Fact]
    public async Task On_a_laptop_the_links_stand_in_the_header_without_a_menu_button()
    {
        var page = await SignedInPageAsync(1280, javaScript: true);

        Assert.False(await page.Locator(".site-menu-button").IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "My applications" }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).IsVisibleAsync());
        await page.ScreenshotAsync("header-1280");
        Assert.Empty(await page.AccessibilityViolationsAsync());
    }
}
