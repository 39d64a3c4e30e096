using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel with its jobs off: the interview emails stay in the outbox.</summary>
public sealed class InterviewBrowserApp : RecruitAppFactory
{
    public InterviewBrowserApp()
    {
        WithKestrel();
        Settings["Jobs:Enabled"] = "false";
    }
}

/// <summary>
/// The interview journey in a browser: the professor adds a series of slots and invites an applicant
/// on /review/interviews at 1,280 px; the applicant books a time on a 360 px phone, sees it in Shanghai
/// time and their own zone, and finds it on /applicant. Every page axe-core clean, no sideways scroll,
/// photographed at 360 and 1,280 px.
/// </summary>
public class InterviewBookingTests(InterviewBrowserApp app, BrowserFixture browser) : IClassFixture<InterviewBrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_invited_applicant_books_a_slot_on_a_phone_and_sees_it_on_their_page()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        int applicationId, intakeId;
        await using (var db = app.CreateDbContext())
        {
            var intake = await db.Intakes.SingleAsync(i => i.Code == "2026.09");
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var application = new Application
            {
                ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Status = ApplicationStatus.Interview, Culture = "en",
                FullName = "Wang Fang", Institution = "Wuhan University", Major = "Computer Science", ReferenceNumber = "HZ-2026-77001",
                CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            (applicationId, intakeId) = (application.Id, intake.Id);
        }

        var staff = await SignedInPageAsync(professor, 1280);
        await staff.GotoAsync($"/review/interviews?intake={intakeId}&culture=en");
        await staff.GetByLabel("Day").FillAsync("2026-03-20");
        await staff.GetByLabel("Start").FillAsync("09:00");
        await staff.GetByLabel("Until").FillAsync("10:30");
        await staff.GetByLabel("Room, or meeting link (https://…)").FillAsync("Room 3-402, SEIEE Building");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        Assert.Contains("3 slots added.", await staff.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        await staff.GetByLabel("Wang Fang HZ-2026-77001 · PhD").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Invite selected" }).ClickAsync();
        Assert.Contains("1 application invited to book an interview.", await staff.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(staff, "interviews-staff-1280");

        var phone = await SignedInPageAsync(applicant, 360, 780);
        await phone.GotoAsync($"/applicant/{applicationId}/interview?culture=en");
        await CheckAsync(phone, "interview-booking-360");
        // The browser's own zone (the test machine's is not Shanghai's) beside the Shanghai time.
        Assert.Contains("In your time zone:", await phone.Locator(".interview-local").First.InnerTextAsync(), StringComparison.Ordinal);
        await phone.GetByRole(AriaRole.Radio).Nth(1).CheckAsync();
        // With JavaScript the booking is posted by fetch and the page is not reloaded: this mark survives.
        await phone.EvaluateAsync("() => { window.stayedOnPage = true; }");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Book this time" }).ClickAsync();
        Assert.Contains("Your interview is booked.", await phone.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await phone.EvaluateAsync<bool>("() => window.stayedOnPage === true"));
        Assert.EndsWith($"/applicant/{applicationId}/interview?done=booked", phone.Url, StringComparison.Ordinal);
        await phone.Locator("[data-booked-slot] .interview-local").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains("2026-03-20 09:30 (UTC+8)", await phone.Locator("[data-booked-slot]").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(phone, "interview-booked-360");

        await phone.GotoAsync("/applicant?culture=en");
        var booked = phone.Locator(".interview-booked");
        Assert.Contains("2026-03-20 09:30 (UTC+8)", await booked.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Room 3-402, SEIEE Building", await booked.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await phone.GetByRole(AriaRole.Link, new() { Name = "Move or cancel your interview" }).IsVisibleAsync());
        await CheckAsync(phone, "interview-applicant-360");

        await phone.GotoAsync($"/applicant/{applicationId}/interview?culture=zh-CN");
        await CheckAsync(phone, "interview-booking-zh-360");
        await phone.SetViewportSizeAsync(1280, 900);
        await CheckAsync(phone, "interview-booking-zh-1280");
        await staff.SetViewportSizeAsync(360, 780);
        await staff.GotoAsync($"/review/interviews?intake={intakeId}&culture=en");
        Assert.Contains("Wang Fang", await staff.Locator("[data-slot]").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(staff, "interviews-staff-360");
    }

    private async Task<IPage> SignedInPageAsync(RecruitUser user, int width, int height = 900)
    {
        var page = await browser.NewPageAsync(app.ServerAddress, width, height);
        var (name, value) = await app.SignInCookieAsync(user);
        await page.Context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = app.ServerAddress.ToString() }]);
        return page;
    }

    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(name);
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} scrolls sideways");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }
}
