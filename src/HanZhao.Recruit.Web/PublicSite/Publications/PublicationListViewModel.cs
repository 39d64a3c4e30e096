using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

public sealed class PublicationListViewModel(
    IReadOnlyList<Publication> all, PublicationFilter filter, IReadOnlyList<FilterProblem> problems)
{
    public PublicationFilter Filter { get; } = filter;

    public IReadOnlyList<FilterProblem> Problems { get; } = problems;

    public int TotalCount => all.Count;

    /// <summary>The matching publications grouped by year, newest first.</summary>
    public IReadOnlyList<IGrouping<int, Publication>> ByYear { get; } = [.. filter.Apply(all).GroupBy(p => p.Year)];

    public int MatchCount => ByYear.Sum(g => g.Count());

    public IReadOnlyList<int> Years { get; } = [.. all.Select(p => p.Year).Distinct().OrderDescending()];

    public IReadOnlyList<string> Venues { get; } = [.. all.Select(p => p.Venue).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    public IReadOnlyList<PublicationType> Types { get; } = [.. all.Select(p => p.Type).Distinct().Order()];

    public IReadOnlyList<CcfRank> Ranks { get; } = [.. all.Select(p => p.CcfRank).Where(r => r != CcfRank.None).Distinct().Order()];
}
