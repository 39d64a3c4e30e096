using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>
/// A referee letter on phones, through real email: the applicant names a referee at 360 px, the
/// request arrives over SMTP, the referee opens its link on a phone, uploads a PDF and reads that it
/// was received; the applicant's page then says so. Every page is checked by axe-core, fits the
/// width, and is photographed.
/// </summary>
public partial class RefereeLetterOnAPhoneTests(ApplyJourneyApp app, BrowserFixture browser) : IClassFixture<ApplyJourneyApp>, IClassFixture<BrowserFixture>
{
    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync($"letters-360-{name}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} scrolls sideways at 360 px");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }

    [Fact]
    public async Task A_referee_opens_the_emailed_link_on_a_phone_uploads_a_pdf_and_the_applicant_sees_it_received()
    {
        var (cookie, applicationId) = await ApplicantAsync();
        var applicant = await browser.NewPageAsync(app.ServerAddress, 360, 780);
        await applicant.Context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Url = app.ServerAddress.ToString() }]);

        await applicant.GotoAsync($"/applicant/{applicationId}/referees");
        await CheckAsync(applicant, "01-referees-empty");
        await applicant.GetByLabel("Name *").FillAsync("Prof. Wang Wei");
        await applicant.GetByLabel("Title (optional)").FillAsync("Professor");
        await applicant.GetByLabel("Institution *").FillAsync("Zhejiang University");
        await applicant.GetByLabel("How they know you *").FillAsync("Thesis supervisor");
        await applicant.GetByLabel("Their email address *").FillAsync("wang.wei@zju.example.edu");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(applicant.Locator(".referee-state")).ToHaveTextAsync("Requested");
        await CheckAsync(applicant, "02-referees-requested");

        var email = Assert.Single(await app.Smtp.WaitForMessagesToAsync("wang.wei@zju.example.edu"));
        var link = LetterLink().Match(email.TextBody ?? string.Empty).Value;
        Assert.NotEmpty(link);

        var referee = await browser.NewPageAsync(app.ServerAddress, 360, 780);
        await referee.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(referee.Locator("h1")).ToHaveTextAsync("A letter for Li Ming");
        await CheckAsync(referee, "03-letter-page");
        await referee.GetByLabel("The letter as a PDF").SetInputFilesAsync(new FilePayload { Name = "letter-li-ming.pdf", MimeType = "application/pdf", Buffer = ApplicationDrafts.Pdf(4096) });
        await referee.GetByRole(AriaRole.Radio, new() { Name = "5" }).First.CheckAsync();
        await referee.GetByRole(AriaRole.Button, new() { Name = "Send the letter" }).ClickAsync();
        await Assertions.Expect(referee.Locator("main")).ToContainTextAsync("the letter has been received");
        await CheckAsync(referee, "04-letter-received");

        // The same link again, from the referee's other device: received, no form.
        var again = await browser.NewPageAsync(app.ServerAddress, 360, 780);
        await again.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(again.Locator("main")).ToContainTextAsync("the letter has been received");
        Assert.Equal(0, await again.Locator("form[enctype='multipart/form-data']").CountAsync());

        await applicant.ReloadAsync();
        await Assertions.Expect(applicant.Locator(".referee-state")).ToHaveTextAsync("Letter received");
        await CheckAsync(applicant, "05-referees-received");
        await using var db = app.CreateDbContext();
        var letter = await db.LetterContents.AsNoTracking().SingleAsync();
        Assert.Equal(1, letter.PageCount);

        // The professor reads it on the reader beside the documents, on a laptop.
        var professorCookie = await app.SignInCookieAsync(await app.CreateUserAsync(Roles.Professor, "letters.professor@sjtu.test"));
        var reader = await browser.NewPageAsync(app.ServerAddress, 1280);
        await reader.Context.AddCookiesAsync([new Cookie { Name = professorCookie.Name, Value = professorCookie.Value, Url = app.ServerAddress.ToString() }]);
        await reader.GotoAsync($"/review/applications/{applicationId}");
        await Assertions.Expect(reader.Locator(".letters-panel [data-letter-state]")).ToHaveTextAsync("Letter received");
        // The panel sits in the reader's own scrolling column: brought into view for the picture.
        await reader.Locator(".letters-panel").ScrollIntoViewIfNeededAsync();
        await reader.ScreenshotAsync("letters-1280-06-reader");
        Assert.True(await reader.FitsViewportWidthAsync(), "the reader scrolls sideways at 1280 px");
        var violations = await reader.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>A signed-in applicant with a submitted PhD application (申请-考核, which this intake asks one letter of).</summary>
    private async Task<((string Name, string Value) Cookie, int ApplicationId)> ApplicantAsync()
    {
        var user = await app.CreateUserAsync(Roles.Applicant, "li.ming@example.edu");
        await using var db = app.CreateDbContext();
        var intake = await db.Intakes.SingleAsync(i => i.Code == "2026.09");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var application = new Application
        {
            ApplicantId = user.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Route = AdmissionRoute.ApplicationAssessment,
            Status = ApplicationStatus.Submitted, FullName = "Li Ming", Institution = "Fudan University", Major = "Computer Science",
            ReferenceNumber = "HZ-2026-77001", CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now,
        };
        db.Applications.Add(application);
        db.LetterRequirements.Add(new Data.Letters.LetterRequirement { IntakeId = intake.Id, Route = AdmissionRoute.ApplicationAssessment, Count = 1 });
        await db.SaveChangesAsync();
        return (await app.SignInCookieAsync(user), application.Id);
    }

    [GeneratedRegex(@"https?://\S+/letters/[A-Za-z0-9_-]+")]
    private static partial Regex LetterLink();
}
