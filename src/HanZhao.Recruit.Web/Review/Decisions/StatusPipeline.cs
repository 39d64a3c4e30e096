using HanZhao.Recruit.Data.Applications;

namespace HanZhao.Recruit.Web.Review.Decisions;

/// <summary>Why a status change is refused; <see cref="DecisionText"/> says it in words.</summary>
public enum Refusal
{
    None,
    NotFound,
    Unchanged,
    ToDraft,
    ToWithdrawn,
    Final,
    NotNext,
    Conflict,
    NoEmailAddress,
    OneAtATime,
}

/// <summary>
/// The one table of the status changes staff may make. Submitted → Under review → Interview →
/// Offer → Accepted or Declined (the applicant's answer, recorded by the professor); Rejected from
/// any open state. Submitted may go straight to Interview: the professor who has read enough invites
/// at once, and the applicant gets one email instead of two a second apart. Draft and Withdrawn belong to the applicant, and nothing leaves a final status.
/// </summary>
public static class StatusPipeline
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Next = new()
    {
        [ApplicationStatus.Submitted] = [ApplicationStatus.UnderReview, ApplicationStatus.Interview, ApplicationStatus.Rejected],
        [ApplicationStatus.UnderReview] = [ApplicationStatus.Interview, ApplicationStatus.Rejected],
        [ApplicationStatus.Interview] = [ApplicationStatus.Offer, ApplicationStatus.Rejected],
        [ApplicationStatus.Offer] = [ApplicationStatus.Accepted, ApplicationStatus.Declined, ApplicationStatus.Rejected],
    };

    /// <summary>The statuses staff can set (each has an email template).</summary>
    public static IReadOnlyList<ApplicationStatus> StaffTargets { get; } =
    [
        ApplicationStatus.UnderReview, ApplicationStatus.Interview, ApplicationStatus.Offer,
        ApplicationStatus.Accepted, ApplicationStatus.Declined, ApplicationStatus.Rejected,
    ];

    public static bool IsOpen(ApplicationStatus status) => Next.ContainsKey(status);

    public static bool IsFinal(ApplicationStatus status) =>
        status is ApplicationStatus.Accepted or ApplicationStatus.Declined or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn;

    /// <summary>Where staff may move an application from <paramref name="from"/>; empty for a final status.</summary>
    public static IReadOnlyList<ApplicationStatus> AllowedFrom(ApplicationStatus from) =>
        Next.TryGetValue(from, out var next) ? next : [];

    /// <summary><see cref="Refusal.None"/> when staff may move an application from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Refusal Check(ApplicationStatus from, ApplicationStatus to) => (from, to) switch
    {
        (_, ApplicationStatus.Draft) => Refusal.ToDraft,
        (_, ApplicationStatus.Withdrawn) => Refusal.ToWithdrawn,
        _ when IsFinal(from) => Refusal.Final,
        _ when from == to => Refusal.Unchanged,
        _ when AllowedFrom(from).Contains(to) => Refusal.None,
        // Drafts are invisible to staff; an unknown value is refused like any jump.
        _ => Refusal.NotNext,
    };

    /// <summary>
    /// The rule for a change of many applications at once: <see cref="Check"/>, and a rejection only
    /// of applications not yet invited to interview. Someone at Interview or Offer is a decision about
    /// one person: a bulk "reject the rest" once also rejected them, so bulk lists and skips them.
    /// </summary>
    public static Refusal CheckBulk(ApplicationStatus from, ApplicationStatus to) =>
        to == ApplicationStatus.Rejected && from is ApplicationStatus.Interview or ApplicationStatus.Offer ? Refusal.OneAtATime : Check(from, to);
}
