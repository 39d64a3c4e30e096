using HanZhao.Recruit.Data.Applications;

namespace HanZhao.Recruit.Data.Review;

/// <summary>A staff note on an application; applicants never see notes.</summary>
public class ApplicationNote
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public string AuthorId { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>One reviewer's rubric for one application (1–5 each); at most one per reviewer and application.</summary>
public class ApplicationScore
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public string ReviewerId { get; set; } = string.Empty;

    public int ResearchFit { get; set; }

    public int AcademicRecord { get; set; }

    public int Skills { get; set; }

    public int Communication { get; set; }

    public string? Comment { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public double Average => (ResearchFit + AcademicRecord + Skills + Communication) / 4.0;
}

/// <summary>A free label the professor puts on an application ("strong", "follow up").</summary>
public class ApplicationTag
{
    public int ApplicationId { get; set; }

    public string Name { get; set; } = string.Empty;
}

/// <summary>A co-reviewer may see and score only the applications assigned to them.</summary>
public class ReviewerAssignment
{
    public int ApplicationId { get; set; }

    public string ReviewerId { get; set; } = string.Empty;

    public DateTime AssignedAtUtc { get; set; }
}

/// <summary>
/// The email sent when an application moves to a status, per language; placeholders {name},
/// {reference}, {program}, {intake}. Built-in defaults apply where no row exists.
/// </summary>
public class EmailTemplate
{
    public int Id { get; set; }

    public ApplicationStatus Status { get; set; }

    public string Culture { get; set; } = "en";

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>Who did what, when: sign-ins, status changes, notes, scores, emails, exports, settings.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public string? UserEmail { get; set; }

    /// <summary>"SignIn", "StatusChange", "Note", "Score", "Email", "Export", "Settings" ...</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>What it was done to, e.g. "Application 42" or "Intake 2027.09".</summary>
    public string? Target { get; set; }

    public string? Details { get; set; }
}
