using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel; one browser registers several times, so the per-client limit is raised.</summary>
public sealed class InterestPageApp : RecruitAppFactory
{
    public InterestPageApp()
    {
        WithKestrel();
        Settings["Recruit:Interest:ClientPermitLimit"] = "1000";
        Settings["Jobs:Enabled"] = "false";
    }
}

/// <summary>/join/interest as a visitor on a phone and a laptop, in both languages: register, then confirm by the emailed link.</summary>
public partial class InterestPageTests(InterestPageApp app, BrowserFixture browser) : IClassFixture<InterestPageApp>, IClassFixture<BrowserFixture>
{
    public static TheoryData<string, int> Views() => new()
    {
        { "en", 360 }, { "en", 1280 }, { "zh-CN", 360 }, { "zh-CN", 1280 },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task A_visitor_registers_and_confirms_on_pages_that_fit_the_screen_and_pass_axe(string culture, int width)
    {
        var email = $"visitor-{culture.ToLowerInvariant()}-{width}-{Guid.NewGuid():N}@example.com";
        var chinese = culture == "zh-CN";
        var page = await browser.NewPageAsync(app.ServerAddress, width);

        await page.GotoAsync($"/join/interest?program=PhD&culture={culture}");
        await CheckAsync(page, $"interest-form-{culture}-{width}");
        await page.GetByLabel(chinese ? "邮箱地址" : "Email address").FillAsync(email);
        await page.GetByLabel(chinese ? "你的姓名" : "Your name").FillAsync(chinese ? "李雷" : "Li Lei");
        await page.GetByLabel(chinese ? "你计划的招生类型" : "The admission route you plan").SelectOptionAsync("DirectPhd");
        await page.GetByRole(AriaRole.Button, new() { Name = chinese ? "登记" : "Register" }).ClickAsync();
        await page.WaitForURLAsync("**/join/interest/sent");
        await CheckAsync(page, $"interest-sent-{culture}-{width}");

        await page.GotoAsync(await ConfirmLinkAsync(email));
        await CheckAsync(page, $"interest-confirm-{culture}-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = chinese ? "确认" : "Confirm" }).ClickAsync();
        await page.WaitForURLAsync("**/join/interest/confirmed?program=PhD");
        await CheckAsync(page, $"interest-confirmed-{culture}-{width}");

        await using var db = app.CreateDbContext();
        Assert.NotNull((await db.InterestRegistrations.SingleAsync(r => r.Email == email)).ConfirmedAtUtc);
    }

    [Fact]
    public async Task A_refused_registration_on_a_phone_shows_each_message_beside_its_field()
    {
        var page = await browser.NewPageAsync(app.ServerAddress, 360);
        await page.GotoAsync("/join/interest?culture=en");
        // What a browser's own checks would stop, the server must refuse too: switched off here.
        await page.EvalOnSelectorAsync("form.interest-form", "form => form.noValidate = true");
        await page.GetByLabel("Email address").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        Assert.Contains("Enter a valid email address", await page.Locator("#e-email").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter your name.", await page.Locator("#e-name").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Choose PhD or Master.", await page.Locator("#e-program").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, "interest-form-refused-en-360");
    }

    [Fact]
    public async Task The_registration_pages_are_valid_html()
    {
        using var client = new HttpClient { BaseAddress = app.ServerAddress };
        var pages = new List<(string, string)>();
        foreach (var path in new[]
        {
            "/join/interest", "/join/interest?culture=zh-CN", "/join/interest/sent", "/join/interest/confirm?token=abc",
            "/join/interest/confirmed?program=Master", "/join/interest/unsubscribe?token=abc", "/join/interest/unsubscribed",
        })
        {
            pages.Add((path, await client.GetStringAsync(path)));
        }

        using var refused = await client.PostAsync("/join/interest/confirm", new FormUrlEncodedContent([new("token", "abc")]));
        pages.Add(("/join/interest/confirm (antiforgery refused)", await refused.Content.ReadAsStringAsync()));

        var errors = await PageChecks.MarkupErrorsAsync(pages);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(name);
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} scrolls sideways");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }

    private async Task<string> ConfirmLinkAsync(string email)
    {
        await using var db = app.CreateDbContext();
        var message = await db.EmailMessages.SingleAsync(m => m.ToAddress == email && m.Kind == "InterestConfirmation");
        return new Uri(ConfirmLink().Match(message.TextBody).Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/join/interest/confirm\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
