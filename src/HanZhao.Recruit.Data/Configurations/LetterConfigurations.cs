using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class LetterRequestConfiguration : IEntityTypeConfiguration<LetterRequest>
{
    /// <summary>Optional ratings: the database itself refuses one outside 1–5.</summary>
    private static readonly string[] RatingColumns = ["RatingResearch", "RatingIndependence", "RatingCommunication"];

    public void Configure(EntityTypeBuilder<LetterRequest> builder)
    {
        builder.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Content).WithOne().HasForeignKey<LetterContent>(c => c.LetterRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.RefereeName).HasMaxLength(100);
        builder.Property(r => r.RefereeEmail).HasMaxLength(256);
        builder.Property(r => r.RefereeTitle).HasMaxLength(100);
        builder.Property(r => r.RefereeInstitution).HasMaxLength(200);
        builder.Property(r => r.Relationship).HasMaxLength(200);
        builder.Property(r => r.Culture).HasMaxLength(10);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DeclineReason).HasMaxLength(1000);
        builder.Property(r => r.LetterText).HasMaxLength(30000);
        builder.HasMany(r => r.Links).WithOne().HasForeignKey(l => l.LetterRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ApplicationId, r.State });
        // The reminder job reads open requests by their dates.
        builder.HasIndex(r => new { r.State, r.ExpiresAtUtc });
        builder.ToTable(t =>
        {
            foreach (var column in RatingColumns)
            {
                t.HasCheckConstraint($"CK_LetterRequests_{column}", $"{column} IS NULL OR {column} BETWEEN 1 AND 5");
            }
        });
    }
}

public class LetterLinkConfiguration : IEntityTypeConfiguration<LetterLink>
{
    public void Configure(EntityTypeBuilder<LetterLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(l => l.TokenHash).IsUnique();
    }
}

public class LetterContentConfiguration : IEntityTypeConfiguration<LetterContent>
{
    public void Configure(EntityTypeBuilder<LetterContent> builder)
    {
        builder.HasKey(c => c.LetterRequestId);
        builder.Property(c => c.FileName).HasMaxLength(255);
        builder.Property(c => c.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

public class LetterRequirementConfiguration : IEntityTypeConfiguration<LetterRequirement>
{
    public void Configure(EntityTypeBuilder<LetterRequirement> builder)
    {
        builder.HasKey(r => new { r.IntakeId, r.Route });
        builder.HasOne<Intake>().WithMany().HasForeignKey(r => r.IntakeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Route).HasConversion<string>().HasMaxLength(40);
        builder.ToTable(t => t.HasCheckConstraint("CK_LetterRequirements_Count", "Count BETWEEN 1 AND 5"));
    }
}
