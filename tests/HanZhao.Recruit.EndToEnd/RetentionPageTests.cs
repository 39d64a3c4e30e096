using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>
/// The professor's retention page (/review/retention) and its keep-longer form at 360 and 1,280 px:
/// the coming erasures in a table that scrolls inside its frame on a phone, axe-clean, photographed.
/// </summary>
public class RetentionPageTests(ApplyJourneyApp app, BrowserFixture browser) : IClassFixture<ApplyJourneyApp>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_professor_sees_what_is_erased_in_the_next_30_days_and_keeps_one_longer(int width)
    {
        var id = await SeedDueAsync(width);
        var professor = await app.CreateUserAsync(Roles.Professor);
        var cookie = await app.SignInCookieAsync(professor);
        var page = await browser.NewPageAsync(app.ServerAddress, width, 800);
        await page.Context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Url = app.ServerAddress.ToString() }]);

        await page.GotoAsync("/review/retention");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Retention");
        await Assertions.Expect(page.Locator($"tr[data-application='{id}']")).ToContainTextAsync("Zhou Lan " + width);
        await CheckAsync(page, $"retention-{width}-01-list");

        await page.Locator($"tr[data-application='{id}']").GetByRole(AriaRole.Link, new() { Name = "Keep longer" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Keep longer");
        // A date before the one in force is refused by the server, beside the field.
        await page.GetByLabel("Keep until").FillAsync("2026-03-05");
        await page.GetByLabel("Why (kept in the audit log)").FillAsync("Deferred admission");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep longer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#e-Until")).ToContainTextAsync("Choose a date after");
        await CheckAsync(page, $"retention-{width}-02-keep-refused");

        await page.GetByLabel("Keep until").FillAsync("2027-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep longer" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Retention");
        await Assertions.Expect(page.Locator($"tr[data-application='{id}']")).ToHaveCountAsync(0);

        await page.GotoAsync("/review/settings/retention");
        await CheckAsync(page, $"retention-{width}-03-settings");
    }

    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(name);
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} scrolls sideways");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }

    /// <summary>A rejected application in an intake that enrolled on 2025-09-20: erased on 2026-03-20, within 30 days of the test clock's 2026-03-02.</summary>
    private async Task<int> SeedDueAsync(int width)
    {
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        await using var db = app.CreateDbContext();
        var intake = new Intake { Code = $"t{width}", EnrollmentDate = new DateOnly(2025, 9, 20), Programs = StudyPrograms.PhD };
        db.Intakes.Add(intake);
        await db.SaveChangesAsync();
        var ended = new DateTime(2025, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        var application = new Application
        {
            ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Status = ApplicationStatus.Rejected,
            FullName = "Zhou Lan " + width, ReferenceNumber = $"HZ-2025-7{width}", CreatedAtUtc = ended.AddDays(-30), UpdatedAtUtc = ended, SubmittedAtUtc = ended.AddDays(-20),
            StatusHistory = [new ApplicationStatusChange { From = ApplicationStatus.UnderReview, To = ApplicationStatus.Rejected, ChangedAtUtc = ended }],
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }
}
