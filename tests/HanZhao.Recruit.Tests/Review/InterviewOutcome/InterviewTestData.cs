using HanZhao.Recruit.Data.Interviews;

namespace HanZhao.Recruit.Tests.Review.InterviewOutcome;

/// <summary>
/// Interviews made directly in the database (the booking pages are another part of the work): an
/// invitation, and when asked a slot of the application's intake with a booking of its first seat.
/// </summary>
public static class InterviewTestData
{
    public static async Task<InterviewSlot?> InterviewAsync(
        this RecruitAppFactory app, int applicationId, DateTime? startsAtUtc, InterviewMode mode = InterviewMode.OnSite,
        string location = "Room 3-402, SEIEE Building", bool cancelled = false, int lengthMinutes = 30, DateTime? bookedAtUtc = null)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = app.CreateDbContext();
        var intakeId = db.Applications.Where(a => a.Id == applicationId).Select(a => a.IntakeId).Single();
        var professor = db.Users.Select(u => u.Id).First();
        db.InterviewInvitations.Add(new InterviewInvitation
        {
            ApplicationId = applicationId, IntakeId = intakeId, InvitedById = professor, InvitedAtUtc = now.AddDays(-3),
            CalendarUid = $"interview-{applicationId}-{Guid.NewGuid():N}@hanzhao.test",
        });
        if (startsAtUtc is not { } start)
        {
            await db.SaveChangesAsync();
            return null;
        }

        var slot = new InterviewSlot
        {
            IntakeId = intakeId, StartsAtUtc = start, LengthMinutes = lengthMinutes, Mode = mode, Location = location, Capacity = 1,
            IsCancelled = cancelled, CreatedAtUtc = now.AddDays(-4),
        };
        db.InterviewSlots.Add(slot);
        await db.SaveChangesAsync();
        db.InterviewBookings.Add(new InterviewBooking { ApplicationId = applicationId, SlotId = slot.Id, Seat = 1, BookedAtUtc = bookedAtUtc ?? now.AddDays(-2) });
        await db.SaveChangesAsync();
        return slot;
    }
}
