using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Interviews;

namespace HanZhao.Recruit.Web.Interviews;

/// <summary>An application's interview: the invitation (its calendar identity and outcome) and the booked slot, null before a booking.</summary>
public sealed record ApplicationInterview(InterviewInvitation Invitation, InterviewSlot? Slot);

/// <summary>What the interview emails and the calendar event say about the application.</summary>
public sealed record InterviewApplicant(
    int ApplicationId, string? ReferenceNumber, string FullName, string? Email, string Culture, StudyPrograms Program, string IntakeCode)
{
    /// <summary>The reference number, or the application's number before it has one.</summary>
    public string Label => ReferenceNumber ?? "#" + ApplicationId;
}

/// <summary>Why a calendar email goes out: each is a REQUEST except the two cancellations.</summary>
public enum InterviewChange
{
    Booked,
    Moved,
    Cancelled,
    SlotCancelled,
}

/// <summary>A slot as pages show it: when (UTC and Shanghai), how long, where, and its seats.</summary>
public sealed record SlotView(int Id, DateTime StartsAtUtc, int LengthMinutes, InterviewMode Mode, string Location, int Capacity, int Booked, bool IsCancelled)
{
    public int SeatsLeft => IsCancelled ? 0 : Math.Max(0, Capacity - Booked);

    public static SlotView Of(InterviewSlot slot, int booked) =>
        new(slot.Id, DateTime.SpecifyKind(slot.StartsAtUtc, DateTimeKind.Utc), slot.LengthMinutes, slot.Mode, slot.Location, slot.Capacity, booked, slot.IsCancelled);
}
