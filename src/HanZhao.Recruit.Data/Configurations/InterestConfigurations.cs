using HanZhao.Recruit.Data.Interest;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class InterestRegistrationConfiguration : IEntityTypeConfiguration<InterestRegistration>
{
    public void Configure(EntityTypeBuilder<InterestRegistration> builder)
    {
        builder.Property(r => r.Email).HasMaxLength(256);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Program).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Route).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Culture).HasMaxLength(10);
        builder.Property(r => r.ConfirmTokenHash).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.UnsubscribeTokenHash).HasMaxLength(64).IsFixedLength();
        // One registration per address and program: registering again renews it, never doubles it.
        builder.HasIndex(r => new { r.Email, r.Program }).IsUnique();
        builder.HasIndex(r => r.ConfirmTokenHash);
        builder.HasIndex(r => r.UnsubscribeTokenHash);
    }
}

public class RegistrationAnnouncementConfiguration : IEntityTypeConfiguration<RegistrationAnnouncement>
{
    public void Configure(EntityTypeBuilder<RegistrationAnnouncement> builder)
    {
        // The key is the guarantee: one announcement per registrant and intake, however often it is opened.
        builder.HasKey(a => new { a.RegistrationId, a.IntakeId });
        builder.HasOne<InterestRegistration>().WithMany().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Intake>().WithMany().HasForeignKey(a => a.IntakeId).OnDelete(DeleteBehavior.Cascade);
    }
}
