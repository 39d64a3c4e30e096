using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.Property(m => m.Kind).HasMaxLength(50);
        builder.Property(m => m.ToAddress).HasMaxLength(256);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.ReplyTo).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Culture).HasMaxLength(10);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.SentTo).HasMaxLength(500);
        // The sender and the sweeper look for due pending rows.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        builder.HasIndex(m => m.CreatedAtUtc);
    }
}

public class SignInLinkConfiguration : IEntityTypeConfiguration<SignInLink>
{
    public void Configure(EntityTypeBuilder<SignInLink> builder)
    {
        builder.Property(l => l.NormalizedEmail).HasMaxLength(256);
        builder.Property(l => l.Culture).HasMaxLength(10);
        // Rate limits count the links sent to an address recently.
        builder.HasIndex(l => new { l.NormalizedEmail, l.CreatedAtUtc });
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.Property(l => l.ReturnPath).HasMaxLength(500);
    }
}
