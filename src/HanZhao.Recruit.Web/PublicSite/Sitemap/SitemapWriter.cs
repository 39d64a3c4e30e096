using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.PublicSite.Sitemap;

/// <summary>
/// Writes /sitemap.xml: every public page in both languages, each naming its other language and
/// the default as alternates, with the date its content last changed where a row says so.
/// </summary>
public sealed class SitemapWriter(RecruitDbContext db, SiteAddress site)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>The sitemap as UTF-8 bytes (no byte-order mark), its addresses on the site's own address.</summary>
    public async Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var pages = await PagesAsync(cancellationToken);
        var urlset = new XElement(Sitemap + "urlset",
            new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml.NamespaceName),
            pages.SelectMany(page => Cultures.Supported.Select(culture => Entry(page.Path, culture, page.Changed))));

        using var stream = new MemoryStream();
        await using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
        {
            await new XDocument(urlset).SaveAsync(writer, cancellationToken);
        }

        return stream.ToArray();
    }

    /// <summary>Every public page with when it last changed.</summary>
    private async Task<IReadOnlyList<(string Path, DateTime? Changed)>> PagesAsync(CancellationToken cancellationToken)
    {
        var publications = await db.Publications.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new { p.Slug, p.UpdatedAtUtc })
            .ToListAsync(cancellationToken);
        var profileChanges = await db.Profiles.AsNoTracking().Select(p => p.UpdatedAtUtc).ToListAsync(cancellationToken);
        var newsChanged = await db.News.AsNoTracking().MaxAsync(n => (DateTime?)n.UpdatedAtUtc, cancellationToken);
        // The homepage shows the profile and the recent publications; the list shows every publication.
        var publicationsChanged = Latest(publications.Select(p => p.UpdatedAtUtc));
        var homeChanged = Latest(profileChanges.Concat(publications.Select(p => p.UpdatedAtUtc)));

        // /join has no lastmod: it changes with the clock (intakes open and close), not with a row.
        return
        [
            ("/", homeChanged),
            ("/publications", publicationsChanged),
            ("/join", null),
            ("/people", Latest(await db.LabMembers.AsNoTracking().Select(m => m.UpdatedAtUtc).ToListAsync(cancellationToken))),
            ("/news", newsChanged),
            .. publications.Select(p => ("/publications/" + p.Slug, (DateTime?)p.UpdatedAtUtc)),
        ];
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
        site.Absolute(path,
            culture is null ? QueryString.Empty : QueryString.Create(CultureLinks.QueryKey, culture));
}
