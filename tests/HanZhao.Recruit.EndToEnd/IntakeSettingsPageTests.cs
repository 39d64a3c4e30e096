using HanZhao.Recruit.Data.Intakes;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel with a professor account from configuration.</summary>
public sealed class IntakeSettingsPageApp : RecruitAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";
    public const string ProfessorPassword = "intakes open in september 2027";

    public IntakeSettingsPageApp()
    {
        WithKestrel();
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = ProfessorPassword;
        Settings["Jobs:Enabled"] = "false";
    }
}

public class IntakeSettingsPageTests(IntakeSettingsPageApp app, BrowserFixture browser) : IClassFixture<IntakeSettingsPageApp>, IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignedInPageAsync(int width)
    {
        var page = await browser.NewPageAsync(app.ServerAddress, width);
        await page.GotoAsync("/review");
        await page.GetByLabel("Email address").FillAsync(IntakeSettingsPageApp.ProfessorEmail);
        await page.GetByLabel("Password").FillAsync(IntakeSettingsPageApp.ProfessorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/review");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Review tools" }).WaitForAsync();
        return page;
    }

    private static async Task CheckAsync(IPage page, int width, string name)
    {
        await page.ScreenshotAsync($"intakes-{width}-{name}");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} is wider than {width} px");
    }

    [Fact]
    public async Task The_professor_adds_an_intake_after_a_refused_month_and_edits_it_at_1280_and_360_pixels()
    {
        var page = await SignedInPageAsync(1280);
        await page.GetByRole(AriaRole.Link, new() { Name = "Intakes", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Intakes", Level = 1 }).WaitForAsync();
        await CheckAsync(page, 1280, "01-list");

        await page.Locator("#add-code").FillAsync("2027.13");
        await page.Locator("input[name=programs][value=Master]").UncheckAsync();
        await page.Locator("#add-deadline").FillAsync("2027-03-31T23:59");
        await page.Locator("#add-phdQuota").FillAsync("5");
        await page.Locator("#add-masterQuota").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add intake" }).ClickAsync();
        Assert.Equal("The month must be from 01 to 12.", await page.Locator("#add-code-error").InnerTextAsync());
        Assert.Equal("This intake does not offer Master: leave the Master quota empty.", await page.Locator("#add-masterQuota-error").InnerTextAsync());
        await CheckAsync(page, 1280, "02-refused");

        await page.Locator("#add-code").FillAsync("2027.09");
        await page.Locator("#add-masterQuota").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add intake" }).ClickAsync();
        await page.GetByText("Intake 2027.09 added.").WaitForAsync();
        Assert.Contains("2027-03-31 23:59", await page.Locator("tr[data-intake='2027.09']").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, 1280, "03-added");

        await using (var db = app.CreateDbContext())
        {
            var intake = await db.Intakes.SingleAsync(i => i.Code == "2027.09");
            Assert.Equal(StudyPrograms.PhD, intake.Programs);
            Assert.Equal(new DateTime(2027, 3, 31, 15, 59, 0, DateTimeKind.Utc), intake.DeadlineUtc);
        }

        var phone = await SignedInPageAsync(360);
        await phone.GotoAsync("/review/settings/intakes");
        await CheckAsync(phone, 360, "04-list");
        await phone.Locator("tr[data-intake='2027.09']").GetByRole(AriaRole.Link, new() { Name = "Edit intake 2027.09" }).ClickAsync();
        Assert.Equal("2027-03-31T23:59", await phone.Locator("#edit-deadline").InputValueAsync());
        await CheckAsync(phone, 360, "05-edit");
    }
}
