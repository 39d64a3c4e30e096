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

    public double? GpaScale { get; set; }

    /// <summary>As the applicant states it, e.g. "3/120" or "top 5%".</summary>
    public string? Ranking { get; set; }

    public DateOnly? ExpectedGraduation { get; set; }

    // Choice
    /// <summary>Ids of the professor's research interests the applicant picked, e.g. "1,3".</summary>
    public string ResearchInterestIds { get; set; } = string.Empty;

    public string? OtherInterests { get; set; }

    // Experience
    public string? ResearchExperience { get; set; }

    public string? Projects { get; set; }

    public string? Publications { get; set; }

    // English
    public string? EnglishTest { get; set; }

    public string? EnglishScore { get; set; }

    public string? Statement { get; set; }

    /// <summary>When the applicant consented to the processing of their data; required to submit.</summary>
    public DateTime? ConsentedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public List<ApplicationDocument> Documents { get; set; } = [];

    public List<ApplicationStatusChange> StatusHistory { get; set; } = [];
}
