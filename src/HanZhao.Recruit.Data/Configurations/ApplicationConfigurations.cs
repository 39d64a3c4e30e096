using HanZhao.Recruit.Data.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.HasOne(a => a.Applicant).WithMany().HasForeignKey(a => a.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Intake).WithMany().HasForeignKey(a => a.IntakeId).OnDelete(DeleteBehavior.Restrict);
        // One application per applicant, intake and program: starting again continues it.
        builder.HasIndex(a => new { a.ApplicantId, a.IntakeId, a.Program }).IsUnique();
        builder.HasIndex(a => a.ReferenceNumber).IsUnique();
        builder.HasIndex(a => new { a.Status, a.SubmittedAtUtc });
        // The dashboard: counts per intake × program × status, and the newest submissions first.
        builder.HasIndex(a => new { a.IntakeId, a.Program, a.Status });
        builder.HasIndex(a => new { a.SubmittedAtUtc, a.Status });
        builder.Property(a => a.Program).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ConsentVersion).HasMaxLength(16);
        builder.Property(a => a.ConsentText).HasMaxLength(4000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ReferenceNumber).HasMaxLength(20);
        builder.Property(a => a.Culture).HasMaxLength(10);
        builder.Property(a => a.FullName).HasMaxLength(100);
        builder.Property(a => a.ChineseName).HasMaxLength(50);
        builder.Property(a => a.Phone).HasMaxLength(30);
        builder.Property(a => a.Institution).HasMaxLength(200);
        builder.Property(a => a.Degree).HasMaxLength(100);
        builder.Property(a => a.Major).HasMaxLength(200);
        builder.Property(a => a.ResearchInterestIds).HasMaxLength(200);
        builder.Property(a => a.OtherInterests).HasMaxLength(1000);
        builder.Property(a => a.ResearchExperience).HasMaxLength(5000);
        builder.Property(a => a.Projects).HasMaxLength(5000);
        builder.Property(a => a.Publications).HasMaxLength(5000);
        builder.Property(a => a.EnglishTest).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Route).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.RecommendationEligibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.SummerCamps).HasMaxLength(500);
        // The dashboard filters and counts by route.
        builder.HasIndex(a => new { a.IntakeId, a.Program, a.Route });
        builder.Property(a => a.Statement).HasMaxLength(15000);
    }
}

public class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> builder)
    {
        builder.HasOne(d => d.Application).WithMany(a => a.Documents).HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Content).WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        // Possible duplicates: the same file sent with two applications.
        builder.HasIndex(d => d.Sha256);
        // The limits (one CV, one transcript, three others) as the database keeps them, whatever
        // arrives at once. The SQL is the same on SQLite and SQL Server (Kind is stored as text).
        builder.HasIndex(d => new { d.ApplicationId, d.Kind, d.Slot }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_ApplicationDocuments_Slot",
            $"Slot >= 0 AND (Slot = 0 OR (Kind = 'Other' AND Slot < {ApplicationDocument.MaxOtherDocuments}))"));
    }
}

public class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> builder) => builder.HasKey(c => c.DocumentId);
}

public class ApplicationStatusChangeConfiguration : IEntityTypeConfiguration<ApplicationStatusChange>
{
    public void Configure(EntityTypeBuilder<ApplicationStatusChange> builder)
    {
        builder.HasOne<Application>().WithMany(a => a.StatusHistory).HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ChangedByUserId).HasMaxLength(450);
    }
}

public class ApplicationMilestoneConfiguration : IEntityTypeConfiguration<ApplicationMilestone>
{
    public void Configure(EntityTypeBuilder<ApplicationMilestone> builder)
    {
        builder.HasOne<Application>().WithMany(a => a.Milestones).HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // Each official step happens once; recording it again corrects its date.
        builder.HasIndex(m => new { m.ApplicationId, m.Kind }).IsUnique();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Note).HasMaxLength(500);
        builder.Property(m => m.RecordedByUserId).HasMaxLength(450);
    }
}
