using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

/// <summary>/publications: the filters as applied (checked against <paramref name="all"/>), what was ignored, and the list.</summary>
public sealed class PublicationListViewModel(IReadOnlyList<Publication> all, PublicationQuery query)
{
    public PublicationQuery Filter { get; } = query;

    public AuthorMarker Authors { get; init; } = AuthorMarker.None;

    public IReadOnlyList<QueryProblem> Problems { get; } = query.Problems;

    public int TotalCount => all.Count;

    /// <summary>The matching publications grouped by year, newest first.</summary>
    public IReadOnlyList<IGrouping<int, Publication>> ByYear { get; } = [.. query.Apply(all).GroupBy(p => p.Year)];

    public int MatchCount => ByYear.Sum(g => g.Count());

    public IReadOnlyList<int> Years { get; } = [.. all.Select(p => p.Year).Distinct().OrderDescending()];

    public IReadOnlyList<string> Venues { get; } = [.. all.Select(p => p.Venue).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    public IReadOnlyList<PublicationType> Types { get; } = [.. all.Select(p => p.Type).Distinct().Order()];

    public IReadOnlyList<CcfRank> Ranks { get; } = [.. all.Select(p => p.CcfRank).Where(r => r != CcfRank.None).Distinct().Order()];
}
