using HanZhao.Recruit.Data.Applications;

namespace HanZhao.Recruit.Web.Platform.Audit;

/// <summary>
/// Audit action names that code builds or reads back. Every action recorded anywhere has a readable,
/// translated name in <c>Review/AuditLog/AuditActionNames.cs</c> (a test reads every Record call).
/// </summary>
public static class AuditActions
{
    public const string DuplicateDismissed = "DuplicateDismissed";

    public const string PasswordResetRequested = "PasswordResetRequested";

    public const string PasswordReset = "PasswordReset";

    public const string AlertsChanged = "AlertsChanged";

    /// <summary>Status changes say where to ("StatusRejected"), so the log reads "Status changed to Rejected" and filters by it.</summary>
    public const string StatusPrefix = "Status";

    public static string StatusChangedTo(ApplicationStatus to) => StatusPrefix + to;
}
