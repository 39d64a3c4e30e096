using HanZhao.Recruit.Data.Applications;

namespace HanZhao.Recruit.Web.Applicant;

/// <summary>What an applicant may still do with an application in each status.</summary>
public static class PortalRules
{
    /// <summary>Editing stays open until review starts, so the professor never reads a moving target.</summary>
    public static bool CanEdit(ApplicationStatus status) =>
        status is ApplicationStatus.Draft or ApplicationStatus.Submitted;

    /// <summary>
    /// Withdrawing is possible from submission until a decision. A draft has nothing to withdraw
    /// (it is simply not submitted); after an offer the answer is Accepted or Declined instead.
    /// </summary>
    public static bool CanWithdraw(ApplicationStatus status) =>
        status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview or ApplicationStatus.Interview;
}
