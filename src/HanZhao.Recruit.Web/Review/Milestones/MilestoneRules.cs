using HanZhao.Recruit.Data.Applications;

namespace HanZhao.Recruit.Web.Review.Milestones;

/// <summary>
/// Who records which official step, and when. The steps follow the professor's agreement to
/// supervise (the Offer status) and stay recordable when the applicant answered it (Accepted,
/// Declined: a student who declined may still report a place elsewhere). The professor records
/// every step; the applicant only those that are theirs to say.
/// </summary>
public static class MilestoneRules
{
    /// <summary>The steps in the order they happen, as pages list them.</summary>
    public static IReadOnlyList<MilestoneKind> InOrder { get; } =
    [
        MilestoneKind.OfficialApplication, MilestoneKind.InterviewPassed, MilestoneKind.PendingAdmission,
        MilestoneKind.PendingAdmissionAccepted, MilestoneKind.Admitted, MilestoneKind.AcceptedElsewhere,
    ];

    /// <summary>What the applicant knows first-hand: that they applied officially, or took a place elsewhere.</summary>
    public static IReadOnlyList<MilestoneKind> Applicants { get; } = [MilestoneKind.OfficialApplication, MilestoneKind.AcceptedElsewhere];

    public const int NoteMaxLength = 500;

    public static bool IsOpenFor(ApplicationStatus status) =>
        status is ApplicationStatus.Offer or ApplicationStatus.Accepted or ApplicationStatus.Declined;

    public static bool ApplicantMayRecord(MilestoneKind kind) => Applicants.Contains(kind);

    /// <summary>A 待录取 notice is the only step with a deadline.</summary>
    public static bool HasDeadline(MilestoneKind kind) => kind == MilestoneKind.PendingAdmission;

    /// <summary>Once the student has answered the 待录取 notice (or gone elsewhere), its deadline no longer counts down.</summary>
    public static bool Answers(MilestoneKind kind) =>
        kind is MilestoneKind.PendingAdmissionAccepted or MilestoneKind.Admitted or MilestoneKind.AcceptedElsewhere;
}
