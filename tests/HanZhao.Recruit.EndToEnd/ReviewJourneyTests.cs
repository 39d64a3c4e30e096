using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel with a professor account from configuration and real email.</summary>
public sealed class ReviewJourneyApp : RecruitAppFactory, IAsyncLifetime
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";
    public const string ProfessorPassword = "gpu sharing without bubbles 2026";

    public SmtpTestServer Smtp { get; } = new();

    public ReviewJourneyApp() => WithKestrel();

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        Settings["Smtp:Host"] = Smtp.Host;
        Settings["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = ProfessorPassword;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public class ReviewJourneyTests(ReviewJourneyApp app, BrowserFixture browser) : IClassFixture<ReviewJourneyApp>, IClassFixture<BrowserFixture>
{
    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync($"review-1280-{name}");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }

    private async Task<(int Id, string Email)> SeedApplicationAsync()
    {
        var applicant = await app.CreateUserAsync(Roles.Applicant, "wang.fang@example.edu");
        await using var db = app.CreateDbContext();
        var intake = await db.Intakes.SingleAsync(i => i.Code == "2026.09");
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        var application = new Application
        {
            ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Status = ApplicationStatus.UnderReview,
            Culture = "en", FullName = "Wang Fang", ChineseName = "王芳", Phone = "+86 139 0000 0000",
            Institution = "Zhejiang University", Degree = "Bachelor of Engineering", Major = "Computer Science",
            Gpa = 3.9, GpaScale = 4, ExpectedGraduation = new DateOnly(2026, 6, 1), Interests = [new() { ResearchInterestId = 2 }],
            Statement = "I want to work on LLM inference systems.", EnglishTest = EnglishTest.Toefl, EnglishScore = 108,
            CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime, UpdatedAtUtc = app.Clock.GetUtcNow().UtcDateTime, SubmittedAtUtc = app.Clock.GetUtcNow().UtcDateTime, ConsentedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            Documents =
            [
                new() { Kind = DocumentKind.Cv, FileName = "wang-fang-cv.pdf", SizeBytes = pdf.Length, Sha256 = new string('a', 64), UploadedAtUtc = app.Clock.GetUtcNow().UtcDateTime, Content = new() { Bytes = pdf } },
                new() { Kind = DocumentKind.Transcript, FileName = "transcript.pdf", SizeBytes = pdf.Length, Sha256 = new string('b', 64), UploadedAtUtc = app.Clock.GetUtcNow().UtcDateTime, Content = new() { Bytes = pdf } },
            ],
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        application.ReferenceNumber = $"HZ-2026-{application.Id:D5}";
        await db.SaveChangesAsync();
        return (application.Id, applicant.Email!);
    }

    [Fact]
    public async Task The_professor_filters_opens_an_applicant_reads_the_cv_scores_and_invites_to_interview_with_an_email()
    {
        var (id, applicantEmail) = await SeedApplicationAsync();
        var page = await browser.NewPageAsync(app.ServerAddress, 1280);

        await page.GotoAsync("/review");
        await CheckAsync(page, "01-sign-in");
        await page.GetByLabel("Email address").FillAsync(ReviewJourneyApp.ProfessorEmail);
        await page.GetByLabel("Password").FillAsync(ReviewJourneyApp.ProfessorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync("/review");
        await page.Locator("#program").SelectOptionAsync(new SelectOptionValue { Label = "PhD" });
        await page.Locator("#intake").SelectOptionAsync(new SelectOptionValue { Label = "2026.09" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        Assert.Contains("program=", page.Url, StringComparison.OrdinalIgnoreCase);
        await CheckAsync(page, "02-dashboard-phd-2026-09");

        await page.GetByRole(AriaRole.Link, new() { Name = $"HZ-2026-{id:D5}" }).ClickAsync();
        Assert.Contains("Wang Fang", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, "03-applicant");

        var cvHref = await page.GetByRole(AriaRole.Link, new() { Name = "wang-fang-cv.pdf" }).First.GetAttributeAsync("href");
        var cv = await page.Context.APIRequest.GetAsync(cvHref!);
        Assert.Equal(200, cv.Status);
        Assert.Equal("application/pdf", cv.Headers["content-type"]);
        Assert.StartsWith("inline", cv.Headers["content-disposition"], StringComparison.Ordinal);

        foreach (var field in new[] { "ResearchFit", "AcademicRecord", "Skills", "Communication" })
        {
            await page.Locator($"input[name={field}][value='4']").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save score" }).ClickAsync();
        await page.Locator("[data-my-average]").WaitForAsync();
        Assert.Contains("Your average: 4.00", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The reader offers the move at once; the email is previewed in a dialog, confirmed once.
        await page.Locator("a[data-decide=Interview]").ClickAsync();
        await page.Locator("#decision-dialog .email-preview").WaitForAsync();
        await CheckAsync(page, "04-interview-email-preview");
        await page.Locator("#decision-dialog button[data-confirm]").ClickAsync();
        await page.Locator("#decision .status[data-status=Interview]").WaitForAsync();

        var email = Assert.Single(await app.Smtp.WaitForMessagesToAsync(applicantEmail));
        Assert.Contains($"HZ-2026-{id:D5}", (email.TextBody ?? "") + email.Subject, StringComparison.Ordinal);
        await email.WriteToAsync(Path.Combine(RepositoryPaths.TestOutput("emails"), "interview-invitation.eml"));
        await using var db = app.CreateDbContext();
        Assert.Equal(ApplicationStatus.Interview, (await db.Applications.SingleAsync(a => a.Id == id)).Status);
        await CheckAsync(page, "05-after-decision");
    }
}
