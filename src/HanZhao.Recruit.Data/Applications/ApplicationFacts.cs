namespace HanZhao.Recruit.Data.Applications;

/// <summary>The English tests the form takes, each with its own score range.</summary>
public enum EnglishTest
{
    Cet4,
    Cet6,
    Ielts,
    Toefl,
    Gre,
}

/// <summary>推免资格: whether the applicant's university recommends them for exam-free admission.</summary>
public enum RecommendationEligibility
{
    Confirmed,
    Expected,
    NotEligible,
}

/// <summary>
/// The official steps after the professor agrees to supervise (the Offer status), each recorded once
/// with its date. <see cref="PendingAdmission"/> carries the deadline by which the student must accept.
/// </summary>
public enum MilestoneKind
{
    /// <summary>Registered in the national 推免 system, or the official application submitted.</summary>
    OfficialApplication,

    /// <summary>复试 (or the school's interview) passed.</summary>
    InterviewPassed,

    /// <summary>待录取 notice sent; the student must accept by its deadline.</summary>
    PendingAdmission,

    /// <summary>The student accepted the 待录取 notice.</summary>
    PendingAdmissionAccepted,

    /// <summary>Admitted (录取).</summary>
    Admitted,

    /// <summary>The student accepted a place elsewhere.</summary>
    AcceptedElsewhere,
}

/// <summary>One official step of an application, with its date.</summary>
public class ApplicationMilestone
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public MilestoneKind Kind { get; set; }

    /// <summary>The day it happened (Shanghai date).</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>For a 待录取 notice: the moment by which the student must accept.</summary>
    public DateTime? RespondByUtc { get; set; }

    public string? Note { get; set; }

    /// <summary>Staff or the applicant; null when recorded by the system.</summary>
    public string? RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}
