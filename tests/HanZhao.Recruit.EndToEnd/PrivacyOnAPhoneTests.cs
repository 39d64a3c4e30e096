using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>
/// The applicant's data page on a phone (360 px): what is held, the erase confirmation, a wrong typed
/// address, and the erasure itself, ending signed out on the page that says it is done. Every page is
/// checked by axe-core, fits the width, and is photographed.
/// </summary>
public class PrivacyOnAPhoneTests(ApplyJourneyApp app, BrowserFixture browser) : IClassFixture<ApplyJourneyApp>, IClassFixture<BrowserFixture>
{
    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync($"privacy-360-{name}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} scrolls sideways at 360 px");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }

    [Fact]
    public async Task An_applicant_sees_their_data_and_erases_it_on_a_phone()
    {
        const string email = "chen.jing.privacy@example.edu";
        var user = await app.CreateUserAsync(Roles.Applicant, email);
        await using (var db = app.CreateDbContext())
        {
            var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.Applications.Add(new Application
            {
                ApplicantId = user.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Route = AdmissionRoute.ApplicationAssessment,
                Status = ApplicationStatus.Submitted, FullName = "Chen Jing", Institution = "Fudan University", Major = "Physics",
                ReferenceNumber = "HZ-2026-88001", CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now,
            });
            await db.SaveChangesAsync();
        }

        var cookie = await app.SignInCookieAsync(user);
        var page = await browser.NewPageAsync(app.ServerAddress, 360, 780);
        await page.Context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Url = app.ServerAddress.ToString() }]);

        await page.GotoAsync("/applicant/data");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your data");
        await CheckAsync(page, "01-data");
        await page.GetByRole(AriaRole.Link, new() { Name = "Erase my data…" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Erase my data");
        await CheckAsync(page, "02-erase");

        var label = $"Type your email address to confirm: {email}";
        await page.GetByLabel(label).FillAsync("someone.else@example.edu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my data for good" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-form-errors]")).ToContainTextAsync("Type the email address you signed in with");
        await CheckAsync(page, "03-erase-wrong-address");

        await page.GetByLabel(label).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my data for good" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your data has been erased");
        await CheckAsync(page, "04-erased");

        await using var after = app.CreateDbContext();
        Assert.False(await after.Users.AnyAsync(u => u.Email == email));
        Assert.False(await after.Applications.AnyAsync(a => a.ReferenceNumber == "HZ-2026-88001"));
    }
}
