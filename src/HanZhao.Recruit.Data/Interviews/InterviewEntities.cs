namespace HanZhao.Recruit.Data.Interviews;

public enum InterviewMode
{
    OnSite,
    Online,
}

/// <summary>
/// A time the professor offers for interviews in an intake: on site in a room, or online with a
/// meeting link; usually one applicant (capacity 1).
/// </summary>
public class InterviewSlot
{
    public int Id { get; set; }

    public int IntakeId { get; set; }

    public DateTime StartsAtUtc { get; set; }

    public int LengthMinutes { get; set; }

    public InterviewMode Mode { get; set; }

    /// <summary>The room (on site) or the meeting link (online: Tencent Meeting, Zoom…).</summary>
    public string Location { get; set; } = string.Empty;

    public int Capacity { get; set; } = 1;

    /// <summary>A cancelled slot takes no booking; its bookings are cancelled with a CANCEL invitation.</summary>
    public bool IsCancelled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// The professor's invitation of one application to book a slot, and the calendar identity of its
/// interview: one UID for the life of the invitation and a SEQUENCE raised by every change, so a
/// calendar updates one event through bookings, reschedules and a cancellation.
/// </summary>
public class InterviewInvitation
{
    public int ApplicationId { get; set; }

    public int IntakeId { get; set; }

    public string InvitedById { get; set; } = string.Empty;

    public DateTime InvitedAtUtc { get; set; }

    public string CalendarUid { get; set; } = string.Empty;

    public int CalendarSequence { get; set; }

    /// <summary>What the professor recorded after the interview; null before.</summary>
    public InterviewOutcome? Outcome { get; set; }

    public string? OutcomeNotes { get; set; }

    /// <summary>The interview's own rubric, 1–5 each, recorded with the outcome.</summary>
    public int? RatingKnowledge { get; set; }

    public int? RatingResearch { get; set; }

    public int? RatingCommunication { get; set; }

    public int? RatingMotivation { get; set; }

    public DateTime? OutcomeRecordedAtUtc { get; set; }
}

public enum InterviewOutcome
{
    Passed,
    NotPassed,
    Undecided,
}

/// <summary>
/// An application's booked slot: one per application (its key), and one row per seat of a slot
/// (unique slot + seat, seats 1..capacity), so two applicants racing for the last seat cannot both
/// have it, on SQLite and SQL Server alike.
/// </summary>
public class InterviewBooking
{
    public int ApplicationId { get; set; }

    public int SlotId { get; set; }

    public int Seat { get; set; }

    public DateTime BookedAtUtc { get; set; }

    /// <summary>When the 24-hour reminder went out; at most once per booking of a slot.</summary>
    public DateTime? ReminderSentAtUtc { get; set; }
}
