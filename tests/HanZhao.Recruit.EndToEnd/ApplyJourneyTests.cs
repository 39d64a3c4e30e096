using System.Text.RegularExpressions;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel sending real email to the SMTP test server, with background jobs on.</summary>
public sealed class ApplyJourneyApp : RecruitAppFactory, IAsyncLifetime
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";

    public SmtpTestServer Smtp { get; } = new();

    public ApplyJourneyApp() => WithKestrel();

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        Settings["Smtp:Host"] = Smtp.Host;
        Settings["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Recruit:ProfessorEmail"] = ProfessorEmail;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public partial class ApplyJourneyTests(ApplyJourneyApp app, BrowserFixture browser) : IClassFixture<ApplyJourneyApp>, IClassFixture<BrowserFixture>
{
    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync($"apply-360-{name}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} scrolls sideways at 360 px");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }

    [Fact]
    public async Task A_student_applies_for_phd_2026_09_on_a_phone_and_gets_the_confirmation_email()
    {
        const string Email = "li.ming@example.edu";
        var page = await browser.NewPageAsync(app.ServerAddress, 360, 780);

        await page.GotoAsync("/join");
        await page.GetByRole(AriaRole.Link, new() { Name = "Apply now" }).ClickAsync();
        await CheckAsync(page, "01-sign-in");
        await page.GetByLabel("Email address").FillAsync(Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        await CheckAsync(page, "02-check-your-email");

        var signInEmails = await app.Smtp.WaitForMessagesToAsync(Email);
        var link = SignInLink().Match(signInEmails[^1].TextBody ?? "").Value;
        Assert.StartsWith(app.ServerAddress.GetLeftPart(UriPartial.Authority), link, StringComparison.Ordinal);
        await page.GotoAsync(link);
        await CheckAsync(page, "03-continue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "PhD, enrollment 2026.09" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Direct PhD (直博)" }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Yes, my university has confirmed it" }).CheckAsync();
        await page.GetByLabel("Expected date of the official step").FillAsync("2025-09-25");
        await CheckAsync(page, "04-route");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await page.GetByLabel("Full name *", new() { Exact = true }).FillAsync("Li Ming");
        await page.GetByLabel("Chinese name (optional)").FillAsync("李明");
        await page.GetByLabel("Phone").FillAsync("+86 138 0000 0000");
        await CheckAsync(page, "04-personal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await page.GetByLabel("Institution").FillAsync("Huazhong University of Science and Technology");
        await page.GetByLabel("Degree").FillAsync("Bachelor of Engineering");
        await page.GetByLabel("Major").FillAsync("Computer Science");
        await page.GetByLabel("GPA *", new() { Exact = true }).FillAsync("3.8");
        await page.GetByLabel("GPA scale").SelectOptionAsync("4.0");
        await page.GetByLabel("Expected graduation").FillAsync("2026-06");
        await CheckAsync(page, "05-education");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await page.GetByLabel("LLM inference system").CheckAsync();
        await CheckAsync(page, "06-choice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await page.GetByLabel("Research experience").FillAsync("Two years on GPU scheduling for DNN inference.");
        await CheckAsync(page, "07-experience");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await page.GetByLabel("English test").SelectOptionAsync("IELTS");
        await page.GetByLabel("Score").FillAsync("7.5");
        await CheckAsync(page, "08-english");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await page.GetByLabel("Statement").FillAsync("I want to build LLM serving systems that share GPUs well.");
        await CheckAsync(page, "09-statement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        foreach (var (kind, file) in new[] { ("Cv", "cv.pdf"), ("Transcript", "transcript.pdf"), ("RankingCertificate", "ranking.pdf") })
        {
            var box = page.Locator($"[data-document-box={kind}]");
            await box.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = Pdf() });
            await box.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        }

        Assert.Equal(3, await page.Locator(".document-done").CountAsync());
        await CheckAsync(page, "10-documents");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();

        await page.GetByLabel("I consent to the processing").CheckAsync();
        await CheckAsync(page, "11-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();

        var reference = await page.Locator(".reference").InnerTextAsync();
        Assert.Matches(@"^HZ-2026-\d{5}$", reference);
        await CheckAsync(page, "12-submitted");

        var confirmation = Assert.Single(await app.Smtp.WaitForMessagesAsync(m => m.To.Mailboxes.Any(x => x.Address == Email) && (m.Subject ?? "").Contains(reference, StringComparison.Ordinal)));
        Assert.Contains(reference, confirmation.TextBody, StringComparison.Ordinal);
        Assert.NotNull(confirmation.HtmlBody);
        var alert = Assert.Single(await app.Smtp.WaitForMessagesToAsync(ApplyJourneyApp.ProfessorEmail));
        Assert.Contains("Li Ming", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("PhD", alert.Subject ?? "", StringComparison.Ordinal);
        await confirmation.WriteToAsync(Path.Combine(RepositoryPaths.TestOutput("emails"), "submission-received.eml"));

        await page.GotoAsync("/applicant");
        Assert.Contains("Submitted", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(reference, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, "13-my-applications");
    }

    // A PDF a reader opens: uploads are read with a PDF library, not only checked for a header.
    private static byte[] Pdf() => ApplicationDrafts.Pdf(4096);

    [GeneratedRegex(@"https?://\S+/apply/signin/confirm\?token=\S+")]
    private static partial Regex SignInLink();
}
