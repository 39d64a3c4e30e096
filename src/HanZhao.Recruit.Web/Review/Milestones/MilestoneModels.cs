using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review.Milestones;

/// <summary>Time left until a deadline, in whole days and hours (rounded down), from the app's clock.</summary>
public readonly record struct Countdown(int Days, int Hours, bool HasPassed)
{
    public static Countdown Until(DateTime deadlineUtc, DateTime nowUtc)
    {
        var left = deadlineUtc - nowUtc;
        return left <= TimeSpan.Zero ? new Countdown(0, 0, true) : new Countdown(left.Days, left.Hours, false);
    }
}

/// <summary>One recorded step, as both sides see it.</summary>
public sealed record MilestoneView(MilestoneKind Kind, DateOnly OccurredOn, DateTime? RespondByUtc, string? Note, DateTime RecordedAtUtc);

/// <summary>
/// The steps of one application: what is recorded, in the order the steps happen, and the 待录取
/// countdown while it runs (the notice recorded with its deadline and not yet answered).
/// </summary>
public sealed record MilestoneTrack(IReadOnlyList<MilestoneView> Recorded, DateTime NowUtc)
{
    public MilestoneView? Pending => Recorded.FirstOrDefault(m => m.Kind == MilestoneKind.PendingAdmission && m.RespondByUtc is not null);

    /// <summary>The time left to accept the 待录取 notice; null when there is no notice or it was answered.</summary>
    public Countdown? Countdown =>
        Pending is { RespondByUtc: { } deadline } && !Recorded.Any(m => MilestoneRules.Answers(m.Kind))
            ? Milestones.Countdown.Until(deadline, NowUtc)
            : null;

    public static MilestoneTrack Of(IEnumerable<MilestoneView> recorded, DateTime nowUtc) =>
        // The enum lists the steps in the order they happen.
        new([.. recorded.OrderBy(m => m.Kind)], nowUtc);
}

/// <summary>An application as its milestones need it.</summary>
public sealed record MilestoneApplication(
    int Id, string? ReferenceNumber, string FullName, string? Email, string Culture, StudyPrograms Program, string IntakeCode, ApplicationStatus Status)
{
    public string Label => ReferenceNumber ?? $"#{Id}";
}

/// <summary>
/// The form as posted: every value arrives as text and is checked by <see cref="MilestoneRecorder"/>.
/// <see cref="OccurredOn"/> is a day (yyyy-MM-dd, Shanghai); <see cref="RespondBy"/> the 待录取 deadline
/// as a datetime-local input sends it, in Shanghai time.
/// </summary>
public sealed class MilestoneForm
{
    public string? Kind { get; set; }

    public string? OccurredOn { get; set; }

    public string? RespondBy { get; set; }

    public string? Note { get; set; }

    /// <summary>"true" queues the step's email to the applicant (the professor's form); absent, no email.</summary>
    public string? SendEmail { get; set; }
}

/// <summary>The staff page of one application's milestones (/review/applications/{id}/milestones).</summary>
public sealed record MilestonesPage(MilestoneApplication Application, MilestoneTrack Track, bool CanRecord)
{
    public MilestoneForm Form { get; init; } = new() { SendEmail = "true" };

    public FormErrors Errors { get; init; } = new();

    /// <summary>The step just recorded (post/redirect/get), and whether its email was queued.</summary>
    public MilestoneKind? Recorded { get; init; }

    public bool Emailed { get; init; }

    /// <summary>Steps can be recorded in this status (after the offer).</summary>
    public bool IsOpen => MilestoneRules.IsOpenFor(Application.Status);
}

/// <summary>What the page was told after a change: <c>?recorded=PendingAdmission&amp;emailed=true</c>.</summary>
public sealed record MilestonesQuery(MilestoneKind? Recorded, bool Emailed) : IQueryModel<MilestonesQuery>
{
    public static MilestonesQuery Read(QueryReader query) => new(query.Name<MilestoneKind>("recorded"), query.Flag("emailed"));
}

/// <summary>What the track partial shows: the steps, and whether the reader is the applicant (their own time zone beside Shanghai's).</summary>
public sealed record MilestoneTrackView(MilestoneTrack Track, bool ForApplicant);

/// <summary>What the form partial needs: where it posts, the steps offered, the values and messages, and whether it offers the email.</summary>
public sealed record MilestoneFormView(string Action, IReadOnlyList<MilestoneKind> Kinds, MilestoneForm Form, FormErrors Errors, bool OffersEmail);
