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

public class Publication
{
    public int Id { get; set; }

    /// <summary>The address of its page: /publications/{Slug}.</summary>
    public string Slug { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>As written in the citation, e.g. "Han Zhao, Quan Chen, Minyi Guo"; null until known.</summary>
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

    /// <summary>Order within a year as the professor lists them (smaller first).</summary>
    public int SortOrder { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
