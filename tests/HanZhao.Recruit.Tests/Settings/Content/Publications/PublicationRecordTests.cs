using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Settings.Content.Publications;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Settings.Content.Publications;

/// <summary>A publication as a full record: every field through the form, on its page, in its BibTeX and JSON-LD, and on the homepage when selected.</summary>
public partial class PublicationRecordTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private const string Publications = "/review/settings/content/publications";

    /// <summary>A fictional paper with every field filled in.</summary>
    private static Dictionary<string, string> Full(string title) => new()
    {
        ["Title"] = title,
        ["Authors"] = "Ada Fictional\nZhao, Han\nBo Imaginary",
        ["Year"] = "2024",
        ["Month"] = "3",
        ["Venue"] = "FICT",
        ["VenueLabel"] = "",
        ["Type"] = "Journal",
        ["CcfRank"] = "B",
        ["Volume"] = "12",
        ["Number"] = "4",
        ["Pages"] = "101–115",
        ["Publisher"] = "Fictional Press",
        ["NoteEn"] = "",
        ["NoteZh"] = "",
        ["Abstract"] = "First paragraph of a made-up abstract.\r\n\r\nSecond paragraph, with <b>markup</b> shown as text.",
        ["PdfUrl"] = "https://example.org/fictional.pdf",
        ["Doi"] = "10.9999/fictional.2024.1",
        ["CodeUrl"] = "https://example.org/code",
        ["SlidesUrl"] = "https://example.org/slides",
        ["VideoUrl"] = "https://example.org/video",
        ["ProjectUrl"] = "https://example.org/project",
        ["ArxivUrl"] = "https://arxiv.org/abs/2403.00001",
    };

    private async Task<Publication?> FindAsync(string title)
    {
        await using var db = app.CreateDbContext();
        return await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Title == title);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Publications.CountAsync();
    }

    [Fact]
    public async Task Every_field_is_saved_and_shown_on_the_page_the_bibtex_and_the_json_ld()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        const string title = "A Fictional Record With Every Field";

        using var response = await client.PostFormAsync(Publications + "/new", Publications + "/new", Full(title));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var p = (await FindAsync(title))!;
        Assert.Equal(("Ada Fictional, Han Zhao, Bo Imaginary", 3, "12", "4", "101-115", "Fictional Press"), (p.Authors, p.Month, p.Volume, p.Number, p.Pages, p.Publisher));
        Assert.Equal(["Ada Fictional", "Han Zhao", "Bo Imaginary"], p.AuthorNames());
        Assert.Equal("First paragraph of a made-up abstract.\n\nSecond paragraph, with <b>markup</b> shown as text.", p.Abstract);
        Assert.Equal(("https://example.org/code", "https://example.org/slides", "https://example.org/video", "https://example.org/project", "https://arxiv.org/abs/2403.00001"), (p.CodeUrl, p.SlidesUrl, p.VideoUrl, p.ProjectUrl, p.ArxivUrl));

        var page = await visitor.GetStringAsync("/publications/" + p.Slug);
        Assert.Contains("<strong class=\"author-self\">Han Zhao</strong>", page, StringComparison.Ordinal);
        // The abstract is folded by default (no "open"), its paragraphs kept, its markup shown as text.
        Assert.Matches(AbstractFolded(), page);
        Assert.Contains("<p>Second paragraph, with &lt;b&gt;markup&lt;/b&gt; shown as text.</p>", page, StringComparison.Ordinal);
        foreach (var (label, url) in new[] { ("PDF", "https://example.org/fictional.pdf"), ("DOI", "https://doi.org/10.9999/fictional.2024.1"), ("arXiv", "https://arxiv.org/abs/2403.00001"), ("Code", "https://example.org/code"), ("Slides", "https://example.org/slides"), ("Video", "https://example.org/video"), ("Project page", "https://example.org/project") })
        {
            Assert.Contains($"<a class=\"button\" href=\"{url}\" rel=\"noopener\">{label}</a>", page, StringComparison.Ordinal);
        }

        var text = PageText.Of(page);
        Assert.Contains("Year March 2024", text, StringComparison.Ordinal);
        Assert.Contains("Volume 12 Number 4 Pages 101–115 Publisher Fictional Press", text, StringComparison.Ordinal);

        var bib = await visitor.GetStringAsync($"/publications/{p.Slug}.bib");
        Assert.Contains("author = {Ada Fictional and Han Zhao and Bo Imaginary}", bib, StringComparison.Ordinal);
        Assert.Contains("month = mar,", bib, StringComparison.Ordinal);
        Assert.Contains("pages = {101--115}", bib, StringComparison.Ordinal);
        Assert.Contains("volume = {12}", bib, StringComparison.Ordinal);
        Assert.Contains("number = {4}", bib, StringComparison.Ordinal);
        Assert.Contains("publisher = {Fictional Press}", bib, StringComparison.Ordinal);
        Assert.Contains("doi = {10.9999/fictional.2024.1}", bib, StringComparison.Ordinal);
        Assert.Contains("eprint = {2403.00001}", bib, StringComparison.Ordinal);
        Assert.Contains("abstract = {First paragraph of a made-up abstract.  Second paragraph, with <b>markup</b> shown as text.}", bib, StringComparison.Ordinal);

        var article = JsonLdOf(page, "ScholarlyArticle");
        Assert.Equal(["Ada Fictional", "Han Zhao", "Bo Imaginary"], article.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("10.9999/fictional.2024.1", article.GetProperty("identifier").GetProperty("value").GetString());
        Assert.Equal("https://doi.org/10.9999/fictional.2024.1", article.GetProperty("sameAs").GetString());
        Assert.Equal(3, Regex.Count(page, "<meta name=\"citation_author\""));
    }

    [Theory]
    [InlineData("CodeUrl", "javascript:alert(document.cookie)", "Code link must be a web address starting with https://.")]
    [InlineData("SlidesUrl", "http://example.org/slides", "Slides link must be a web address starting with https://.")]
    [InlineData("VideoUrl", "data:text/html,<script>alert(1)</script>", "Video link must be a web address starting with https://.")]
    [InlineData("ProjectUrl", "//example.org/project", "Project page link must be a web address starting with https://.")]
    [InlineData("ArxivUrl", "https://exa mple.org/x", "arXiv link must be a web address starting with https://.")]
    [InlineData("PdfUrl", "http://example.org/paper.pdf", "PDF link must be a web address starting with https://.")]
    [InlineData("Doi", "doi:banana", "The DOI must look like 10.1145/3620666")]
    [InlineData("Month", "13", "Month must be a month from 1 to 12.")]
    [InlineData("Month", "Smarch", "Month must be a month from 1 to 12.")]
    [InlineData("Pages", "one to five", "Pages must look like 101-115 or 42.")]
    [InlineData("Volume", "123456789012345678901234567890123456789012345678901", "Volume can have at most 50 characters.")]
    [InlineData("Publisher", "", null)]
    public async Task A_bad_field_is_refused_with_its_message_and_nothing_is_added(string field, string value, string? message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var title = $"Refused Record {field} {value.GetHashCode(StringComparison.Ordinal)}";
        var fields = Full(title);
        fields[field] = value;
        var before = await CountAsync();

        using var response = await client.PostFormAsync(Publications + "/new", Publications + "/new", fields);

        if (message is null)
        {
            // An empty optional field is fine: the control row of the table.
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_overlong_abstract_is_refused_and_nothing_is_added()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var fields = Full("Overlong Abstract Record");
        fields["Abstract"] = new string('a', PublicationLimits.Abstract + 1);
        var before = await CountAsync();

        using var response = await client.PostFormAsync(Publications + "/new", Publications + "/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"Abstract can have at most {PublicationLimits.Abstract} characters.", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Selected_papers_replace_the_newest_on_the_homepage_and_the_newest_return_when_none_is_selected()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        Publication oldest;
        await using (var db = app.CreateDbContext())
        {
            oldest = await db.Publications.AsNoTracking().OrderBy(p => p.Year).ThenByDescending(p => p.SortOrder).FirstAsync();
        }

        var before = await visitor.GetTextAsync("/");
        Assert.Contains("Recent Publications", before, StringComparison.Ordinal);
        Assert.DoesNotContain(oldest.Title, before, StringComparison.Ordinal);

        var fields = Fields(oldest);
        fields["Selected"] = "true";
        using (var select = await client.PostFormAsync($"{Publications}/{oldest.Id}", $"{Publications}/{oldest.Id}", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, select.StatusCode);
        }

        var selected = await visitor.GetStringAsync("/");
        Assert.Contains("Selected Publications", PageText.Of(selected), StringComparison.Ordinal);
        Assert.Single(Regex.Matches(selected, "<li class=\"publication\">"));
        Assert.Contains(oldest.Title, selected, StringComparison.Ordinal);
        Assert.Contains("代表性论文", await visitor.GetTextAsync("/?culture=zh-CN"), StringComparison.Ordinal);

        fields.Remove("Selected");
        using (var unselect = await client.PostFormAsync($"{Publications}/{oldest.Id}", $"{Publications}/{oldest.Id}", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, unselect.StatusCode);
        }

        // The visitor's language is now Chinese (a cookie): ask for English again.
        var after = await visitor.GetStringAsync("/?culture=en");
        Assert.Contains("Recent Publications", PageText.Of(after), StringComparison.Ordinal);
        Assert.Equal(6, Regex.Count(after, "<li class=\"publication\">"));
        Assert.DoesNotContain(oldest.Title, after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task The_professors_name_is_emphasised_however_the_citation_writes_it_in_both_languages(string culture)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        var title = $"Name Variants Paper {culture}";
        var fields = Full(title);
        fields["Authors"] = "H. Zhao; Ada Fictional; 赵涵; Hao Zhaoxin";
        using (var response = await client.PostFormAsync(Publications + "/new", Publications + "/new", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var list = await visitor.GetStringAsync($"/publications?q={Uri.EscapeDataString(title)}&culture={culture}");

        Assert.Contains("<strong class=\"author-self\">H. Zhao</strong>,", list, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"author-self\">赵涵</strong>,", list, StringComparison.Ordinal);
        Assert.Contains("<span>Ada Fictional</span>,", list, StringComparison.Ordinal);
        Assert.Contains("<span>Hao Zhaoxin</span>", list, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(Publication p) =>
        typeof(PublicationForm).GetProperties()
            .ToDictionary(prop => prop.Name, prop => (string?)prop.GetValue(PublicationForm.From(p)) ?? "");

    private static JsonElement JsonLdOf(string html, string type) =>
        JsonLdScripts().Matches(html)
            .Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement)
            .Single(e => e.GetProperty("@type").GetString() == type);

    [GeneratedRegex("""<details class="publication-abstract">\s*<summary>Abstract</summary>\s*<p>First paragraph of a made-up abstract.</p>""")]
    private static partial Regex AbstractFolded();

    [GeneratedRegex("""<script type="application/ld\+json">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex JsonLdScripts();
}
