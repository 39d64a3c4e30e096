using System.Globalization;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Localization;

namespace HanZhao.Recruit.Web.PublicSite.Search;

/// <summary>One thing found: what to show (in the page's language, or the other when only that matched) and where it is.</summary>
public sealed record SearchHit(string Title, string? Detail, string Url, string? Lang = null, string? DetailLang = null);

/// <summary>The hits of one kind, with its heading.</summary>
public sealed record SearchGroup(string Kind, string Heading, IReadOnlyList<SearchHit> Hits);

public sealed record SearchResults(SearchTerms Terms, IReadOnlyList<SearchGroup> Groups)
{
    public int Count => Groups.Sum(g => g.Hits.Count);
}

/// <summary>
/// One kind of the site's content that search looks through (publications, news, research
/// interests; the lab's people are one more). Registered in DI; <see cref="SiteSearch"/> asks each.
/// </summary>
public interface ISearchSource
{
    /// <summary>Where its group appears: smaller first.</summary>
    int Order { get; }

    string Kind { get; }

    /// <summary>The group's heading in the current language.</summary>
    string Heading { get; }

    Task<IReadOnlyList<SearchHit>> FindAsync(SearchTerms terms, CancellationToken cancellationToken);
}

/// <summary>
/// Searches the site's own public content, server-side, in both languages. The content is a
/// professor's (a few hundred rows at most), so each source reads its rows and matches in memory:
/// the same on SQLite and SQL Server, and Chinese substrings need no full-text index.
/// </summary>
public sealed class SiteSearch(IEnumerable<ISearchSource> sources)
{
    /// <summary>At most this many hits of one kind (a one-letter query matches nearly everything).</summary>
    public const int MaxPerKind = 50;

    public async Task<SearchResults> SearchAsync(SearchTerms terms, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return new SearchResults(terms, []);
        }

        var groups = new List<SearchGroup>();
        foreach (var source in sources.OrderBy(s => s.Order))
        {
            var hits = await source.FindAsync(terms, cancellationToken);
            if (hits.Count > 0)
            {
                groups.Add(new SearchGroup(source.Kind, source.Heading, [.. hits.Take(MaxPerKind)]));
            }
        }

        return new SearchResults(terms, groups);
    }

    /// <summary>
    /// A two-language text as a hit: the page's language first; when only the other language
    /// matched, that text is shown beside it (marked with its language) so the visitor sees why.
    /// </summary>
    public static SearchHit Localized(SearchTerms terms, LocalizedText text, string url, string? detail = null)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var shown = text.Current();
        var other = chinese ? text.En : text.Zh;
        var otherLang = chinese ? "en" : "zh-CN";
        return !terms.Touches(shown) && terms.Touches(other)
            ? new SearchHit(shown, other, url, DetailLang: otherLang)
            : new SearchHit(shown, detail, url);
    }
}
