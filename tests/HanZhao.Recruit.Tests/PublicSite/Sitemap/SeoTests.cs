using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Seo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Tests.PublicSite.Sitemap;

public partial class SeoTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly string Origin = RecruitAppFactory.HttpsBaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Sitemap_lists_every_public_page_in_both_languages_with_alternates()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=3600", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        Assert.All(sitemap.Root.Elements(), url => Assert.Equal(Sitemap + "url", url.Name));
        Assert.All(sitemap.Descendants(), element => Assert.Contains(element.Name.Namespace, new[] { Sitemap, Xhtml }));

        await using var db = app.CreateDbContext();
        var slugs = await db.Publications.Select(p => p.Slug).ToListAsync();
        Assert.Equal(18, slugs.Count);
        string[] paths = ["/", "/publications", "/join", "/people", "/news", .. slugs.Select(slug => "/publications/" + slug)];
        var expected = paths.SelectMany(path => new[] { $"{Origin}{path}?culture=en", $"{Origin}{path}?culture=zh-CN" }).Order();
        var urls = sitemap.Root.Elements(Sitemap + "url").ToList();
        Assert.Equal(46, urls.Count);
        Assert.Equal(expected, urls.Select(url => url.Element(Sitemap + "loc")!.Value).Order());

        Assert.All(urls, url =>
        {
            var alternates = url.Elements(Xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string)l.Attribute("href")!);
            var page = url.Element(Sitemap + "loc")!.Value.Split('?')[0];
            Assert.Equal($"{page}?culture=en", alternates["en"]);
            Assert.Equal($"{page}?culture=zh-CN", alternates["zh-CN"]);
            Assert.Equal(page, alternates["x-default"]);
        });
        var publicationPage = urls.First(url => url.Element(Sitemap + "loc")!.Value.Contains("/publications/", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", publicationPage.Element(Sitemap + "lastmod")!.Value);
    }

    [Fact]
    public async Task Sitemap_uses_the_configured_public_url_rather_than_the_request_host()
    {
        using var other = new RecruitAppFactory();
        other.Settings["Recruit:PublicUrl"] = "https://zhaohan.sjtu.edu.cn/";
        using var client = other.CreateHttpsClient();
        client.BaseAddress = new Uri("https://zhaohan.sjtu.edu.cn/");

        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var robots = await client.GetStringAsync("/robots.txt");

        Assert.All(sitemap.Descendants(Sitemap + "loc"), loc => Assert.StartsWith("https://zhaohan.sjtu.edu.cn/", loc.Value, StringComparison.Ordinal));
        Assert.Contains("Sitemap: https://zhaohan.sjtu.edu.cn/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=3600", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("User-agent: *", lines);
        foreach (var path in new[] { "/review", "/admin", "/applicant", "/apply", "/account" })
        {
            Assert.Contains($"Disallow: {path}", lines);
        }

        Assert.Contains("Allow: /", lines);
        Assert.Contains($"Sitemap: {Origin}/sitemap.xml", lines);
    }

    [Fact]
    public void Person_json_ld_names_the_professor_with_job_affiliation_and_alma_maters()
    {
        var profile = new Profile
        {
            Name = "Han Zhao",
            ChineseName = "赵涵",
            Title = new("Assistant Professor", "助理教授"),
            Department = new("Department of Computer Science and Engineering", "计算机科学与工程系"),
            University = new("Shanghai Jiao Tong University", "上海交通大学"),
        };

        using var json = JsonDocument.Parse(JsonLd.Person(profile, "zh-CN", ["上海交通大学", "华中科技大学"], "https://hanzhao.test/"));

        var person = json.RootElement;
        Assert.Equal("https://schema.org", person.GetProperty("@context").GetString());
        Assert.Equal("Person", person.GetProperty("@type").GetString());
        Assert.Equal("Han Zhao", person.GetProperty("name").GetString());
        Assert.Equal("赵涵", person.GetProperty("alternateName").GetString());
        Assert.Equal("助理教授", person.GetProperty("jobTitle").GetString());
        var affiliation = person.GetProperty("affiliation");
        Assert.Equal("上海交通大学", affiliation.GetProperty("name").GetString());
        Assert.Equal("计算机科学与工程系", affiliation.GetProperty("department").GetProperty("name").GetString());
        Assert.Equal(["上海交通大学", "华中科技大学"], person.GetProperty("alumniOf").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("https://hanzhao.test/", person.GetProperty("url").GetString());
    }

    [Fact]
    public void Scholarly_article_json_ld_has_headline_venue_and_authors_only_when_known()
    {
        var publication = new Publication { Title = "Taming Flexible Job Packing", Year = 2025, Venue = "TACO", Type = PublicationType.Journal };

        using var unknownAuthors = JsonDocument.Parse(JsonLd.ScholarlyArticle(publication, "https://hanzhao.test/publications/taming"));
        publication.Authors = "Han Zhao, Quan Chen and Minyi Guo";
        using var knownAuthors = JsonDocument.Parse(JsonLd.ScholarlyArticle(publication, "https://hanzhao.test/publications/taming"));

        var article = unknownAuthors.RootElement;
        Assert.Equal("ScholarlyArticle", article.GetProperty("@type").GetString());
        Assert.Equal("Taming Flexible Job Packing", article.GetProperty("headline").GetString());
        Assert.Equal("2025", article.GetProperty("datePublished").GetString());
        Assert.Equal("TACO", article.GetProperty("isPartOf").GetProperty("name").GetString());
        Assert.False(article.TryGetProperty("author", out _));
        Assert.Equal(["Han Zhao", "Quan Chen", "Minyi Guo"],
            knownAuthors.RootElement.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }

    [Fact]
    public void A_title_that_closes_the_script_element_cannot_break_out_of_the_json_ld()
    {
        const string Hostile = "</script><script>alert(1)</script>";
        var publication = new Publication { Title = Hostile, Authors = Hostile, Year = 2025, Venue = Hostile };
        var profile = new Profile { Name = Hostile, Title = new(Hostile, Hostile), University = new(Hostile, Hostile) };

        var article = JsonLd.ScholarlyArticle(publication, "https://hanzhao.test/x");
        var person = JsonLd.Person(profile, "en", [Hostile], "https://hanzhao.test/");

        foreach (var json in new[] { article, person })
        {
            Assert.DoesNotContain("<", json, StringComparison.Ordinal);
            Assert.DoesNotContain("</script", json, StringComparison.OrdinalIgnoreCase);
        }

        using var parsed = JsonDocument.Parse(article);
        Assert.Equal(Hostile, parsed.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public void Canonical_drops_only_the_culture_and_alternates_set_it()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        // Whatever host the request names, the links carry the site's own address.
        context.Request.Host = new HostString("evil.example");
        context.Request.Path = "/publications";
        context.Request.QueryString = new QueryString("?year=2024&culture=zh-CN&venue=TACO");
        var site = Site("https://hanzhao.test");

        Assert.Equal("https://hanzhao.test/publications?year=2024&venue=TACO", site.CurrentPage(context.Request, null));
        Assert.Equal("https://hanzhao.test/publications?year=2024&venue=TACO&culture=en", site.CurrentPage(context.Request, "en"));
        Assert.Equal("https://example.edu/publications?year=2024&venue=TACO", Site("https://example.edu/").CurrentPage(context.Request, null));
        Assert.Equal("https://example.edu/recruit/publications?year=2024&venue=TACO", Site("https://example.edu/recruit").CurrentPage(context.Request, null));
        Assert.Equal("https://hanzhao.test/files/a.pdf", site.Resolve("/files/a.pdf"));
    }

    private SiteAddress Site(string publicUrl) =>
        new(Options.Create(new RecruitOptions { PublicUrl = publicUrl }), app.Services.GetRequiredService<IServer>(), app.Services.GetRequiredService<IHostApplicationLifetime>());

    [Fact, Trait("Needs", "Views")]
    public async Task Homepage_head_has_person_json_ld_hreflang_alternates_and_open_graph()
    {
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/?culture=en");

        using var jsonLd = JsonDocument.Parse(Assert.Single(JsonLdScripts(html)));
        Assert.Equal("Person", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal("赵涵", jsonLd.RootElement.GetProperty("alternateName").GetString());
        Assert.Equal($"{Origin}/?culture=en", Link(html, "canonical", null));
        Assert.Equal($"{Origin}/?culture=en", Link(html, "alternate", "en"));
        Assert.Equal($"{Origin}/?culture=zh-CN", Link(html, "alternate", "zh-CN"));
        Assert.Equal($"{Origin}/", Link(html, "alternate", "x-default"));
        Assert.False(string.IsNullOrWhiteSpace(Meta(html, "og:title")));
        Assert.Equal("en_US", Meta(html, "og:locale"));
        Assert.Contains("<title>Han Zhao 赵涵</title>", html, StringComparison.Ordinal);
    }

    [Fact, Trait("Needs", "Views")]
    public async Task Publication_page_has_scholar_tags_and_scholarly_article_json_ld()
    {
        using var client = app.CreateHttpsClient(); // starts the app, which migrates and seeds the database
        await using var db = app.CreateDbContext();
        var publication = await db.Publications.OrderBy(p => p.Id).FirstAsync();

        var html = await client.GetStringAsync($"/publications/{publication.Slug}?culture=zh-CN");

        Assert.Equal(publication.Title, Meta(html, "citation_title"));
        Assert.Equal(publication.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Meta(html, "citation_publication_date"));
        using var jsonLd = JsonDocument.Parse(Assert.Single(JsonLdScripts(html)));
        Assert.Equal("ScholarlyArticle", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal(publication.Title, jsonLd.RootElement.GetProperty("headline").GetString());
        Assert.Equal($"{Origin}/publications/{publication.Slug}?culture=zh-CN", Link(html, "canonical", null));
        Assert.Equal($"{Origin}/publications/{publication.Slug}?culture=en", Link(html, "alternate", "en"));
        Assert.Equal("zh_CN", Meta(html, "og:locale"));
        Assert.False(string.IsNullOrWhiteSpace(Meta(html, "og:title")));
    }

    private static IEnumerable<string> JsonLdScripts(string html) =>
        JsonLdScript().Matches(html).Select(m => m.Groups["json"].Value);

    /// <summary>The content of &lt;meta name|property="key" content="..."&gt;, HTML-decoded; null when absent.</summary>
    private static string? Meta(string html, string key) =>
        MetaTag().Matches(html).FirstOrDefault(m => m.Groups["key"].Value == key) is { } match
            ? WebUtility.HtmlDecode(match.Groups["content"].Value)
            : null;

    private static string? Link(string html, string rel, string? hreflang) =>
        LinkTag().Matches(html).FirstOrDefault(m => m.Groups["rel"].Value == rel && (hreflang is null || m.Groups["lang"].Value == hreflang)) is { } match
            ? WebUtility.HtmlDecode(match.Groups["href"].Value)
            : null;

    [GeneratedRegex("""<script type="application/ld\+json">(?<json>.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex JsonLdScript();

    [GeneratedRegex("""<meta (?:name|property)="(?<key>[^"]+)" content="(?<content>[^"]*)""")]
    private static partial Regex MetaTag();

    [GeneratedRegex("""<link rel="(?<rel>canonical|alternate)"(?: hreflang="(?<lang>[^"]+)")? href="(?<href>[^"]+)""")]
    private static partial Regex LinkTag();
}
