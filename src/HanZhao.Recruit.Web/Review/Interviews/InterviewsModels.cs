using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review.Interviews;

/// <summary>/review/interviews?intake=3: which intake's slots to show (the open or next one when none or an unknown one is asked for).</summary>
public sealed record InterviewsQuery(int? Intake) : IQueryModel<InterviewsQuery>
{
    public static InterviewsQuery Read(QueryReader query) => new(query.WholeNumber("intake"));
}

/// <summary>
/// The form that adds slots: one (a day and a start) or a series (the same day, every so many minutes
/// until an end time). Everything arrives as text and <see cref="InterviewSlots"/> decides what it means.
/// </summary>
public sealed class SlotForm
{
    public string? Intake { get; set; }

    /// <summary>The day in Shanghai, "2026-03-10".</summary>
    public string? Date { get; set; }

    /// <summary>The (first) start in Shanghai, "09:00".</summary>
    public string? Start { get; set; }

    public string? Length { get; set; } = "30";

    /// <summary>Optional: the series ends when the next slot would end after this time ("12:00").</summary>
    public string? Until { get; set; }

    /// <summary>Optional with <see cref="Until"/>: minutes from one start to the next; the length when empty.</summary>
    public string? Every { get; set; }

    public string? Mode { get; set; } = "OnSite";

    public string? Location { get; set; }

    public string? Capacity { get; set; } = "1";
}

public sealed record IntakeChoice(int Id, string Code, bool IsOpen);

/// <summary>One application holding a seat of a slot.</summary>
public sealed record SlotBooking(int ApplicationId, string Name, string Label, int Seat);

public sealed record StaffSlot(SlotView Slot, IReadOnlyList<SlotBooking> Bookings, bool IsPast);

/// <summary>A day of slots in Shanghai.</summary>
public sealed record SlotDay(string Day, IReadOnlyList<StaffSlot> Slots);

/// <summary>An application of the intake in the Interview status, and how far it got: invited, booked.</summary>
public sealed record Candidate(int ApplicationId, string Name, string Label, StudyPrograms Program, bool Invited, DateTime? BookedAtUtc);

/// <summary>/review/interviews: the intake's slots by day, the form to add more, and who may be invited.</summary>
public sealed record InterviewsPage(
    IReadOnlyList<IntakeChoice> Intakes, IntakeChoice? Intake, IReadOnlyList<SlotDay> Days, IReadOnlyList<Candidate> Candidates, SlotForm Form, FormErrors Errors)
{
    public string? Notice { get; init; }
}
