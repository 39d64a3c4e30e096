using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    /// <summary>The rank's share of the cohort (<see cref="Application.RankShare"/>).</summary>
    public const string RankShareSql = "CAST(RankPosition AS float) / NULLIF(CohortSize, 0)";

    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.HasOne(a => a.Applicant).WithMany().HasForeignKey(a => a.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Intake).WithMany().HasForeignKey(a => a.IntakeId).OnDelete(DeleteBehavior.Restrict);
        // One application per applicant, intake and program: starting again continues it.
        builder.HasIndex(a => new { a.ApplicantId, a.IntakeId, a.Program }).IsUnique();
        builder.HasIndex(a => a.ReferenceNumber).IsUnique();
        builder.HasIndex(a => new { a.Status, a.SubmittedAtUtc });
        // The dashboard: counts per intake × program × status × route in one read of this index alone,
        // and the newest submissions first.
        builder.HasIndex(a => new { a.IntakeId, a.Program, a.Status, a.Route });
        builder.HasIndex(a => new { a.SubmittedAtUtc, a.Status });
        // The dashboard's "erased in the next 30 days" (RetentionPolicy.CountDueAsync) finds the few
        // applications kept longer by the first, and recently changed drafts and not-admitted ones by the second.
        builder.HasIndex(a => new { a.KeepUntilUtc, a.IntakeId, a.Status });
        builder.HasIndex(a => new { a.Status, a.UpdatedAtUtc });
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
        // The list's sorts (DashboardQueryPlanTests checks that no list query reads the whole table):
        // SQLite appends the row id to every index, so each of these also orders ties by id.
        builder.HasIndex(a => a.AverageScore);
        builder.HasIndex(a => a.FullName);
        builder.HasIndex(a => a.Institution);
        builder.HasIndex(a => a.Major);
        builder.HasIndex(a => a.GpaPercent);
        builder.HasIndex(a => new { a.EnglishTest, a.EnglishScore });
        builder.HasIndex(a => a.Route);
        builder.HasIndex(a => a.Program);
        // The score sort within a program (/review?program=Master&sort=score): the index holds the filter, the
        // order with its tie-break (Id, written out because Status follows it) and the visibility test (Status),
        // so the page is read in order from it and the count from it alone (DashboardQueryPlanTests).
        builder.HasIndex(a => new { a.Program, a.AverageScore, a.Id, a.Status });
        // Within an intake, newest first (the default order), with what the list filters on beside it: a page is
        // read in order from the index and only its own rows from the table (/review?intake=…&reviewer=none&page=4).
        builder.HasIndex(a => new { a.IntakeId, a.SubmittedAtUtc, a.Status, a.Program });
        // An intake's applications of one status by name (/review?intake=…&status=Submitted&sort=name).
        builder.HasIndex(a => new { a.IntakeId, a.Status, a.FullName });
        // Computed columns (SQL valid on SQLite and SQL Server) with indexes, so their sorts read an index.
        // Virtual: SQLite cannot add a stored column to a table but indexes a virtual one (SQL Server's
        // float RankShare must be persisted to be indexed: RecruitDbContext says so for that provider).
        builder.Property(a => a.StatusOrder).HasComputedColumnSql(
            "CASE Status WHEN 'Submitted' THEN 1 WHEN 'UnderReview' THEN 2 WHEN 'Interview' THEN 3 WHEN 'Offer' THEN 4 "
            + "WHEN 'Accepted' THEN 5 WHEN 'Declined' THEN 6 WHEN 'Rejected' THEN 7 WHEN 'Withdrawn' THEN 8 ELSE 0 END", stored: false);
        builder.Property(a => a.RankShare).HasComputedColumnSql(RankShareSql, stored: false);
        builder.HasIndex(a => a.StatusOrder);
        builder.HasIndex(a => a.RankShare);
    }
}

public class ApplicationInterestConfiguration : IEntityTypeConfiguration<ApplicationInterest>
{
    public void Configure(EntityTypeBuilder<ApplicationInterest> builder)
    {
        builder.HasKey(i => new { i.ApplicationId, i.ResearchInterestId });
        builder.HasOne<Application>().WithMany(a => a.Interests).HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // An interest applications chose is not deleted (Settings/Content refuses it), so the database refuses it too.
        builder.HasOne<ResearchInterest>().WithMany().HasForeignKey(i => i.ResearchInterestId).OnDelete(DeleteBehavior.Restrict);
        // The dashboard's interest filter: the applications that chose one interest, from the index alone.
        builder.HasIndex(i => new { i.ResearchInterestId, i.ApplicationId });
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
        // Retention: the applications whose status changed recently (RetentionPolicy.CountDueAsync).
        builder.HasIndex(c => new { c.ChangedAtUtc, c.ApplicationId });
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
