using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class ApplicationNoteConfiguration : IEntityTypeConfiguration<ApplicationNote>
{
    public void Configure(EntityTypeBuilder<ApplicationNote> builder)
    {
        builder.HasOne<Application>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RecruitUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.HasIndex(n => new { n.ApplicationId, n.CreatedAtUtc });
    }
}

public class ApplicationScoreConfiguration : IEntityTypeConfiguration<ApplicationScore>
{
    private static readonly string[] RubricColumns = ["ResearchFit", "AcademicRecord", "Skills", "Communication"];

    public void Configure(EntityTypeBuilder<ApplicationScore> builder)
    {
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RecruitUser>().WithMany().HasForeignKey(s => s.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ApplicationId, s.ReviewerId }).IsUnique();
        builder.Property(s => s.Comment).HasMaxLength(2000);
        builder.Ignore(s => s.Average);
        builder.ToTable(t =>
        {
            // The database itself refuses a score outside the rubric.
            foreach (var column in RubricColumns)
            {
                t.HasCheckConstraint($"CK_ApplicationScores_{column}", $"{column} BETWEEN 1 AND 5");
            }
        });
    }
}

public class ApplicationTagConfiguration : IEntityTypeConfiguration<ApplicationTag>
{
    public void Configure(EntityTypeBuilder<ApplicationTag> builder)
    {
        builder.HasKey(t => new { t.ApplicationId, t.Name });
        builder.HasOne<Application>().WithMany().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Name).HasMaxLength(40);
        builder.HasIndex(t => t.Name);
    }
}

public class ReviewerAssignmentConfiguration : IEntityTypeConfiguration<ReviewerAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewerAssignment> builder)
    {
        builder.HasKey(a => new { a.ApplicationId, a.ReviewerId });
        builder.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RecruitUser>().WithMany().HasForeignKey(a => a.ReviewerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ReviewerId);
    }
}

public class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> builder)
    {
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Culture).HasMaxLength(10);
        builder.Property(t => t.Subject).HasMaxLength(300);
        builder.Property(t => t.Body).HasMaxLength(10000);
        builder.HasIndex(t => new { t.Status, t.Culture }).IsUnique();
    }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserEmail).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.Target).HasMaxLength(200);
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => new { a.Action, a.AtUtc });
    }
}

public class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.HasOne<RecruitUser>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.Name).HasMaxLength(60);
        builder.Property(v => v.Query).HasMaxLength(1000);
        builder.HasIndex(v => new { v.OwnerId, v.Name }).IsUnique();
    }
}

public class DuplicateDismissalConfiguration : IEntityTypeConfiguration<DuplicateDismissal>
{
    public void Configure(EntityTypeBuilder<DuplicateDismissal> builder)
    {
        builder.HasKey(d => new { d.FirstApplicationId, d.SecondApplicationId });
        builder.HasOne<Application>().WithMany().HasForeignKey(d => d.FirstApplicationId).OnDelete(DeleteBehavior.Cascade);
        // SQL Server allows one cascading path per table: the second application's rows go by a query.
        builder.HasOne<Application>().WithMany().HasForeignKey(d => d.SecondApplicationId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<RecruitUser>().WithMany().HasForeignKey(d => d.DismissedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.SecondApplicationId);
        builder.ToTable(t => t.HasCheckConstraint("CK_DuplicateDismissals_Order", "FirstApplicationId < SecondApplicationId"));
    }
}

public class ReviewSettingsConfiguration : IEntityTypeConfiguration<ReviewSettings>
{
    public void Configure(EntityTypeBuilder<ReviewSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.ToTable(t => t.HasCheckConstraint("CK_ReviewSettings_Singleton", "Id = 1"));
    }
}
