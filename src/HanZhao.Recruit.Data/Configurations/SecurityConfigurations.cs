using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(64).IsFixedLength();
        // A deleted account's sessions go with it.
        builder.HasOne<RecruitUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.UserId).HasMaxLength(450);
        // "Sign out everywhere" deletes by user; the cleanup job by expiry.
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAtUtc);
    }
}

public class LimitSlotConfiguration : IEntityTypeConfiguration<LimitSlot>
{
    public void Configure(EntityTypeBuilder<LimitSlot> builder)
    {
        builder.HasKey(s => new { s.Key, s.Slot });
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.HasIndex(s => s.ExpiresAtUtc);
    }
}
