using System.Globalization;
using HanZhao.Recruit.Data.Interviews;
using InterviewVerdict = HanZhao.Recruit.Data.Interviews.InterviewOutcome;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review.InterviewOutcome;

/// <summary>Where an application stands with its interview, as the reader's panel says it.</summary>
public enum InterviewState
{
    NotInvited,
    Invited,
    Booked,
    Cancelled,
}

/// <summary>The booked slot as staff read it (the start in UTC; the page shows Shanghai time).</summary>
public sealed record BookedSlot(DateTime StartsAtUtc, int LengthMinutes, InterviewMode Mode, string Location, bool IsCancelled);

/// <summary>What was recorded after the interview (null fields: not given).</summary>
public sealed record RecordedOutcome(
    InterviewVerdict? Outcome, string? Notes, int? Knowledge, int? Research, int? Communication, int? Motivation, DateTime? RecordedAtUtc)
{
    public double? Average => InterviewRubric.Average(Knowledge, Research, Communication, Motivation);
}

/// <summary>The interview panel of the reader.</summary>
public sealed record InterviewPanel(int ApplicationId, InterviewState State, DateTime? InvitedAtUtc, BookedSlot? Slot, RecordedOutcome? Recorded)
{
    /// <summary>Whether the professor may record the outcome now (and a co-reviewer would see the form).</summary>
    public required bool CanRecord { get; init; }

    /// <summary>The interview has started (or passed): the outcome can be recorded.</summary>
    public required bool HasStarted { get; init; }

    /// <summary>What was posted and refused, shown again with <see cref="Errors"/>.</summary>
    public InterviewOutcomeForm? Draft { get; init; }

    public FormErrors Errors { get; init; } = new();

    /// <summary>The reader's list query ("?…" or ""), carried on the form like the reader's own forms.</summary>
    public string ListQuery { get; init; } = string.Empty;

    public InterviewOutcomeForm Form => Draft ?? InterviewOutcomeForm.From(Recorded);
}

/// <summary>
/// The outcome form as posted: every field text, read here, so "6", "abc" or "1" for the outcome are
/// refused with one message each rather than the framework's binding messages.
/// </summary>
public sealed class InterviewOutcomeForm
{
    /// <summary>Notes are read like the statement: a CJK character counts as one word (Platform/Forms/TextLength).</summary>
    public const int NotesMaxWords = 600;

    /// <summary>The column's own limit (InterviewInvitation.OutcomeNotes is 4,000 characters).</summary>
    public const int NotesMaxCharacters = 4000;

    public string? Outcome { get; set; }

    public string? Knowledge { get; set; }

    public string? Research { get; set; }

    public string? Communication { get; set; }

    public string? Motivation { get; set; }

    public string? Notes { get; set; }

    /// <summary>The outcome by name only (Passed, NotPassed, Undecided); a number or an unknown name is none.</summary>
    public InterviewVerdict? ParsedOutcome => QueryReader.NameOf<InterviewVerdict>(Outcome ?? string.Empty);

    public bool NotesTooLong => Notes is { } notes && (notes.Length > NotesMaxCharacters || TextLength.Count(notes) > NotesMaxWords);

    public string? Value(string criterion) => criterion switch
    {
        nameof(Knowledge) => Knowledge,
        nameof(Research) => Research,
        nameof(Communication) => Communication,
        nameof(Motivation) => Motivation,
        _ => null,
    };

    /// <summary>The four ratings, each empty (not given) or a whole number 1–5; null when any is neither.</summary>
    public (int? Knowledge, int? Research, int? Communication, int? Motivation)? Ratings() =>
        TryRating(Knowledge, out var knowledge) && TryRating(Research, out var research)
        && TryRating(Communication, out var communication) && TryRating(Motivation, out var motivation)
            ? (knowledge, research, communication, motivation)
            : null;

    public static InterviewOutcomeForm From(RecordedOutcome? recorded) => recorded is null
        ? new InterviewOutcomeForm()
        : new InterviewOutcomeForm
        {
            Outcome = recorded.Outcome?.ToString(),
            Knowledge = Text(recorded.Knowledge),
            Research = Text(recorded.Research),
            Communication = Text(recorded.Communication),
            Motivation = Text(recorded.Motivation),
            Notes = recorded.Notes,
        };

    private static bool TryRating(string? text, out int? rating)
    {
        rating = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (FormNumbers.WholeNumber(text, 1, 5) is { } value)
        {
            rating = value;
            return true;
        }

        return false;
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The interview's own rubric: four criteria, 1–5 each, with what each level means (English keys,
/// translated on the page). Separate from the application rubric (Review/Applications/_Rubric):
/// that one scores the file, this one the conversation.
/// </summary>
public static class InterviewRubric
{
    public sealed record Criterion(string Field, string Name, string Question, IReadOnlyList<string> Levels);

    public static IReadOnlyList<Criterion> Criteria { get; } =
    [
        new(nameof(InterviewOutcomeForm.Knowledge), "Knowledge", "Command of the fundamentals of the field",
            ["Gaps in the basics", "Knows the basics, unsure beyond them", "Solid in the basics", "Solid and broad", "Deep; explains the advanced clearly"]),
        new(nameof(InterviewOutcomeForm.Research), "Research ability", "Can frame a question and carry out a study",
            ["No research experience shown", "Followed instructions on a project", "Carried out a project with guidance", "Drove a project; knows its limits", "Independent; original ideas"]),
        new(nameof(InterviewOutcomeForm.Communication), "Communication", "Explains clearly and listens to questions",
            ["Hard to follow", "Understandable with effort", "Clear to follow", "Clear and well structured", "Compelling; answers to the point"]),
        new(nameof(InterviewOutcomeForm.Motivation), "Motivation", "Knows why this group and this research",
            ["No clear reason", "Vague interest", "Genuine interest", "Specific goals that fit the group", "Strong, specific and well informed"]),
    ];

    /// <summary>The mean of the ratings given; null when none was.</summary>
    public static double? Average(params int?[] ratings)
    {
        var given = ratings.Where(r => r is not null).Select(r => r!.Value).ToList();
        return given.Count == 0 ? null : given.Average();
    }

    /// <summary>"Passed · 4.3" for the list and the CSV (English names, like the CSV's Status); null before an outcome.</summary>
    public static string? Summary(InterviewVerdict? outcome, int? knowledge, int? research, int? communication, int? motivation) =>
        outcome is not { } value
            ? null
            : Name(value) + (Average(knowledge, research, communication, motivation) is { } average
                ? " · " + average.ToString("0.0", CultureInfo.InvariantCulture)
                : string.Empty);

    /// <summary>The outcome as people say it (an English key: "Not passed").</summary>
    public static string Name(InterviewVerdict outcome) => outcome switch
    {
        InterviewVerdict.Passed => "Passed",
        InterviewVerdict.NotPassed => "Not passed",
        _ => "Undecided",
    };
}
