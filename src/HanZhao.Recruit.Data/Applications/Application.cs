using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;

namespace HanZhao.Recruit.Data.Applications;

/// <summary>One applicant's application to one program of one intake (at most one such row).</summary>
public class Application
{
    public int Id { get; set; }

    public string ApplicantId { get; set; } = string.Empty;

    public RecruitUser? Applicant { get; set; }

    public int IntakeId { get; set; }

    public Intake? Intake { get; set; }

    /// <summary>Exactly one program (PhD or Master).</summary>
    public StudyPrograms Program { get; set; }

    public ApplicationStatus Status { get; set; } = ApplicationStatus.Draft;

    /// <summary>"HZ-2026-00042", given on submission.</summary>
    public string? ReferenceNumber { get; set; }

    /// <summary>The language the applicant uses: their emails are written in it.</summary>
    public string Culture { get; set; } = "en";

    // Personal details
    public string FullName { get; set; } = string.Empty;

    public string? ChineseName { get; set; }

    public string Phone { get; set; } = string.Empty;

    // Education
    public string Institution { get; set; } = string.Empty;

    public string Degree { get; set; } = string.Empty;

    public string Major { get; set; } = string.Empty;

    public double? Gpa { get; set; }

    /// <summary>The scale the GPA is on: 4.0, 4.3, 5.0 or 100.</summary>
    public double? GpaScale { get; set; }

    /// <summary>The GPA as a percentage of its scale, kept with it so lists sort by it.</summary>
    public double? GpaPercent { get; set; }

    /// <summary>Rank in the cohort: <see cref="RankPosition"/> of <see cref="CohortSize"/> ("3 of 120").</summary>
    public int? RankPosition { get; set; }

    public int? CohortSize { get; set; }

    public DateOnly? ExpectedGraduation { get; set; }

    // Choice
    public string? OtherInterests { get; set; }

    // Experience
    public string? ResearchExperience { get; set; }

    public string? Projects { get; set; }

    public string? Publications { get; set; }

    // English
    public EnglishTest? EnglishTest { get; set; }

    /// <summary>The total score, in the range of <see cref="EnglishTest"/> (CET 0–710, IELTS 0–9, TOEFL 0–120, GRE 260–340).</summary>
    public double? EnglishScore { get; set; }

    // The official route (招生类型)
    /// <summary>The route the applicant plans, one of those the intake accepts for the program; None until chosen.</summary>
    public AdmissionRoute Route { get; set; }

    /// <summary>推免资格, for the routes that go through 推免.</summary>
    public RecommendationEligibility? RecommendationEligibility { get; set; }

    /// <summary>The summer camps (夏令营) attended or planned, as the applicant names them.</summary>
    public string? SummerCamps { get; set; }

    /// <summary>When the applicant expects the route's official step (the 推免 system, the national exam, the school's application).</summary>
    public DateOnly? OfficialStepExpectedOn { get; set; }

    /// <summary>Sample data made by <c>--demo</c>: clearly fictional, shown with a banner, never mixed with real applications.</summary>
    public bool IsDemo { get; set; }

    public string? Statement { get; set; }

    /// <summary>When the applicant consented to the processing of their data; required to submit.</summary>
    public DateTime? ConsentedAtUtc { get; set; }

    /// <summary>
    /// The version of the consent text the applicant agreed to at submission (a short hash of its
    /// English and Chinese wording, Privacy/ConsentText), and that wording in their language, so it can
    /// be shown again after the settings change; null for drafts and applications from before versions.
    /// </summary>
    public string? ConsentVersion { get; set; }

    public string? ConsentText { get; set; }

    /// <summary>The professor's "keep longer": not erased before this moment (Privacy/RetentionPolicy); null: the configured period.</summary>
    public DateTime? KeepUntilUtc { get; set; }

    /// <summary>
    /// The erasure date the last retention notice announced, and when it was sent: a notice is sent once per
    /// date, and nothing is erased without a notice for the date in force (an extension needs a new one).
    /// </summary>
    public DateTime? RetentionNoticeForUtc { get; set; }

    public DateTime? RetentionNoticedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>
    /// How many reviewers scored it, the mean of their rubric averages and the mean corrected for each
    /// reviewer's leniency (Review/Scoring/FairScores): kept by <c>ScoreFigures</c> in the transaction of
    /// every score change, so the list sorts and filters by an indexed column, not by a per-row computation.
    /// </summary>
    public int ScoreCount { get; set; }

    public double? AverageScore { get; set; }

    public double? NormalisedScore { get; set; }

    /// <summary>The status's place in the pipeline (Submitted 1 … Withdrawn 8), computed by the database for the list's sort.</summary>
    public int StatusOrder { get; private set; }

    /// <summary>The rank as a share of the cohort (5/120 before 2/20), computed by the database for the list's sort.</summary>
    public double? RankShare { get; private set; }

    /// <summary>The research interests the applicant picked (the professor's list).</summary>
    public List<ApplicationInterest> Interests { get; set; } = [];

    public List<ApplicationDocument> Documents { get; set; } = [];

    public List<ApplicationStatusChange> StatusHistory { get; set; } = [];

    public List<ApplicationMilestone> Milestones { get; set; } = [];
}
