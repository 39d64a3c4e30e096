using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

/// <summary>
/// The filters of /publications, read from the query string (year, venue, type, rank, q) so a
/// filtered view can be linked. Values that match nothing we have are dropped with a message
/// rather than failing: the visitor still gets a list.
/// </summary>
public sealed record PublicationFilter(int? Year, string? Venue, PublicationType? Type, CcfRank? Rank, string? Query)
{
    public const int MaxQueryLength = 200;

    public bool IsEmpty => Year is null && Venue is null && Type is null && Rank is null && Query is null;

    public IEnumerable<Publication> Apply(IEnumerable<Publication> publications) =>
        publications.Where(p =>
            (Year is null || p.Year == Year)
            && (Venue is null || p.Venue.Equals(Venue, StringComparison.OrdinalIgnoreCase))
            && (Type is null || p.Type == Type)
            && (Rank is null || p.CcfRank == Rank)
            && (Query is null || p.Title.Contains(Query, StringComparison.OrdinalIgnoreCase)
                || p.VenueLabel.Contains(Query, StringComparison.OrdinalIgnoreCase)
                || (p.Authors?.Contains(Query, StringComparison.OrdinalIgnoreCase) ?? false)));

    /// <summary>Checks raw query values against what exists; returns the filter and one problem per dropped value.</summary>
    public static (PublicationFilter Filter, IReadOnlyList<FilterProblem> Problems) Parse(
        string? year, string? venue, string? type, string? rank, string? query, IReadOnlyCollection<Publication> existing)
    {
        var problems = new List<FilterProblem>();

        int? parsedYear = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
                && existing.Any(p => p.Year == y))
            {
                parsedYear = y;
            }
            else
            {
                problems.Add(new FilterProblem("year", Shorten(year)));
            }
        }

        string? parsedVenue = null;
        if (!string.IsNullOrWhiteSpace(venue))
        {
            parsedVenue = existing.Select(p => p.Venue).FirstOrDefault(v => v.Equals(venue.Trim(), StringComparison.OrdinalIgnoreCase));
            if (parsedVenue is null)
            {
                problems.Add(new FilterProblem("venue", Shorten(venue)));
            }
        }

        PublicationType? parsedType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            parsedType = ParseName<PublicationType>(type);
            if (parsedType is null)
            {
                problems.Add(new FilterProblem("type", Shorten(type)));
            }
        }

        CcfRank? parsedRank = null;
        if (!string.IsNullOrWhiteSpace(rank))
        {
            var trimmed = rank.Trim();
            parsedRank = ParseName<CcfRank>(trimmed.StartsWith("CCF-", StringComparison.OrdinalIgnoreCase) ? trimmed[4..] : trimmed);
            if (parsedRank is null or CcfRank.None)
            {
                parsedRank = null;
                problems.Add(new FilterProblem("rank", Shorten(rank)));
            }
        }

        string? parsedQuery = null;
        if (!string.IsNullOrWhiteSpace(query))
        {
            if (query.Length > MaxQueryLength)
            {
                problems.Add(new FilterProblem("q", Shorten(query)));
            }
            else
            {
                parsedQuery = query.Trim();
            }
        }

        return (new PublicationFilter(parsedYear, parsedVenue, parsedType, parsedRank, parsedQuery), problems);
    }

    // Names only: Enum.TryParse would also take "1" or "A, B".
    private static T? ParseName<T>(string text) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => v.ToString()!.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>A filter value that was ignored: which filter, and (shortened) what was sent.</summary>
public sealed record FilterProblem(string Field, string Value);
