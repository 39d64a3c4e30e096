using System.Net;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Apply;
using HanZhao.Recruit.Web.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Demo;

/// <summary>
/// <c>--demo</c> as an operator uses it: the app started as its own process with the argument, on a
/// fresh database, again on the same one, and on one that holds a real application.
/// </summary>
public class DemoModeTests
{
    private const string Banner = "Demo data — these applicants are fictional";
    private const string ProfessorEmail = "hanzhao@sjtu.test";
    private const string ProfessorPassword = "trying the demo from both sides";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Recruit:AdminEmail"] = ProfessorEmail,
        ["Recruit:AdminPassword"] = ProfessorPassword,
        ["Jobs:Enabled"] = "false",
    };

    [Fact]
    public async Task Starting_with_demo_on_a_fresh_database_fills_the_dashboard_shows_the_banner_and_a_second_start_adds_nothing()
    {
        using var data = new TemporaryDirectory("demo");
        await using (var app = await AppProcess.StartAsync(data.Path, Settings, arguments: [DemoSetup.Argument]))
        {
            Assert.Contains("--demo: opened intake", app.Output, StringComparison.Ordinal);
            using var browser = Browser(app);
            Assert.Contains(Banner, WebUtility.HtmlDecode(await browser.GetStringAsync("/")), StringComparison.Ordinal);
            Assert.Contains("演示数据——这些申请人均为虚构", WebUtility.HtmlDecode(await browser.GetStringAsync("/join?culture=zh-CN")), StringComparison.Ordinal);
            await SignInAsync(browser);

            using var dashboard = await browser.GetAsync("/review?size=200&culture=en");
            var html = WebUtility.HtmlDecode(await dashboard.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains(Banner, html, StringComparison.Ordinal);
            foreach (var number in Enumerable.Range(1, DemoApplicants.Count))
            {
                Assert.Contains($"Demo Applicant {number:00} · 演示申请人 {number:00}", html, StringComparison.Ordinal);
            }

            await app.StopAsync();
        }

        await AssertDemoDataAsync(data.Path);
        var before = await CountsAsync(data.Path);

        await using (var again = await AppProcess.StartAsync(data.Path, Settings, arguments: [DemoSetup.Argument]))
        {
            Assert.Contains("--demo: the demo data is already there; nothing was added.", again.Output, StringComparison.Ordinal);
            using var browser = Browser(again);
            Assert.Contains(Banner, WebUtility.HtmlDecode(await browser.GetStringAsync("/")), StringComparison.Ordinal);
            await again.StopAsync();
        }

        Assert.Equal(before, await CountsAsync(data.Path));
    }

    [Fact]
    public async Task Demo_is_refused_on_a_database_with_a_real_application_which_starts_without_banner_or_demo_data()
    {
        using var data = new TemporaryDirectory("demo-refused");
        await using (var first = await AppProcess.StartAsync(data.Path, Settings))
        {
            await first.StopAsync();
        }

        await AddRealApplicationAsync(data.Path);
        var before = await CountsAsync(data.Path);

        await using (var app = await AppProcess.StartAsync(data.Path, Settings, arguments: [DemoSetup.Argument]))
        {
            Assert.Contains("--demo refused: the database holds 1 real applications", app.Output, StringComparison.Ordinal);
            using var browser = Browser(app);
            Assert.DoesNotContain(Banner, WebUtility.HtmlDecode(await browser.GetStringAsync("/")), StringComparison.Ordinal);
            await SignInAsync(browser);
            Assert.DoesNotContain(Banner, WebUtility.HtmlDecode(await browser.GetStringAsync("/review")), StringComparison.Ordinal);
            await app.StopAsync();
        }

        Assert.Equal(before, await CountsAsync(data.Path));
        await using var db = Database(data.Path);
        Assert.False(await db.Applications.AnyAsync(a => a.IsDemo));
    }

    [Theory]
    [InlineData(DocumentKind.Cv)]
    [InlineData(DocumentKind.Transcript)]
    [InlineData(DocumentKind.RankingCertificate)]
    [InlineData(DocumentKind.ResearchProposal)]
    [InlineData(DocumentKind.EnglishCertificate)]
    public void The_demo_pdfs_pass_the_apps_own_pdf_check(DocumentKind kind)
    {
        var document = DemoDocuments.Create(kind, DemoApplicants.LatinName(7), "demo-applicant-07", DateTime.UtcNow);
        var bytes = document.Content!.Bytes;

        Assert.True(PdfUpload.IsPdf(bytes));
        var (facts, error) = PdfInspection.Inspect(bytes);
        Assert.Null(error);
        Assert.Equal(1, facts!.PageCount);
        Assert.Equal(PdfActiveContent.None, facts.ActiveContent);
        Assert.InRange(bytes.Length, 200, 20_000);
        Assert.Equal(bytes.LongLength, document.SizeBytes);
        Assert.EndsWith(".pdf", document.FileName, StringComparison.Ordinal);
    }

    /// <summary>What the demo promises: both programs, several routes and statuses, figures, documents that pass the PDF check, notes, scores, milestones.</summary>
    private static async Task AssertDemoDataAsync(string dataPath)
    {
        await using var db = Database(dataPath);
        var applications = await db.Applications.AsNoTracking().Include(a => a.Intake).Include(a => a.Milestones).ToListAsync();
        Assert.Equal(DemoApplicants.Count, applications.Count);
        Assert.All(applications, a =>
        {
            Assert.True(a.IsDemo);
            Assert.EndsWith("(demo)", a.Institution, StringComparison.Ordinal);
            Assert.StartsWith("Demo Applicant ", a.FullName, StringComparison.Ordinal);
            Assert.Matches(@"^HZ-\d{4}-\d{5}$", a.ReferenceNumber!);
            Assert.NotNull(a.Gpa);
            Assert.NotNull(a.GpaScale);
            Assert.NotNull(a.RankPosition);
            Assert.NotNull(a.EnglishTest);
            Assert.True(a.Intake!.Accepts(a.Program, a.Route), $"{a.FullName}: {a.Program} {a.Route}");
        });
        var intake = Assert.Single(applications.Select(a => a.Intake!.Code).Distinct());
        Assert.Matches(@"^\d{4}\.09$", intake);
        Assert.Equal([StudyPrograms.PhD, StudyPrograms.Master], applications.Select(a => a.Program).Distinct().Order());
        Assert.True(applications.Select(a => a.Route).Distinct().Count() >= 5);
        Assert.Equal(
            [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.Interview, ApplicationStatus.Offer],
            applications.Select(a => a.Status).Distinct().Order());
        Assert.All(applications.Where(a => a.Status == ApplicationStatus.Offer), a => Assert.Contains(a.Milestones, m => m.Kind == MilestoneKind.PendingAdmission && m.RespondByUtc is not null));
        Assert.All(await db.Users.Where(u => u.Email!.EndsWith("@example.org")).ToListAsync(), u => Assert.Null(u.PasswordHash));
        Assert.True(await db.ApplicationNotes.CountAsync() >= 3);
        Assert.True(await db.ApplicationScores.CountAsync() >= 10);

        var documents = await db.ApplicationDocuments.AsNoTracking().Include(d => d.Content).ToListAsync();
        Assert.True(documents.Count >= 2 * DemoApplicants.Count);
        Assert.All(documents, d =>
        {
            Assert.True(PdfUpload.IsPdf(d.Content!.Bytes), d.FileName);
            Assert.NotNull(PdfInspection.Inspect(d.Content.Bytes).Facts);
        });
        Assert.Contains(documents, d => d.Kind == DocumentKind.RankingCertificate);
        Assert.Contains(documents, d => d.Kind == DocumentKind.ResearchProposal);
    }

    private static async Task<(int Applications, int Users, int Intakes, int Documents, int Notes, int Scores)> CountsAsync(string dataPath)
    {
        await using var db = Database(dataPath);
        return (await db.Applications.CountAsync(), await db.Users.CountAsync(), await db.Intakes.CountAsync(),
            await db.ApplicationDocuments.CountAsync(), await db.ApplicationNotes.CountAsync(), await db.ApplicationScores.CountAsync());
    }

    /// <summary>One real person's draft, as the application form would leave it.</summary>
    private static async Task AddRealApplicationAsync(string dataPath)
    {
        await using var db = Database(dataPath);
        var now = DateTime.UtcNow;
        var applicant = new RecruitUser
        {
            UserName = "real.person@example.edu", NormalizedUserName = "REAL.PERSON@EXAMPLE.EDU", Email = "real.person@example.edu",
            NormalizedEmail = "REAL.PERSON@EXAMPLE.EDU", SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAtUtc = now,
        };
        db.Users.Add(applicant);
        var intake = await db.Intakes.OrderBy(i => i.Id).FirstAsync();
        db.Applications.Add(new Application
        {
            ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, FullName = "Real Person", CreatedAtUtc = now, UpdatedAtUtc = now,
        });
        await db.SaveChangesAsync();
    }

    private static RecruitDbContext Database(string dataPath) =>
        new(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataPath, "recruit.db"), Pooling = false }.ToString()));

    private static HttpClient Browser(AppProcess app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    private static async Task SignInAsync(HttpClient browser)
    {
        using var signedIn = await browser.PostFormAsync("/account/signin", "/account/signin",
            [new("email", ProfessorEmail), new("password", ProfessorPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }
}
