namespace HanZhao.Recruit.Data.Content;

/// <summary>
/// A short dated line of the homepage and /news ("a paper accepted at EuroSys 2027"), in both
/// languages, plain text (never Markdown or HTML), with an optional link. Only the professor adds
/// them, in the content editor: nothing is seeded.
/// </summary>
public class NewsItem
{
    public int Id { get; set; }

    /// <summary>The day the news is dated; newest first everywhere.</summary>
    public DateOnly Date { get; set; }

    public LocalizedText Text { get; set; } = LocalizedText.Empty;

    /// <summary>An https:// address or a path inside the site ("/publications/x"); null for none.</summary>
    public string? Link { get; set; }

    /// <summary>When it was added; the feed's "published".</summary>
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When it last changed; the feed's "updated" and the ETag come from it.</summary>
    public DateTime UpdatedAtUtc { get; set; }
}
