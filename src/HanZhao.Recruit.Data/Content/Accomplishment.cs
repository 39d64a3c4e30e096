namespace HanZhao.Recruit.Data.Content;

public class Accomplishment
{
    public int Id { get; set; }

    public LocalizedText Name { get; set; } = LocalizedText.Empty;

    public int SortOrder { get; set; }
}
