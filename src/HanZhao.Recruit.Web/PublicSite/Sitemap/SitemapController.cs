using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Caching;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.PublicSite.Sitemap;

/// <summary>What crawlers read first: the sitemap (every public page in both languages) and robots.txt.</summary>
public class SitemapController(RecruitDbContext db, IOptions<RecruitOptions> options) : Controller
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Private areas: crawling them yields only sign-in redirects, and their addresses may carry tokens.</summary>
    private static readonly string[] PrivatePaths = ["/review", "/admin", "/applicant", "/apply", "/account"];

    // Output-cached like the public pages (and evicted with them when content changes).
    [HttpGet("/sitemap.xml"), ResponseCache(Duration = 3600), OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> SitemapXml(CancellationToken cancellationToken)
    {
        var publications = await db.Publications.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new { p.Slug, p.UpdatedAtUtc })
            .ToListAsync(cancellationToken);
        var profileChanges = await db.Profiles.AsNoTracking().Select(p => p.UpdatedAtUtc).ToListAsync(cancellationToken);
        // The homepage shows the profile and the recent publications; the list shows every publication.
        var publicationsChanged = Latest(publications.Select(p => p.UpdatedAtUtc));
        var homeChanged = Latest(profileChanges.Concat(publications.Select(p => p.UpdatedAtUtc)));

        // /join has no lastmod: it changes with the clock (intakes open and close), not with a row.
        (string Path, DateTime? Changed)[] pages =
        [
            ("/", homeChanged),
            ("/publications", publicationsChanged),
            ("/join", null),
            .. publications.Select(p => ("/publications/" + p.Slug, (DateTime?)p.UpdatedAtUtc)),
        ];
        var urlset = new XElement(Sitemap + "urlset",
            new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml.NamespaceName),
            pages.SelectMany(page => Cultures.Supported.Select(culture => Entry(page.Path, culture, page.Changed))));

        using var stream = new MemoryStream();
        await using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
        {
            await new XDocument(urlset).SaveAsync(writer, cancellationToken);
        }

        return File(stream.ToArray(), "application/xml; charset=utf-8");
    }

    [HttpGet("/robots.txt"), ResponseCache(Duration = 3600)]
    public ContentResult RobotsTxt()
    {
        // Disallow lines first: crawlers that take the first matching rule (not the longest) obey them too.
        string[] lines =
        [
            "User-agent: *",
            .. PrivatePaths.Select(path => "Disallow: " + path),
            "Allow: /",
            "",
            "Sitemap: " + SiteUrls.Absolute(Request, options.Value.PublicUrl, "/sitemap.xml"),
        ];
        return Content(string.Join('\n', lines) + "\n", "text/plain; charset=utf-8");
    }

    /// <summary>One page in one language, naming its other language and the default as alternates.</summary>
    private XElement Entry(string path, string culture, DateTime? changed) =>
        new(Sitemap + "url",
            new XElement(Sitemap + "loc", PageUrl(path, culture)),
            changed is { } date ? new XElement(Sitemap + "lastmod", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
            Cultures.Supported.Select(other => Alternate(other, PageUrl(path, other))),
            Alternate("x-default", PageUrl(path, null)));

    private static DateTime? Latest(IEnumerable<DateTime> changes) => changes.Select(c => (DateTime?)c).Max();

    private static XElement Alternate(string hreflang, string href) =>
        new(Xhtml + "link", new XAttribute("rel", "alternate"), new XAttribute("hreflang", hreflang), new XAttribute("href", href));

    private string PageUrl(string path, string? culture) =>
        SiteUrls.Absolute(Request, options.Value.PublicUrl, path,
            culture is null ? QueryString.Empty : QueryString.Create(CultureLinks.QueryKey, culture));
}
