using System.Text.RegularExpressions;

namespace HanZhao.Recruit.Data.Content;

public enum PublicationType
{
    Conference,
    Journal,
    Preprint,
}

/// <summary>The China Computer Federation's venue ranking; None when the venue is unranked.</summary>
public enum CcfRank
{
    None,
    A,
    B,
    C,
}

public partial class Publication
{
    public int Id { get; set; }

    /// <summary>The address of its page: /publications/{Slug}.</summary>
    public string Slug { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// The ordered author list as written in the citation, one name per entry joined by ", ":
    /// "Han Zhao, Quan Chen, Minyi Guo"; null until known. Names never contain a comma (the import
    /// turns "Zhao, Han" into "Han Zhao"; the form refuses a name with one), so <see cref="AuthorNames"/> is exact.
    /// </summary>
    public string? Authors { get; set; }

    public int Year { get; set; }

    /// <summary>The venue without its year, for filtering: "TACO", "EuroSys".</summary>
    public string Venue { get; set; } = string.Empty;

    /// <summary>The venue as the professor writes it: "TACO2025", "Arxiv".</summary>
    public string VenueLabel { get; set; } = string.Empty;

    public PublicationType Type { get; set; }

    public CcfRank CcfRank { get; set; }

    /// <summary>"Under review", "Corresponding author"; empty for none.</summary>
    public LocalizedText Note { get; set; } = LocalizedText.Empty;

    public string? PdfUrl { get; set; }

    public string? Doi { get; set; }

    /// <summary>The summary, plain text with paragraphs separated by a blank line; null when not given.</summary>
    public string? Abstract { get; set; }

    public string? CodeUrl { get; set; }

    public string? SlidesUrl { get; set; }

    public string? VideoUrl { get; set; }

    public string? ProjectUrl { get; set; }

    public string? ArxivUrl { get; set; }

    /// <summary>Listed on the homepage; when none is, the homepage lists the newest.</summary>
    public bool IsSelected { get; set; }

    public string? Volume { get; set; }

    public string? Number { get; set; }

    /// <summary>"101-115" (a hyphen; BibTeX gets "--").</summary>
    public string? Pages { get; set; }

    public string? Publisher { get; set; }

    /// <summary>1 to 12; null when not known.</summary>
    public int? Month { get; set; }

    /// <summary>Order within a year as the professor lists them (smaller first).</summary>
    public int SortOrder { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>
    /// The authors in order; empty while unknown. Rows written before the list was kept with ", " may
    /// use "and", ";" or Chinese separators, so those separate names too.
    /// </summary>
    public IReadOnlyList<string> AuthorNames() => SplitAuthors(Authors);

    /// <summary>
    /// The names in a typed or stored list: one per line, or joined by " and " (BibTeX's way), or
    /// separated by commas, semicolons or "、". With lines or "and", a name may be written
    /// "Zhao, Han" and is read as "Han Zhao" (so the list can be stored joined by ", ").
    /// </summary>
    public static IReadOnlyList<string> SplitAuthors(string? authors)
    {
        if (string.IsNullOrWhiteSpace(authors))
        {
            return [];
        }

        var text = authors.Replace("\r", "", StringComparison.Ordinal).Replace(", and ", ", ", StringComparison.Ordinal).Trim();
        var names = text.Contains('\n', StringComparison.Ordinal) ? text.Split('\n')
            : AndSeparator().IsMatch(text) ? AndSeparator().Split(text)
            : ListSeparator().Split(text);
        var whole = text.Contains('\n', StringComparison.Ordinal) || AndSeparator().IsMatch(text);
        return [.. names.SelectMany(name => whole ? GivenNameFirst(name) : [name.Trim()]).Where(name => name.Length > 0)];
    }

    /// <summary>
    /// "Zhao, Han" → "Han Zhao" (a one-word family name before the comma); "Han Zhao, Quan Chen"
    /// (a list before an "and") → both names.
    /// </summary>
    private static string[] GivenNameFirst(string name)
    {
        var pieces = ListSeparator().Split(name.Trim()).Where(p => p.Length > 0).ToArray();
        return pieces.Length == 2 && !pieces[0].Contains(' ', StringComparison.Ordinal) ? [$"{pieces[1]} {pieces[0]}"] : pieces;
    }

    [GeneratedRegex(@"\s+and\s+")]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"\s*[,;，；、]\s*")]
    private static partial Regex ListSeparator();
}

/// <summary>Column sizes the form checks against, kept beside the entity so both agree.</summary>
public static class PublicationLimits
{
    /// <summary>Characters of an abstract: a long one is about 2,000; this leaves room without taking essays.</summary>
    public const int Abstract = 5000;

    /// <summary>Volume, number and pages: "101--115", "3", "OSDI '24".</summary>
    public const int Brief = 50;
}
