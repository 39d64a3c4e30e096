using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Letters;

/// <summary>What the referee typed and chose; all text, the service decides what it means.</summary>
public sealed class LetterForm
{
    /// <summary>A letter is long prose; counted as <see cref="TextLength"/> counts (a CJK character is one).</summary>
    public const int MaxTextWords = 3000;

    public const int MaxReasonLength = 1000;

    public static IReadOnlyList<string> Ratings { get; } = ["research", "independence", "communication"];

    public string? Text { get; set; }

    public string? Research { get; set; }

    public string? Independence { get; set; }

    public string? Communication { get; set; }

    public string? Reason { get; set; }

    public IFormFile? File { get; set; }

    public string? Rating(string name) => name switch
    {
        "research" => Research,
        "independence" => Independence,
        _ => Communication,
    };
}

/// <summary>The referee's page: who asked, for what, until when; and what was wrong with a refused post.</summary>
public sealed record LetterPage(
    string Token, string RefereeName, string ApplicantName, StudyPrograms Program, string IntakeCode, DateTime DeadlineUtc)
{
    public LetterForm Form { get; init; } = new();

    public FormErrors Errors { get; init; } = new();
}

/// <summary>Why a link opens no form: a message about the page as a whole.</summary>
public sealed record LetterLinkFailedPage(string Message);

/// <summary>A referee as the applicant names them; all text, the service decides what it means.</summary>
public sealed class RefereeForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Title { get; set; }

    public string? Institution { get; set; }

    public string? Relationship { get; set; }

    /// <summary>The language of the referee's email: "en" or "zh-CN".</summary>
    public string? Language { get; set; } = "en";

    /// <summary>"true" when the applicant waives the right to read the letter (ticked by default).</summary>
    public string? Waive { get; set; } = "true";
}

/// <summary>The applicant's referees page: each request and where it stands, and the form to ask another.</summary>
public sealed record RefereesPage(
    int ApplicationId, string? ReferenceNumber, string ApplicantName, IReadOnlyList<LetterRequest> Requests, DateTime NowUtc, bool CanAsk)
{
    public RefereeForm Form { get; init; } = new();

    public FormErrors Errors { get; init; } = new();

    /// <summary>Where a request stands, as the applicant reads it (a message key; "Reminded ({0})" takes the count of reminders).</summary>
    public static string StateOf(LetterRequest request, DateTime nowUtc) => request switch
    {
        { State: LetterState.Received } => "Letter received",
        { State: LetterState.Declined } => "Declined",
        { State: LetterState.Withdrawn } => "Withdrawn",
        _ when request.IsExpired(nowUtc) => "Expired",
        { RemindersSent: > 0 } => "Reminded ({0})",
        _ => "Requested",
    };
}
