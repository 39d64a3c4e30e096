using HanZhao.Recruit.Data.Interviews;

namespace HanZhao.Recruit.Tests.Interviews;

/// <summary>
/// Interviews written straight to the database, for tests about what follows a booking (reminders, the
/// digest, the outcome) and for slots the form would refuse. <see cref="InterviewWorld"/> makes them as
/// users do, through the pages.
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

        var slot = await app.StoreSlotAsync(intakeId, start, mode, location, cancelled, lengthMinutes, capacity: 1);
        db.InterviewBookings.Add(new InterviewBooking { ApplicationId = applicationId, SlotId = slot.Id, Seat = 1, BookedAtUtc = bookedAtUtc ?? now.AddDays(-2) });
        await db.SaveChangesAsync();
        return slot;
    }

    /// <summary>A slot of the intake, created four days before the test clock's now.</summary>
    public static async Task<InterviewSlot> StoreSlotAsync(
        this RecruitAppFactory app, int intakeId, DateTime startsAtUtc, InterviewMode mode, string location, bool cancelled = false, int lengthMinutes = 30, int capacity = 1)
    {
        await using var db = app.CreateDbContext();
        var slot = new InterviewSlot
        {
            IntakeId = intakeId, StartsAtUtc = startsAtUtc, LengthMinutes = lengthMinutes, Mode = mode, Location = location, Capacity = capacity,
            IsCancelled = cancelled, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(-4),
        };
        db.InterviewSlots.Add(slot);
        await db.SaveChangesAsync();
        return slot;
    }
}
