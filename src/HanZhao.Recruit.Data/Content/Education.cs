namespace HanZhao.Recruit.Data.Content;

/// <summary>A degree the professor holds.</summary>
public class Education
{
    public int Id { get; set; }

    public LocalizedText Degree { get; set; } = LocalizedText.Empty;

    public LocalizedText Institution { get; set; } = LocalizedText.Empty;

    public int StartYear { get; set; }

    public int EndYear { get; set; }

    public int SortOrder { get; set; }
}
