using Microsoft.AspNetCore.Identity;

namespace HanZhao.Recruit.Data.Identity;

/// <summary>
/// Everyone who signs in: the professor and co-reviewers (password, optional authenticator)
/// and applicants (one-time email links, no password).
/// </summary>
public class RecruitUser : IdentityUser
{
    /// <summary>The language emails to this user are written in: <c>en</c> or <c>zh-CN</c>.</summary>
    public string PreferredCulture { get; set; } = "en";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>How staff are shown to each other ("Prof. Han Zhao"); null for applicants.</summary>
    public string? DisplayName { get; set; }

    /// <summary>A disabled co-reviewer cannot sign in and their sessions end.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>When the staff member last opened the dashboard: "new since your last visit".</summary>
    public DateTime? LastDashboardVisitUtc { get; set; }

    /// <summary>The professor's choice: only the daily digest, no email per new application.</summary>
    public bool AlertsDigestOnly { get; set; }
}
