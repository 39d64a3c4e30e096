using System.Net;
using System.Xml.Linq;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Caching;
using HanZhao.Recruit.Web.Settings.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.PublicSite.News;

/// <summary>
/// The professor's news: added, edited and deleted in the editor (audited, each bad input refused
/// with its message), shown newest first on the homepage and /news and in the Atom feed, at once.
/// The items are fictional test data.
/// </summary>
public class NewsTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private const string Editor = "/review/settings/content/news";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static Dictionary<string, string> Item(string date, string en, string zh = "", string link = "") =>
        new() { ["Date"] = date, ["TextEn"] = en, ["TextZh"] = zh, ["Link"] = link };

    private async Task<NewsItem?> FindAsync(string en)
    {
        await using var db = app.CreateDbContext();
        return await db.News.AsNoTracking().SingleOrDefaultAsync(n => n.Text.En == en);
    }

    private async Task<int> NewsCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.News.CountAsync();
    }

    private async Task<int> AddAsync(HttpClient professor, Dictionary<string, string> item)
    {
        using var response = await professor.PostFormAsync(Editor, Editor, item);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        return (await FindAsync(item["TextEn"]))!.Id;
    }

    [Fact]
    public async Task Added_edited_and_deleted_news_shows_on_the_homepage_news_and_feed_at_once_and_is_audited()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        Assert.DoesNotContain("Fictional workshop paper accepted", await visitor.GetTextAsync("/"), StringComparison.Ordinal); // cached now
        long lastAudit;
        await using (var db = app.CreateDbContext())
        {
            lastAudit = await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
        }

        var id = await AddAsync(professor, Item("2031-12-31", "Fictional workshop paper accepted", "虚构的研讨会论文被录用", "/publications"));

        Assert.Contains("Fictional workshop paper accepted", await visitor.GetTextAsync("/"), StringComparison.Ordinal);
        var chinese = await visitor.GetTextAsync("/news?culture=zh-CN");
        Assert.True(chinese.Contains("虚构的研讨会论文被录用", StringComparison.Ordinal), chinese);
        // The visit to the Chinese page made Chinese this visitor's language: the feed follows it unless asked.
        Assert.Contains("Fictional workshop paper accepted", await visitor.GetStringAsync("/news.atom?culture=en"), StringComparison.Ordinal);

        var edit = Item("2031-12-30", "Fictional workshop paper accepted (edited)");
        using (var saved = await professor.PostFormAsync($"{Editor}/{id}", $"{Editor}/{id}", edit))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("Fictional workshop paper accepted (edited)", await visitor.GetTextAsync("/news"), StringComparison.Ordinal);
        using (var deleted = await professor.PostFormAsync($"{Editor}/{id}/delete", $"{Editor}/{id}/delete", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.DoesNotContain("Fictional workshop paper", await visitor.GetTextAsync("/?culture=en"), StringComparison.Ordinal);
        Assert.DoesNotContain("Fictional workshop paper", await visitor.GetStringAsync("/news.atom?culture=en"), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var details = await db.AuditEntries.Where(e => e.Id > lastAudit && e.Action == ContentEditor.AuditAction && e.Target!.StartsWith("News")).OrderBy(e => e.Id).Select(e => e.Details!).ToListAsync();
            Assert.Equal(["Added", "Edited", "Deleted"], details.Select(d => d.Split(' ')[0]));
        }
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Date", "", "Date must be a date such as 2026-09-01." },
        { "Date", "2026-13-01", "Date must be a date such as 2026-09-01." },
        { "Date", "1 March 2026", "Date must be a date such as 2026-09-01." },
        { "Date", "1900-01-01", "Date must be a date such as 2026-09-01." },
        { "TextEn", "   ", "Fill in Text (English)." },
        { "TextEn", new string('x', 301), "Text (English) can have at most 300 characters." },
        { "TextZh", new string('录', 301), "Text (Chinese) can have at most 300 characters." },
        { "TextEn", "Two\nlines", "Text (English) must be one line of text." },
        { "Link", "javascript:alert(1)", "Link must start with https:// or be a path of this site such as /publications." },
        { "Link", "http://example.org/plain-http", "Link must start with https:// or be a path of this site such as /publications." },
        { "Link", "//evil.example/path", "Link must start with https:// or be a path of this site such as /publications." },
        { "Link", "/\\evil.example", "Link must start with https:// or be a path of this site such as /publications." },
        { "Link", "data:text/html,<b>x</b>", "Link must start with https:// or be a path of this site such as /publications." },
        { "Link", "https://example.org/" + new string('a', 1000), "Link can have at most 1000 characters." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task A_bad_news_field_is_refused_with_its_message_and_nothing_is_added(string field, string value, string message)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await NewsCountAsync();
        var item = Item("2026-02-01", "Should not be saved " + Guid.NewGuid().ToString("N"));
        item[field] = value;

        using var response = await professor.PostFormAsync(Editor, Editor, item);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await NewsCountAsync());
    }

    [Fact]
    public async Task Three_hundred_chinese_characters_are_within_the_limit_the_three_hundred_and_first_is_not()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var en = "Limit check " + Guid.NewGuid().ToString("N");

        await AddAsync(professor, Item("2026-01-05", en, new string('录', 300)));

        Assert.Equal(300, (await FindAsync(en))!.Text.Zh.Length);
    }

    [Fact]
    public async Task A_bad_edit_is_refused_and_leaves_the_item_as_it_was_and_unknown_ids_are_not_found()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var en = "Edit check " + Guid.NewGuid().ToString("N");
        var id = await AddAsync(professor, Item("2026-01-06", en));

        using (var refused = await professor.PostFormAsync($"{Editor}/{id}", $"{Editor}/{id}", Item("2026-01-06", "", link: "javascript:alert(1)")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.NotNull(await FindAsync(en));
        Assert.Equal(HttpStatusCode.NotFound, (await professor.GetAsync($"{Editor}/999999")).StatusCode);
        using var update = await professor.PostFormAsync($"{Editor}/{id}", $"{Editor}/999999", Item("2026-01-06", "x"));
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        using var delete = await professor.PostFormAsync($"{Editor}/{id}", $"{Editor}/999999/delete", []);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task A_reviewer_and_a_visitor_cannot_reach_the_news_editor()
    {
        using var reviewer = await app.CreateClientSignedInAsync(Roles.Reviewer);
        using var visitor = app.CreateHttpsClient();

        Assert.NotEqual(HttpStatusCode.OK, (await reviewer.GetAsync(Editor)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync(Editor)).StatusCode);
    }

    [Fact]
    public async Task The_homepage_shows_the_latest_five_newest_first_and_news_lists_all_newest_first()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var tag = Guid.NewGuid().ToString("N")[..6];
        // Added out of order: the date orders them, not the order of adding.
        foreach (var day in new[] { 3, 7, 1, 9, 5, 8 })
        {
            await AddAsync(professor, Item($"2031-12-0{day}", $"Order {tag} day {day}"));
        }

        using var visitor = app.CreateHttpsClient();
        var homeHtml = await visitor.GetStringAsync("/");
        // Five on the homepage (other tests of this class may date one later): the newest of these first.
        Assert.Equal(5, homeHtml.Split("class=\"news-item\"").Length - 1);
        var homeDays = Days(PageText.Of(homeHtml), tag);
        Assert.Equal(new[] { 9, 8, 7, 5, 3 }.Take(homeDays.Count), homeDays);
        Assert.NotEmpty(homeDays);
        Assert.Equal([9, 8, 7, 5, 3, 1], Days(PageText.Of(await visitor.GetStringAsync("/news")), tag));
    }

    private static List<int> Days(string text, string tag) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, $"Order {tag} day (\\d)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task The_feed_is_atom_with_absolute_links_stable_entry_ids_and_one_language_per_feed()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var en = "Feed check " + Guid.NewGuid().ToString("N");
        var id = await AddAsync(professor, Item("2031-05-01", en, "订阅源检查", "/publications"));
        using var visitor = app.CreateHttpsClient();

        using var response = await visitor.GetAsync("/news.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.NotEmpty(feed.Element(Atom + "id")!.Value);
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        var entry = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value == en);
        var entryId = entry.Element(Atom + "id")!.Value;
        Assert.StartsWith("tag:", entryId, StringComparison.Ordinal);
        Assert.Equal("text", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        foreach (var href in feed.Descendants(Atom + "link").Select(l => l.Attribute("href")!.Value))
        {
            Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", href);
        }

        Assert.EndsWith("/publications", entry.Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);

        // Edited, the entry keeps its id; the Chinese feed carries the Chinese text.
        using (var saved = await professor.PostFormAsync($"{Editor}/{id}", $"{Editor}/{id}", Item("2031-05-02", en + " edited", "订阅源检查")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var edited = XDocument.Parse(await visitor.GetStringAsync("/news.atom")).Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value == en + " edited");
        Assert.Equal(entryId, edited.Element(Atom + "id")!.Value);
        var chinese = XDocument.Parse(await visitor.GetStringAsync("/news.atom?culture=zh-CN")).Root!;
        Assert.Equal("zh-CN", chinese.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Contains(chinese.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value == "订阅源检查" && e.Element(Atom + "id")!.Value == entryId);
    }

    [Fact]
    public async Task The_feed_answers_a_matching_if_none_match_with_304_and_a_changed_feed_with_200()
    {
        using var visitor = app.CreateHttpsClient();
        using var first = await visitor.GetAsync("/news.atom?conditional=1");
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/news.atom?conditional=1");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await visitor.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        await AddAsync(professor, Item("2029-01-01", "Conditional check " + Guid.NewGuid().ToString("N")));
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/news.atom?conditional=1");
        changed.Headers.IfNoneMatch.Add(etag);
        using var fresh = await visitor.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag);
    }

    [Fact]
    public async Task Every_page_names_the_feed_and_the_sitemap_lists_news()
    {
        using var visitor = app.CreateHttpsClient();

        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/news.atom?culture=en\"", await visitor.GetStringAsync("/publications"), StringComparison.Ordinal);
        Assert.Contains("/news?culture=zh-CN</loc>", await visitor.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task News_pages_past_the_page_size()
    {
        await using (var db = app.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            db.News.AddRange(Enumerable.Range(1, 45).Select(i => new NewsItem
            {
                Date = new DateOnly(2020, 1, 1).AddDays(i), Text = new LocalizedText($"Paging item {i:D2}", ""), CreatedAtUtc = now, UpdatedAtUtc = now,
            }));
            await db.SaveChangesAsync();
        }

        // Written behind the editor's back: the cache has to be told.
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictPublicPagesAsync();
        using var visitor = app.CreateHttpsClient();
        var last = PageText.Of(await visitor.GetStringAsync("/news?page=99"));
        Assert.Contains("Paging item 01", last, StringComparison.Ordinal);
        Assert.DoesNotContain("Paging item 45", last, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", await visitor.GetStringAsync("/news"), StringComparison.Ordinal);
    }
}
