namespace HanZhao.Recruit.Data.Content;

public enum LabRole
{
    PhdStudent,
    MasterStudent,
    Postdoc,
    Visiting,
    Other,
}

/// <summary>A member of the professor's lab, current or (with <see cref="EndYear"/>) an alumnus.</summary>
public class LabMember
{
    public int Id { get; set; }

    /// <summary>In Latin script, e.g. "Wei Li".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>In Chinese characters; empty when none.</summary>
    public string ChineseName { get; set; } = string.Empty;

    public LabRole Role { get; set; }

    public int StartYear { get; set; }

    /// <summary>Null while a current member; the year they left makes them an alumnus.</summary>
    public int? EndYear { get; set; }

    /// <summary>Where an alumnus went ("Alibaba Cloud"); empty when unknown.</summary>
    public LocalizedText Destination { get; set; } = LocalizedText.Empty;

    public LocalizedText Topic { get; set; } = LocalizedText.Empty;

    /// <summary>A personal page (https).</summary>
    public string? Url { get; set; }

    public int? PhotoId { get; set; }

    public Photo? Photo { get; set; }

    /// <summary>Order within the page as the professor lists them (smaller first).</summary>
    public int SortOrder { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public bool IsAlumnus => EndYear is not null;
}
