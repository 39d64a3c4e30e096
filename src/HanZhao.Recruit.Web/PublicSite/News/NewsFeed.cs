using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace HanZhao.Recruit.Web.PublicSite.News;

/// <summary>The feed's bytes with what conditional GET compares: a hash of them and the latest change.</summary>
public sealed record FeedDocument(byte[] Bytes, EntityTagHeaderValue ETag, DateTimeOffset LastModified);

/// <summary>
/// Writes /news.atom, an Atom 1.0 feed (RFC 4287) of the latest news, one feed per language: the
/// language comes from <c>?culture=</c> as on every page. Its id is the absolute /news address of
/// that language; each entry's id is a tag URI (RFC 4151) made of the site's host, the day the item
/// was added and its number, so it stays the same when the professor edits the item. Every link is
/// absolute on <see cref="SiteAddress"/>; content is type text (the items are plain text).
/// </summary>
public sealed class NewsFeed(RecruitDbContext db, NewsContent news, SiteAddress site, IStringLocalizer<SharedResource> localizer)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public async Task<FeedDocument> WriteAsync(CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture.IsChinese() ? Cultures.Chinese : Cultures.English;
        var language = QueryString.Create(CultureLinks.QueryKey, culture);
        var items = await news.LatestAsync(news.Options.FeedCount, cancellationToken);
        var profile = await db.Profiles.AsNoTracking().OrderBy(p => p.Id).FirstAsync(cancellationToken);
        var updated = await LastChangeAsync(items, profile, cancellationToken);
        var name = culture == Cultures.Chinese && profile.ChineseName.Length > 0 ? profile.ChineseName : profile.Name;

        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", culture),
            new XElement(Atom + "id", site.Absolute("/news", language)),
            new XElement(Atom + "title", localizer["News of {0}", name].Value),
            new XElement(Atom + "updated", Timestamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", name), new XElement(Atom + "uri", site.Absolute("/", language))),
            Link("self", site.Absolute("/news.atom", language), "application/atom+xml"),
            Link("alternate", site.Absolute("/news", language), "text/html"),
            items.Select(item => Entry(item, culture, language)));

        var bytes = await SerializeAsync(feed, cancellationToken);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(bytes), 0, 16).ToLowerInvariant() + "\"");
        return new FeedDocument(bytes, etag, new DateTimeOffset(updated, TimeSpan.Zero));
    }

    /// <summary>A tag URI that never changes for the item: the host, the day it was added, its number.</summary>
    public string EntryId(NewsItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"tag:{site.Host},{item.CreatedAtUtc:yyyy-MM-dd}:news/{item.Id}");

    private XElement Entry(NewsItem item, string culture, QueryString language)
    {
        var text = item.Text.In(culture);
        // The item's own link when it has one; otherwise its place on /news.
        var href = item.Link is { } link ? site.Resolve(link) : null;
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", EntryId(item)),
            new XElement(Atom + "title", new XAttribute("type", "text"), text),
            new XElement(Atom + "published", Timestamp(item.CreatedAtUtc)),
            new XElement(Atom + "updated", Timestamp(item.UpdatedAtUtc)),
            Link("alternate", href ?? site.Absolute("/news", language) + "#news-" + item.Id.ToString(CultureInfo.InvariantCulture), null),
            new XElement(Atom + "content", new XAttribute("type", "text"),
                item.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " · " + text));
    }

    /// <summary>
    /// The newest of the items' changes and of the professor's last news edit in the audit log (a
    /// deletion changes the feed but leaves no item behind); the profile's date when there is no news.
    /// </summary>
    private async Task<DateTime> LastChangeAsync(IReadOnlyList<NewsItem> items, Profile profile, CancellationToken cancellationToken)
    {
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == ContentEditor.AuditAction && e.Target!.StartsWith("News"))
            .MaxAsync(e => (DateTime?)e.AtUtc, cancellationToken);
        var latest = new[] { audited, items.Count > 0 ? items.Max(i => i.UpdatedAtUtc) : null }.Max() ?? profile.UpdatedAtUtc;
        // HTTP dates have whole seconds: If-Modified-Since compares against what we sent.
        return DateTime.SpecifyKind(latest.AddTicks(-(latest.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc);
    }

    private static XElement Link(string rel, string href, string? type) =>
        new(Atom + "link", new XAttribute("rel", rel), new XAttribute("href", href), type is null ? null : new XAttribute("type", type));

    private static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<byte[]> SerializeAsync(XElement feed, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
        {
            await new XDocument(feed).SaveAsync(writer, cancellationToken);
        }

        return stream.ToArray();
    }
}
