using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class InterviewSlotConfiguration : IEntityTypeConfiguration<InterviewSlot>
{
    public void Configure(EntityTypeBuilder<InterviewSlot> builder)
    {
        builder.HasOne<Intake>().WithMany().HasForeignKey(s => s.IntakeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Location).HasMaxLength(500);
        builder.HasIndex(s => new { s.IntakeId, s.StartsAtUtc });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_InterviewSlots_Capacity", "Capacity BETWEEN 1 AND 20");
            t.HasCheckConstraint("CK_InterviewSlots_Length", "LengthMinutes BETWEEN 5 AND 480");
        });
    }
}

public class InterviewInvitationConfiguration : IEntityTypeConfiguration<InterviewInvitation>
{
    /// <summary>Optional ratings: the database itself refuses one outside 1–5.</summary>
    private static readonly string[] RatingColumns = ["RatingKnowledge", "RatingResearch", "RatingCommunication", "RatingMotivation"];

    public void Configure(EntityTypeBuilder<InterviewInvitation> builder)
    {
        builder.HasKey(i => i.ApplicationId);
        builder.HasOne<Application>().WithOne().HasForeignKey<InterviewInvitation>(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // SQL Server allows one cascading path: the application's cascade removes the invitation.
        builder.HasOne<Intake>().WithMany().HasForeignKey(i => i.IntakeId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<RecruitUser>().WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.CalendarUid).HasMaxLength(100);
        builder.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.OutcomeNotes).HasMaxLength(4000);
        builder.HasIndex(i => i.CalendarUid).IsUnique();
        builder.ToTable(t =>
        {
            foreach (var column in RatingColumns)
            {
                t.HasCheckConstraint($"CK_InterviewInvitations_{column}", $"{column} IS NULL OR {column} BETWEEN 1 AND 5");
            }
        });
    }
}

public class InterviewBookingConfiguration : IEntityTypeConfiguration<InterviewBooking>
{
    public void Configure(EntityTypeBuilder<InterviewBooking> builder)
    {
        builder.HasKey(b => b.ApplicationId);
        builder.HasOne<InterviewInvitation>().WithOne().HasForeignKey<InterviewBooking>(b => b.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // A slot with bookings is cancelled, not deleted: its applicants get a CANCEL first.
        builder.HasOne<InterviewSlot>().WithMany().HasForeignKey(b => b.SlotId).OnDelete(DeleteBehavior.Restrict);
        // The race guarantee: each seat of a slot is held by one booking.
        builder.HasIndex(b => new { b.SlotId, b.Seat }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_InterviewBookings_Seat", "Seat >= 1"));
    }
}
