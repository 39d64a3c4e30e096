using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>
/// The app on Kestrel with a professor account, whose DBLP import asks a stand-in on 127.0.0.1
/// (started first, so its address can go into the app's configuration): no test reaches the internet.
/// </summary>
public sealed class HomepageJourneyApp : RecruitAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";
    public const string ProfessorPassword = "a homepage that stands beside al-folio";
    public const string DblpPerson = "11/1111";
    public const string LabMemberInPaper = "Test Student A";

    /// <summary>DBLP's /pid/{pid}.bib in its style, written by hand: fictional papers, one with a lab member among the authors.</summary>
    public const string DblpBibTex = """
        @inproceedings{DBLP:conf/fict/StudentZ26,
          author       = {Test Student A and
                          Han Zhao 0001 and
                          Eve Outsider},
          title        = {Journey Scheduling for Fictional Accelerator Pools},
          booktitle    = {Proceedings of the Twenty-First Fictional Conference on Systems ({FICT} '26)},
          pages        = {11--24},
          publisher    = {{ACM}},
          year         = {2026},
          url          = {https://doi.org/10.9999/fict.2026.0016},
          doi          = {10.9999/fict.2026.0016},
          timestamp    = {Mon, 02 Mar 2026 10:00:00 +0100},
          biburl       = {https://dblp.org/rec/conf/fict/StudentZ26.bib},
          bibsource    = {dblp computer science bibliography, https://dblp.org}
        }

        @article{DBLP:journals/fictj/ZhaoO25,
          author       = {Han Zhao 0001 and
                          Eve Outsider},
          title        = {A Fictional Journal Record of Imaginary Clusters},
          journal      = {{ACM} Trans. Fict. Syst.},
          volume       = {23},
          number       = {2},
          pages        = {1--30},
          year         = {2025},
          url          = {https://doi.org/10.9999/fictj.2025.0016},
          doi          = {10.9999/fictj.2025.0016},
          timestamp    = {Tue, 01 Jul 2025 09:00:00 +0200},
          biburl       = {https://dblp.org/rec/journals/fictj/ZhaoO25.bib},
          bibsource    = {dblp computer science bibliography, https://dblp.org}
        }
        """;

    private readonly WebApplication _dblp;

    public HomepageJourneyApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _dblp = builder.Build();
        _dblp.MapGet("/pid/{prefix}/{file}", (string prefix, string file) => $"{prefix}/{file}" == DblpPerson + ".bib"
            ? Results.Text(DblpBibTex, "application/x-bibtex; charset=utf-8")
            : Results.NotFound());
        _dblp.Start();

        WithKestrel();
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = ProfessorPassword;
        Settings["Recruit:Dblp:BaseUrl"] = _dblp.Urls.First();
        Settings["Jobs:Enabled"] = "false";
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            ((IDisposable)_dblp).Dispose();
        }
    }
}

/// <summary>
/// Issue 16's "Done when", as people would do it: the professor adds a photo, the profile links,
/// three members, two news items and imports the DBLP record in the content editor; then a visitor
/// sees all of it on /, /people, /news and the imported paper's page, at a laptop's and a phone's
/// width, in English and Chinese, light and dark (chosen once with the header's switch). Every
/// person, paper and news item is fictional.
/// </summary>
public class HomepageJourneyTests(HomepageJourneyApp app, BrowserFixture browser) : IClassFixture<HomepageJourneyApp>, IClassFixture<BrowserFixture>
{
    private static readonly (string Name, string Chinese, string Role, string Topic)[] Members =
    [
        (HomepageJourneyApp.LabMemberInPaper, "测试学生甲", "PhdStudent", "Fictional accelerator pools"),
        ("Test Student B", "测试学生乙", "MasterStudent", "Fictional serverless inference"),
        ("Test Postdoc C", "测试博士后丙", "Postdoc", "Fictional storage systems"),
    ];

    private static readonly (string Date, string En, string Zh)[] News =
    [
        ("2026-01-15", "Fictional: the lab welcomes three new members.", "虚构：实验室迎来三位新成员。"),
        ("2026-02-27", "Fictional: a paper on accelerator pools was accepted at a test conference.", "虚构：一篇关于加速器池的论文被测试会议录用。"),
    ];

    private static readonly string[] ProfileHosts = ["scholar.google.com", "dblp.org", "orcid.org", "github.com"];

    [Fact]
    public async Task After_the_professor_adds_everything_the_homepage_shows_it_in_both_languages_and_themes_at_both_widths()
    {
        var slug = await TheProfessorFillsTheHomepageAsync();
        foreach (var width in new[] { 1280, 360 })
        {
            foreach (var theme in new[] { "light", "dark" })
            {
                await AVisitorLooksAsync(slug, width, theme);
            }
        }
    }

    /// <summary>Everything through the content editor's forms; returns the imported paper's slug.</summary>
    private async Task<string> TheProfessorFillsTheHomepageAsync()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/review?culture=en");
        await page.GetByLabel("Email address").FillAsync(HomepageJourneyApp.ProfessorEmail);
        await page.GetByLabel("Password").FillAsync(HomepageJourneyApp.ProfessorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/review");

        await page.GotoAsync("/review/settings/content/profile");
        await page.GetByLabel("Upload a photo").SetInputFilesAsync(new FilePayload { Name = "portrait.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("img.photo-preview")).ToBeVisibleAsync();
        await page.GetByLabel("Google Scholar link").FillAsync("https://scholar.google.com/citations?user=TESTJOURNEY");
        await page.GetByLabel("DBLP link").FillAsync("https://dblp.org/pid/11/1111.html");
        await page.GetByLabel("ORCID iD").FillAsync("0000-0002-1825-0097");
        await page.GetByLabel("GitHub link").FillAsync("https://github.com/test-journey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Saved.");

        foreach (var (name, chinese, role, topic) in Members)
        {
            await page.GotoAsync("/review/settings/content/people");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await page.GetByLabel("Chinese name").FillAsync(chinese);
            await page.GetByLabel("Role").SelectOptionAsync(role);
            await page.GetByLabel("Start year").FillAsync("2025");
            await page.GetByLabel("Research topic (English)").FillAsync(topic);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Added.");
        }

        foreach (var (date, en, zh) in News)
        {
            await page.GotoAsync("/review/settings/content/news");
            await page.GetByLabel("Date").FillAsync(date);
            await page.GetByLabel("Text (English)").FillAsync(en);
            await page.GetByLabel("Text (Chinese)").FillAsync(zh);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Added.");
        }

        await page.GotoAsync("/review/settings/content/publications/dblp");
        await page.GetByLabel("DBLP person id or page address").FillAsync("https://dblp.org/pid/" + HomepageJourneyApp.DblpPerson + ".html");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fetch from DBLP" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-import-summary]")).ToContainTextAsync("New: 2.");
        await page.ScreenshotAsync("journey-editor-dblp-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import these publications" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2 publications imported.");
        await context.CloseAsync();

        await using var db = app.CreateDbContext();
        return (await db.Publications.SingleAsync(p => p.Doi == "10.9999/fict.2026.0016")).Slug;
    }

    /// <summary>One context per width and theme: the switch pressed once, then every page in both languages.</summary>
    private async Task AVisitorLooksAsync(string slug, int width, string theme)
    {
        // The system's scheme is the other one, so the pages show the switch's choice was kept.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "en-US",
            BypassCSP = true, ColorScheme = theme == "dark" ? ColorScheme.Light : ColorScheme.Dark,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?culture=en");
        await page.GetByRole(AriaRole.Button, new() { Name = theme == "dark" ? "Dark theme" : "Light theme" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", theme);

        foreach (var culture in new[] { "en", "zh-CN" })
        {
            foreach (var (name, path) in new[] { ("home", "/"), ("people", "/people"), ("news", "/news"), ("paper", "/publications/" + slug) })
            {
                var response = await page.GotoAsync($"{path}?culture={culture}");
                var where = $"{path} {culture} {theme} {width}px";
                Assert.True(response?.Status == 200, where);
                Assert.Equal(theme, await page.Locator("html").GetAttributeAsync("data-theme"));
                await SeesAsync(page, name, culture, where);
                await page.ScreenshotAsync($"journey-{name}-{culture}-{theme}-{width}");
                Assert.True(await page.FitsViewportWidthAsync(), $"{where} scrolls sideways");
                var violations = await page.AccessibilityViolationsAsync();
                Assert.True(violations.Count == 0, $"{where}:\n{string.Join("\n", violations)}");
            }
        }

        await context.CloseAsync();
    }

    private static async Task SeesAsync(IPage page, string name, string culture, string where)
    {
        var main = page.Locator("main");
        var chinese = culture == "zh-CN";
        switch (name)
        {
            case "home":
                Assert.True(await page.Locator("img.profile-photo").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), $"{where}: the photo did not load");
                foreach (var host in ProfileHosts)
                {
                    Assert.True(await page.Locator($".profile-links a[href*='{host}']").CountAsync() == 1, $"{where}: no {host} link in the links row");
                }

                await SeesTheNewsNewestFirstAsync(main, chinese, where);
                await SeesThePaperAsync(main.Locator(".publication-list"), where);
                break;
            case "people":
                Assert.Equal(3, await main.Locator(".person").CountAsync());
                var people = await main.InnerTextAsync();
                foreach (var member in Members)
                {
                    Assert.Contains(member.Name, people, StringComparison.Ordinal);
                    Assert.Contains(member.Chinese, people, StringComparison.Ordinal);
                }

                break;
            case "news":
                Assert.Equal(2, await main.Locator(".news-item").CountAsync());
                await SeesTheNewsNewestFirstAsync(main, chinese, where);
                break;
            default:
                await SeesThePaperAsync(main, where);
                break;
        }
    }

    /// <summary>Both items in the page's language, the newer (News[1]) above the older.</summary>
    private static async Task SeesTheNewsNewestFirstAsync(ILocator main, bool chinese, string where)
    {
        var items = await main.Locator(".news-item").AllInnerTextsAsync();
        var newer = Array.FindIndex([.. items], t => t.Contains(chinese ? News[1].Zh : News[1].En, StringComparison.Ordinal));
        var older = Array.FindIndex([.. items], t => t.Contains(chinese ? News[0].Zh : News[0].En, StringComparison.Ordinal));
        Assert.True(newer >= 0 && older > newer, $"{where}: the news are not both there newest first:\n{string.Join("\n", items)}");
    }

    /// <summary>The imported paper with the professor emphasised, the lab member marked, and its DOI link.</summary>
    private static async Task SeesThePaperAsync(ILocator scope, string where)
    {
        Assert.True(await scope.Locator(".author-self").First.InnerTextAsync() == "Han Zhao", $"{where}: the professor is not emphasised");
        Assert.True(await scope.Locator(".author-lab", new() { HasText = HomepageJourneyApp.LabMemberInPaper }).CountAsync() >= 1, $"{where}: the lab member is not marked");
        Assert.True(await scope.Locator(".publication-links a[href*='10.9999/fict.2026.0016']").CountAsync() >= 1, $"{where}: no DOI link");
    }

    /// <summary>A generated portrait-shaped picture (no real person), as a camera's JPEG.</summary>
    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(900, 1200);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SlateGray);
            using var paint = new SKPaint { Color = SKColors.White.WithAlpha(170), IsAntialias = true };
            canvas.DrawCircle(450, 460, 190, paint);
            canvas.DrawOval(450, 1150, 330, 360, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
