using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel with a professor account, for the publication record's pages.</summary>
public sealed class PublicationRecordApp : RecruitAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";
    public const string ProfessorPassword = "a full record for every paper";

    public PublicationRecordApp()
    {
        WithKestrel();
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = ProfessorPassword;
        Settings["Jobs:Enabled"] = "false";
    }
}

/// <summary>A publication page with its abstract and links, its editor, and the import preview with an update, at a phone's and a laptop's width.</summary>
public class PublicationRecordPageTests(PublicationRecordApp app, BrowserFixture browser) : IClassFixture<PublicationRecordApp>, IClassFixture<BrowserFixture>
{
    private static async Task CheckAsync(IPage page, int width, string name)
    {
        await page.ScreenshotAsync($"pubs-{width}-{name}");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name} at {width}px:\n{string.Join("\n", violations)}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} is wider than {width}px");
    }

    /// <summary>A fictional paper with every field, added as the editor would.</summary>
    private async Task<Publication> AddAsync(int width)
    {
        // Started (migrated and seeded) before the row goes in.
        _ = app.ServerAddress;
        var publication = new Publication
        {
            Slug = $"fictional-record-{width}",
            Title = $"Elastic Scheduling for Imaginary Clusters at {width} Pixels, With a Title Long Enough to Wrap on a Phone",
            Authors = "Ada Fictional, Han Zhao, Bo Imaginary, Cy Stranger-Withaverylongfamilyname",
            Year = 2025, Month = 3, Venue = "FICT", VenueLabel = "FICT2025", Type = PublicationType.Conference, CcfRank = CcfRank.A,
            Volume = "20", Number = "1", Pages = "101-115", Publisher = "Fictional Press",
            Abstract = "We describe a scheduler for clusters that do not exist, and measure it on workloads we made up.\n\nA second paragraph explains, at some length, why nothing in this abstract should be cited: https://example.org/a/very/long/address/that/must/wrap/on/a/phone",
            PdfUrl = "https://example.org/fictional.pdf", Doi = $"10.9999/fict.2025.{width}", CodeUrl = "https://example.org/code",
            SlidesUrl = "https://example.org/slides", VideoUrl = "https://example.org/video", ProjectUrl = "https://example.org/project",
            ArxivUrl = "https://arxiv.org/abs/2501.00001", IsSelected = true, SortOrder = 100, UpdatedAtUtc = DateTime.UtcNow,
        };
        await using var db = app.CreateDbContext();
        db.Publications.Add(publication);
        await db.SaveChangesAsync();
        return publication;
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_publication_page_shows_its_record_and_the_import_preview_shows_an_update(int width)
    {
        var publication = await AddAsync(width);
        var page = await browser.NewPageAsync(app.ServerAddress, width);

        await page.GotoAsync($"/publications/{publication.Slug}");
        var main = page.Locator("main");
        Assert.Equal("Han Zhao", await main.Locator(".author-self").First.InnerTextAsync());
        var summary = main.Locator("details.publication-abstract summary");
        Assert.False(await main.Locator("details.publication-abstract p").First.IsVisibleAsync()); // folded by default
        foreach (var label in new[] { "PDF", "DOI", "arXiv", "Code", "Slides", "Video", "Project page" })
        {
            Assert.Equal(1, await main.Locator(".publication-links").GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).CountAsync());
        }

        await CheckAsync(page, width, "01-publication");
        await summary.ClickAsync();
        Assert.True(await main.Locator("details.publication-abstract p").First.IsVisibleAsync());
        await CheckAsync(page, width, "02-publication-abstract-open");

        await page.GotoAsync("/?culture=zh-CN");
        Assert.Contains("代表性论文", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, width, "03-home-selected-zh");
        await page.GotoAsync("/?culture=en");

        await page.GotoAsync("/review");
        await page.GetByLabel("Email address").FillAsync(PublicationRecordApp.ProfessorEmail);
        await page.GetByLabel("Password").FillAsync(PublicationRecordApp.ProfessorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/review");

        await page.GotoAsync($"/review/settings/content/publications/{publication.Id}");
        await CheckAsync(page, width, "04-editor");

        await page.GotoAsync("/review/settings/content/publications/import");
        await page.GetByLabel("BibTeX entries").FillAsync($$"""
            @inproceedings{DBLP:conf/fict/FictionalZI25,
              author    = {Ada Fictional and Han Zhao 0001 and Bo Imaginary and Cy Stranger-Withaverylongfamilyname},
              title     = {Elastic scheduling for imaginary clusters at {{{width}}} pixels, with a title long enough to wrap on a phone},
              booktitle = {Proceedings of the Twentieth Fictional Conference on Systems ({FICT} '25)},
              pages     = {101--116},
              publisher = {ACM},
              year      = {2025},
              doi       = {10.9999/fict.2025.{{width}}},
              editor    = {Di Editorial},
              timestamp = {Mon, 03 Mar 2025 10:00:00 +0100},
              biburl    = {https://dblp.org/rec/conf/fict/FictionalZI25.bib},
              bibsource = {dblp computer science bibliography, https://dblp.org}
            }

            @article{DBLP:journals/fictj/Zhao{{width}},
              author    = {Han Zhao 0001},
              title     = {A New Fictional Journal Paper at {{width}} Pixels},
              journal   = {Journal of Fictional Systems},
              volume    = {3},
              pages     = {1--9},
              year      = {2024}
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var preview = await page.Locator("main").InnerTextAsync();
        Assert.Contains("New: 1. Updated: 1.", preview, StringComparison.Ordinal);
        Assert.Contains("would replace", preview, StringComparison.Ordinal);
        await CheckAsync(page, width, "05-import-preview");

        await page.GotoAsync("/review/settings/content/publications/dblp");
        await page.GetByLabel("DBLP person id or page address").FillAsync("https://evil.example/pid/1/2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fetch from DBLP" }).ClickAsync();
        Assert.Contains("Enter a DBLP person id", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, width, "06-dblp-refused");
    }
}
