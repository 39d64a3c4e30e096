using System.Globalization;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Review.Applications;

/// <summary>Everything the staff page of one application shows. Document bytes are never part of it.</summary>
public sealed record ApplicationReviewPage
{
    public required ApplicationDetails Application { get; init; }

    public int Id => Application.Id;

    public required IReadOnlyList<DocumentSummary> Documents { get; init; }

    /// <summary>The professor's interests in his order, each marked if the applicant chose it.</summary>
    public required IReadOnlyList<ResearchFitItem> ResearchFit { get; init; }

    /// <summary>Newest first.</summary>
    public required IReadOnlyList<NoteView> Notes { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Oldest first.</summary>
    public required IReadOnlyList<HistoryStep> History { get; init; }

    public required ScoreBoard Scores { get; init; }

    public required ListNeighbours Neighbours { get; init; }

    /// <summary>Tags, everyone's scores and the decision section are the professor's.</summary>
    public required bool IsProfessor { get; init; }

    /// <summary>The dashboard's query string ("?status=Submitted&amp;page=2" or ""), carried on every link and form.</summary>
    public required string ListQuery { get; init; }

    /// <summary>What the staff member typed, shown again when it was refused.</summary>
    public string? NoteDraft { get; init; }

    public string? TagDraft { get; init; }

    public ScoreForm? ScoreDraft { get; init; }

    /// <summary>Why a note, tag or score was refused: "text", "name" or "score".</summary>
    public FormErrors Errors { get; init; } = new();

    public string PageUrl => $"/review/applications/{Application.Id}{ListQuery}";

    public string ActionUrl(string action) => $"/review/applications/{Application.Id}/{action}{ListQuery}";
}

/// <summary>The application's own fields, as the applicant gave them.</summary>
public sealed record ApplicationDetails(
    int Id,
    string? ReferenceNumber,
    ApplicationStatus Status,
    StudyPrograms Program,
    string IntakeCode,
    string? Email,
    string FullName,
    string? ChineseName,
    string Phone,
    string Institution,
    string Degree,
    string Major,
    double? Gpa,
    double? GpaScale,
    int? RankPosition,
    int? CohortSize,
    DateOnly? ExpectedGraduation,
    string? OtherInterests,
    string? ResearchExperience,
    string? Projects,
    string? Publications,
    EnglishTest? EnglishTest,
    double? EnglishScore,
    string? Statement,
    DateTime? SubmittedAtUtc,
    DateTime UpdatedAtUtc)
{
    /// <summary>The official route the applicant plans; None until chosen.</summary>
    public AdmissionRoute Route { get; init; }

    public RecommendationEligibility? RecommendationEligibility { get; init; }

    public string? SummerCamps { get; init; }

    public DateOnly? OfficialStepExpectedOn { get; init; }

    public double? GpaPercent { get; init; }

    /// <summary>The consent text's version the applicant agreed to, and that text (Privacy/ConsentText); null before versions.</summary>
    public string? ConsentVersion { get; init; }

    public string? ConsentText { get; init; }
}

public sealed record ResearchFitItem(int Id, LocalizedText Name, bool Chosen);

public sealed record NoteView(string Author, string Text, DateTime CreatedAtUtc);

/// <summary><paramref name="By"/> is who made the change (a staff member's name, the applicant), or null for the system.</summary>
public sealed record HistoryStep(ApplicationStatus From, ApplicationStatus To, DateTime ChangedAtUtc, string? By);

public sealed record ScoreView(string Reviewer, int ResearchFit, int AcademicRecord, int Skills, int Communication, string? Comment, DateTime UpdatedAtUtc)
{
    public double Average => (ResearchFit + AcademicRecord + Skills + Communication) / 4.0;
}

/// <summary>
/// The scores the viewer may see: their own always; everyone's (with the average of the per-reviewer
/// averages, their spread max − min, and the average corrected for each reviewer's leniency, see
/// <see cref="Scoring.FairScores"/>) once they saved their own, or at once when scoring is not blind.
/// </summary>
public sealed record ScoreBoard(ScoreView? Mine, IReadOnlyList<ScoreView> All)
{
    /// <summary>Whether scoring is blind (the professor's setting).</summary>
    public bool Blind { get; init; }

    /// <summary>How many scores are hidden until the viewer saves their own.</summary>
    public int Withheld { get; init; }

    public double? Normalised { get; init; }

    public double? Average => All.Count == 0 ? null : All.Average(s => s.Average);

    public double? Spread => All.Count == 0 ? null : All.Max(s => s.Average) - All.Min(s => s.Average);

    public static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>The applications before and after this one in the list the staff member came from.</summary>
public sealed record ListNeighbours(int? PreviousId, int? NextId, int Position, int Count)
{
    public static readonly ListNeighbours None = new(null, null, 0, 0);
}

/// <summary>
/// The rubric as posted. Values arrive as text and are parsed here, so "abc", "" and "6" are all
/// refused the same way with one message rather than the framework's binding messages.
/// </summary>
public sealed class ScoreForm
{
    public const int CommentMaxLength = 2000;

    public string? ResearchFit { get; set; }

    public string? AcademicRecord { get; set; }

    public string? Skills { get; set; }

    public string? Communication { get; set; }

    public string? Comment { get; set; }

    /// <summary>The quick score: one value for all four criteria, posted instead of them (never with them).</summary>
    public string? All { get; set; }

    /// <summary>"next" goes on to the next application of the list once saved; absent stays on the page.</summary>
    public string? Then { get; set; }

    /// <summary>True for "next", false when absent, null for anything else (a broken form).</summary>
    public bool? GoesNext => Then switch
    {
        null or "" => false,
        "next" => true,
        _ => null,
    };

    public static ScoreForm From(ScoreView? score) => score is null
        ? new ScoreForm()
        : new ScoreForm
        {
            ResearchFit = Text(score.ResearchFit),
            AcademicRecord = Text(score.AcademicRecord),
            Skills = Text(score.Skills),
            Communication = Text(score.Communication),
            Comment = score.Comment,
        };

    /// <summary>
    /// The four values if each is a whole number from 1 to 5, or the quick score alone is one (then all
    /// four take it); otherwise null.
    /// </summary>
    public (int ResearchFit, int AcademicRecord, int Skills, int Communication)? Values() =>
        All is not null
            ? ResearchFit is null && AcademicRecord is null && Skills is null && Communication is null && Parse(All) is { } all ? (all, all, all, all) : null
            : Parse(ResearchFit) is { } fit && Parse(AcademicRecord) is { } academic && Parse(Skills) is { } skills && Parse(Communication) is { } communication
            ? (fit, academic, skills, communication)
            : null;

    public bool CommentTooLong => (Comment?.Length ?? 0) > CommentMaxLength;

    public string? Value(string criterion) => criterion switch
    {
        nameof(ResearchFit) => ResearchFit,
        nameof(AcademicRecord) => AcademicRecord,
        nameof(Skills) => Skills,
        nameof(Communication) => Communication,
        _ => null,
    };

    private static int? Parse(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 5 ? number : null;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public static partial class ReviewRules
{
    public const int NoteMaxLength = 4000;

    public const int TagMaxLength = 40;

    /// <summary>Letters and digits of any script, spaces and hyphens; 1–40 characters once trimmed.</summary>
    public static bool IsValidTag(string? name) => name is { Length: >= 1 and <= TagMaxLength } && TagPattern().IsMatch(name);

    [GeneratedRegex(@"^[\p{L}\p{Nd} \-]+$")]
    private static partial Regex TagPattern();
}

/// <summary>What the tag form's button asks for (posted as "operation").</summary>
public enum TagOperation
{
    Add,
    Remove,
}
