using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel with a professor account from configuration.</summary>
public sealed class ContentEditorApp : RecruitAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";
    public const string ProfessorPassword = "editing the homepage without a developer";

    public ContentEditorApp()
    {
        WithKestrel();
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = ProfessorPassword;
        Settings["Jobs:Enabled"] = "false";
    }
}

public class ContentEditorJourneyTests(ContentEditorApp app, BrowserFixture browser) : IClassFixture<ContentEditorApp>, IClassFixture<BrowserFixture>
{
    // {0}: the width, so each run imports a title of its own.
    private const string Bib = """
        @inproceedings{li2026,
          title = {Fair Sharing of {GPU} Clusters for {LLM} Fine-Tuning on {0} Pixels},
          author = {Li, Wei and Zhao, Han},
          booktitle = {Proceedings of the 21st European Conference on Computer Systems (EuroSys '26)},
          year = 2026,
          doi = {10.1145/3689031.{0}}
        }
        """;

    private static async Task CheckAsync(IPage page, int width, string name)
    {
        await page.ScreenshotAsync($"content-{width}-{name}");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name} at {width}px:\n{string.Join("\n", violations)}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} is wider than {width}px");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_professor_edits_the_profile_adds_a_publication_and_imports_bibtex(int width)
    {
        var page = await browser.NewPageAsync(app.ServerAddress, width);
        await page.GotoAsync("/review");
        await page.GetByLabel("Email address").FillAsync(ContentEditorApp.ProfessorEmail);
        await page.GetByLabel("Password").FillAsync(ContentEditorApp.ProfessorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync("/review");
        await page.GetByRole(AriaRole.Link, new() { Name = "Content", Exact = true }).ClickAsync();
        await CheckAsync(page, width, "01-hub");

        await page.GetByRole(AriaRole.Link, new() { Name = "Profile", Exact = true }).First.ClickAsync();
        var office = $"Room 3-{width}, SEIEE Building";
        await page.GetByLabel("Office (English)").FillAsync(office);
        await page.GetByLabel("GitHub link").FillAsync("javascript:alert(1)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("GitHub link must be a web address", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, width, "02-profile-refused");
        await page.GetByLabel("GitHub link").FillAsync("https://github.com/hanzhao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("Saved.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, width, "03-profile");

        await page.GotoAsync("/review/settings/content/interests");
        await CheckAsync(page, width, "04-interests");
        await page.GotoAsync("/review/settings/content/education");
        await CheckAsync(page, width, "05-education");

        await page.GotoAsync("/review/settings/content/publications/new");
        var title = $"Bubble-Free Pipeline Training at {width} Pixels";
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Authors").FillAsync("Han Zhao, Quan Chen");
        await page.GetByLabel("Year").FillAsync("2026");
        await page.GetByLabel("Venue", new() { Exact = true }).FillAsync("SOSP");
        await page.GetByLabel("CCF rank").SelectOptionAsync("A");
        await page.GetByLabel("DOI").FillAsync("https://doi.org/10.1145/3694715.3695900");
        await page.GetByLabel("PDF link").FillAsync("data:application/pdf;base64,AAAA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        Assert.Contains("PDF link must be a web address", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, width, "06-publication-refused");
        await page.GetByLabel("PDF link").FillAsync("https://example.org/bubble-free.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        Assert.Contains(title, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, width, "07-publications");

        await page.GotoAsync("/review/settings/content/publications/import");
        await CheckAsync(page, width, "08-import");
        await page.GetByLabel("BibTeX entries").FillAsync(Bib.Replace("{0}", width.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        Assert.Contains($"Fair Sharing of GPU Clusters for LLM Fine-Tuning on {width} Pixels", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, width, "09-import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import these publications" }).ClickAsync();
        Assert.Contains("1 publication imported", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            var added = await db.Publications.SingleAsync(p => p.Title == title);
            await page.GotoAsync($"/review/settings/content/publications/{added.Id}/delete");
            await CheckAsync(page, width, "10-delete-confirm");
        }

        // The same editor in Chinese.
        await page.GotoAsync("/review/settings/content/profile?culture=zh-CN");
        Assert.Contains("职称（英文）", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, width, "11-profile-zh");
        await page.GotoAsync("/review/settings/content/publications/import?culture=en");

        // The public pages show the edits at once.
        await page.GotoAsync("/");
        Assert.Contains(office, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/publications");
        var publications = await page.Locator("main").InnerTextAsync();
        Assert.Contains(title, publications, StringComparison.Ordinal);
    }
}
