using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

/// <summary>
/// The filters of /publications, read from the query string (year, venue, type, rank, q) so a
/// filtered view can be linked. Values that match nothing we have are dropped with a message
/// rather than failing: the visitor still gets a list.
/// </summary>
public sealed record PublicationQuery(int? Year, string? Venue, PublicationType? Type, CcfRank? Rank, string? Search)
    : IQueryModel<PublicationQuery>
{
    public const int MaxSearchLength = 200;

    /// <summary>Longer than any venue a publication can have (the column holds 100 characters).</summary>
    private const int MaxVenueLength = 200;

    /// <summary>The order the filters appear in on the page, and so the order of their messages.</summary>
    private static readonly string[] Keys = ["year", "venue", "type", "rank", "q"];

    private static readonly CcfRank[] Ranks = [.. Enum.GetValues<CcfRank>().Where(r => r != CcfRank.None)];

    /// <summary>The reader that read this query: values refused later (by <see cref="Against"/>) are recorded with the others.</summary>
    private QueryReader Reader { get; init; } = new(_ => default);

    /// <summary>One problem per dropped value, in the order of the filters.</summary>
    public IReadOnlyList<QueryProblem> Problems => [.. Reader.Problems.OrderBy(p => Array.IndexOf(Keys, p.Key))];

    public bool IsEmpty => Year is null && Venue is null && Type is null && Rank is null && Search is null;

    public static PublicationQuery Read(QueryReader query) =>
        new(query.WholeNumber("year"), query.Text("venue", MaxVenueLength), query.Name<PublicationType>("type"), ReadRank(query), query.Text("q", MaxSearchLength))
        {
            Reader = query,
        };

    /// <summary>Drops a year or a venue we have no publication for (recording it), and writes the venue as the list does.</summary>
    public PublicationQuery Against(IReadOnlyCollection<Publication> existing)
    {
        var year = Year;
        if (year is { } y && !existing.Any(p => p.Year == y))
        {
            Reader.Refuse("year", Reader.Raw("year") ?? string.Empty);
            year = null;
        }

        var venue = Venue is null ? null : existing.Select(p => p.Venue).FirstOrDefault(v => v.Equals(Venue, StringComparison.OrdinalIgnoreCase));
        if (Venue is not null && venue is null)
        {
            Reader.Refuse("venue", Venue);
        }

        return this with { Year = year, Venue = venue };
    }

    public IEnumerable<Publication> Apply(IEnumerable<Publication> publications) =>
        publications.Where(p =>
            (Year is null || p.Year == Year)
            && (Venue is null || p.Venue.Equals(Venue, StringComparison.OrdinalIgnoreCase))
            && (Type is null || p.Type == Type)
            && (Rank is null || p.CcfRank == Rank)
            && (Search is null || p.Title.Contains(Search, StringComparison.OrdinalIgnoreCase)
                || p.VenueLabel.Contains(Search, StringComparison.OrdinalIgnoreCase)
                || (p.Authors?.Contains(Search, StringComparison.OrdinalIgnoreCase) ?? false)));

    /// <summary>"A" or "CCF-A", as the list shows it; "None" is not a rank to filter by.</summary>
    private static CcfRank? ReadRank(QueryReader query)
    {
        if (query.Raw("rank") is not { } text)
        {
            return null;
        }

        if (QueryReader.NameOf(text.StartsWith("CCF-", StringComparison.OrdinalIgnoreCase) ? text[4..] : text, Ranks) is { } rank)
        {
            return rank;
        }

        query.Refuse("rank", text);
        return null;
    }
}
