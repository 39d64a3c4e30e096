using HanZhao.Recruit.Web.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel started as with <c>--demo</c>: its fresh database gets the demo data at start.</summary>
public sealed class DemoApp : RecruitAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";
    public const string ProfessorPassword = "a demo to try both sides";

    public DemoApp()
    {
        WithKestrel();
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = ProfessorPassword;
        Settings["Jobs:Enabled"] = "false";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new DemoOptions(Requested: true)));
    }
}

public class DemoBannerTests(DemoApp app, BrowserFixture browser) : IClassFixture<DemoApp>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en", 360)]
    [InlineData("zh-CN", 360)]
    [InlineData("en", 1280)]
    public async Task The_banner_tops_every_page_and_fits_the_screen(string culture, int width)
    {
        var page = await browser.NewPageAsync(app.ServerAddress, width);

        await page.GotoAsync($"/?culture={culture}");

        var banner = await page.Locator(".demo-banner").InnerTextAsync();
        Assert.Contains(culture == "en" ? "Demo data — these applicants are fictional" : "演示数据——这些申请人均为虚构", banner, StringComparison.Ordinal);
        await page.ScreenshotAsync($"demo-home-{culture}-{width}");
        Assert.True(await page.FitsViewportWidthAsync());
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Pages_with_the_banner_are_valid_html()
    {
        using var client = new HttpClient { BaseAddress = app.ServerAddress };
        var pages = new List<(string, string)>();
        foreach (var path in new[] { "/", "/join?culture=zh-CN", "/join/interest" })
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("class=\"demo-banner\"", html, StringComparison.Ordinal);
            pages.Add((path, html));
        }

        var errors = await PageChecks.MarkupErrorsAsync(pages);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_professor_sees_the_demo_applications_under_the_banner()
    {
        var page = await browser.NewPageAsync(app.ServerAddress, 1280);
        await page.GotoAsync("/review?culture=en");
        await page.GetByLabel("Email address").FillAsync(DemoApp.ProfessorEmail);
        await page.GetByLabel("Password").FillAsync(DemoApp.ProfessorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/review?culture=en");

        Assert.Contains("Demo data", await page.Locator(".demo-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Demo Applicant 01", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("demo-review-en-1280");
    }
}
