namespace HanZhao.Recruit.Data.Content;

/// <summary>The professor's public profile: one row.</summary>
public class Profile
{
    public int Id { get; set; }

    /// <summary>The name in Latin script, e.g. "Han Zhao".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The name in Chinese characters, e.g. "赵涵".</summary>
    public string ChineseName { get; set; } = string.Empty;

    public LocalizedText Title { get; set; } = LocalizedText.Empty;

    public LocalizedText Department { get; set; } = LocalizedText.Empty;

    public LocalizedText University { get; set; } = LocalizedText.Empty;

    /// <summary>Paragraphs separated by a blank line.</summary>
    public LocalizedText Biography { get; set; } = LocalizedText.Empty;

    /// <summary>The recruiting notice shown on the homepage and on /join.</summary>
    public LocalizedText RecruitingNotice { get; set; } = LocalizedText.Empty;

    public string? Email { get; set; }

    public LocalizedText Office { get; set; } = LocalizedText.Empty;

    public string? GoogleScholarUrl { get; set; }

    public string? GitHubUrl { get; set; }

    public string? DblpUrl { get; set; }

    /// <summary>The ORCID iD as "0000-0002-1825-0097" (checksum verified by the editor).</summary>
    public string? Orcid { get; set; }

    /// <summary>A map of the office (https); optional.</summary>
    public string? MapUrl { get; set; }

    /// <summary>Further profile links, one "Label | https://..." a line.</summary>
    public string? OtherLinks { get; set; }

    public int? PhotoId { get; set; }

    public Photo? Photo { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
