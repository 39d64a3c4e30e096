namespace HanZhao.Recruit.Web.Platform.Audit;

/// <summary>The names of audit actions recorded in more than one place, or read back by code.</summary>
public static class AuditActions
{
    public const string DuplicateDismissed = "DuplicateDismissed";
}
