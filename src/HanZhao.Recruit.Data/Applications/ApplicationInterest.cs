namespace HanZhao.Recruit.Data.Applications;

/// <summary>
/// One research interest an application chose: a row per choice (not "1,3" in a column), so the
/// dashboard's interest filter reads an index instead of matching text in every application.
/// </summary>
public class ApplicationInterest
{
    public int ApplicationId { get; set; }

    public int ResearchInterestId { get; set; }
}
