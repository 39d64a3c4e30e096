using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel with a professor account from configuration and no job server.</summary>
public sealed class DailyThingsApp : RecruitAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";
    public const string ProfessorPassword = "one helper for every time";

    public DailyThingsApp()
    {
        WithKestrel();
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = ProfessorPassword;
        Settings["Jobs:Enabled"] = "false";
    }
}

/// <summary>The pages of the small daily things, as a person sees them: possible duplicates, alerts, the QR code, forgot password.</summary>
public class DailyThingsPageTests(DailyThingsApp app, BrowserFixture browser) : IClassFixture<DailyThingsApp>, IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignedInPageAsync(int width)
    {
        var page = await browser.NewPageAsync(app.ServerAddress, width);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email address").FillAsync(DailyThingsApp.ProfessorEmail);
        await page.GetByLabel("Password").FillAsync(DailyThingsApp.ProfessorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    private static async Task CheckAsync(IPage page, int width, string name)
    {
        await page.ScreenshotAsync($"daily-{width}-{name}");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} is wider than {width} px");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_daily_pages_are_accessible_and_fit_the_screen(int width)
    {
        var (first, second) = await CreateDuplicatePairAsync(width);
        var page = await SignedInPageAsync(width);

        await page.GotoAsync($"/review/applications/{first}");
        await page.Locator($"[data-duplicate='{second}']").WaitForAsync();
        await CheckAsync(page, width, "duplicates");
        await page.GotoAsync("/review/settings/alerts");
        await CheckAsync(page, width, "alerts");
        await page.GotoAsync("/account/2fa");
        await page.Locator("[data-qr-code] svg").WaitForAsync();
        await CheckAsync(page, width, "qr-code");
        await page.GotoAsync("/review/audit");
        await CheckAsync(page, width, "audit");

        await page.GotoAsync($"/review/applications/{second}");
        await page.Locator($"[data-duplicate='{first}']").GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await page.Locator("[data-duplicates]").CountAsync());

        var visitor = await browser.NewPageAsync(app.ServerAddress, width);
        await visitor.GotoAsync("/account/signin");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await visitor.GetByLabel("Email address").FillAsync("nobody@sjtu.test");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await visitor.Locator("[data-sent]").WaitForAsync();
        await CheckAsync(visitor, width, "forgot-password-sent");
    }

    private async Task<(int First, int Second)> CreateDuplicatePairAsync(int width)
    {
        _ = app.Services;
        await using var db = app.CreateDbContext();
        var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
        var ids = new List<int>();
        foreach (var (name, phone) in new[] { ("Chen Jing", "+86 139 0000 " + width), ("Chen Jing", "0086 1390000" + width) })
        {
            // A short address: the reader page's own layout (not this test's subject) does not break long ones.
            var applicant = await app.CreateUserAsync(HanZhao.Recruit.Data.Identity.Roles.Applicant, $"cj{width}-{ids.Count}@sjtu.test");
            var at = new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);
            var application = new Application
            {
                ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Status = ApplicationStatus.Submitted, FullName = name,
                Phone = phone, Institution = "Nanjing University " + width, ReferenceNumber = "HZ-2026-E" + Guid.NewGuid().ToString("N")[..6],
                CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            ids.Add(application.Id);
        }

        return (ids[0], ids[1]);
    }
}
