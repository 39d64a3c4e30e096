using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.PublicSite.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.PublicSite.Search;

/// <summary>Publications by title, authors and venue (as written, and without its year).</summary>
public sealed class PublicationSearchSource(PublicContent content, IStringLocalizer<SharedResource> localizer) : ISearchSource
{
    public int Order => 10;

    public string Kind => "publications";

    public string Heading => localizer["Publications"];

    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchTerms terms, CancellationToken cancellationToken) =>
        [.. (await content.AllPublicationsAsync(cancellationToken))
            .Where(p => terms.Matches(p.Title, p.Authors, p.Venue, p.VenueLabel))
            .Select(p => new SearchHit(p.Title, string.Join(" · ", new[] { p.Authors, p.VenueLabel }.Where(s => !string.IsNullOrEmpty(s))), "/publications/" + p.Slug))];
}

/// <summary>News by its text in either language.</summary>
public sealed class NewsSearchSource(RecruitDbContext db, IStringLocalizer<SharedResource> localizer) : ISearchSource
{
    public int Order => 20;

    public string Kind => "news";

    public string Heading => localizer["News"];

    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchTerms terms, CancellationToken cancellationToken) =>
        [.. (await db.News.AsNoTracking().OrderByDescending(n => n.Date).ThenByDescending(n => n.Id).ToListAsync(cancellationToken))
            .Where(n => terms.Matches(n.Text))
            .Select(n => SiteSearch.Localized(terms, n.Text, "/news#news-" + n.Id.ToString(CultureInfo.InvariantCulture),
                n.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))];
}

/// <summary>Research interests by name in either language; each leads to the homepage's list.</summary>
public sealed class InterestSearchSource(RecruitDbContext db, IStringLocalizer<SharedResource> localizer) : ISearchSource
{
    public int Order => 30;

    public string Kind => "interests";

    public string Heading => localizer["Research interests"];

    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchTerms terms, CancellationToken cancellationToken) =>
        [.. (await db.ResearchInterests.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(cancellationToken))
            .Where(i => terms.Matches(i.Name))
            .Select(i => SiteSearch.Localized(terms, i.Name, "/#interests-title"))];
}

/// <summary>The lab's members and alumni by name (Latin or Chinese) and research topic; each leads to their card on /people.</summary>
public sealed class PeopleSearchSource(RecruitDbContext db, IStringLocalizer<SharedResource> localizer) : ISearchSource
{
    public int Order => 25;

    public string Kind => "people";

    public string Heading => localizer["People"];

    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchTerms terms, CancellationToken cancellationToken) =>
        [.. (await db.LabMembers.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(cancellationToken))
            .Where(m => terms.Matches(m.Name, m.ChineseName, m.Topic.En, m.Topic.Zh))
            .Select(m => new SearchHit(
                m.ChineseName.Length > 0 ? $"{m.Name} ({m.ChineseName})" : m.Name,
                string.Join(" · ", new[] { m.IsAlumnus ? localizer["Alumni"].Value : LabRoles.One(m.Role, localizer), m.Topic.Current() }.Where(s => s.Length > 0)),
                "/people#member-" + m.Id.ToString(CultureInfo.InvariantCulture)))];
}
