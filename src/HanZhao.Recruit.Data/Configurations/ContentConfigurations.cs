using HanZhao.Recruit.Data.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

/// <summary>Maps a <see cref="LocalizedText"/> to two columns, <c>{Name}_En</c> and <c>{Name}_Zh</c>.</summary>
internal static class LocalizedTextMapping
{
    public static void Localized<T>(this EntityTypeBuilder<T> builder,
        System.Linq.Expressions.Expression<Func<T, LocalizedText?>> property, int maxLength)
        where T : class =>
        builder.ComplexProperty(property, text =>
        {
            text.IsRequired();
            text.Property(t => t.En).HasMaxLength(maxLength).IsRequired();
            text.Property(t => t.Zh).HasMaxLength(maxLength).IsRequired();
        });
}

public class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100).IsRequired();
        builder.Property(p => p.ChineseName).HasMaxLength(50).IsRequired();
        builder.Localized(p => p.Title, 200);
        builder.Localized(p => p.Department, 200);
        builder.Localized(p => p.University, 200);
        builder.Localized(p => p.Biography, 8000);
        builder.Localized(p => p.RecruitingNotice, 4000);
        builder.Localized(p => p.Office, 200);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.GoogleScholarUrl).HasMaxLength(500);
        builder.Property(p => p.GitHubUrl).HasMaxLength(500);
        builder.Property(p => p.DblpUrl).HasMaxLength(500);
        builder.Property(p => p.Orcid).HasMaxLength(19);
        builder.Property(p => p.MapUrl).HasMaxLength(500);
        builder.Property(p => p.OtherLinks).HasMaxLength(4000);
        builder.HasOne(p => p.Photo).WithMany().HasForeignKey(p => p.PhotoId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class ResearchInterestConfiguration : IEntityTypeConfiguration<ResearchInterest>
{
    public void Configure(EntityTypeBuilder<ResearchInterest> builder) => builder.Localized(i => i.Name, 200);
}

public class EducationConfiguration : IEntityTypeConfiguration<Education>
{
    public void Configure(EntityTypeBuilder<Education> builder)
    {
        builder.ToTable("Education");
        builder.Localized(e => e.Degree, 200);
        builder.Localized(e => e.Institution, 200);
    }
}

public class AccomplishmentConfiguration : IEntityTypeConfiguration<Accomplishment>
{
    public void Configure(EntityTypeBuilder<Accomplishment> builder) => builder.Localized(a => a.Name, 300);
}

public class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(120).IsRequired();
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(500).IsRequired();
        builder.Property(p => p.Authors).HasMaxLength(2000);
        builder.Property(p => p.Venue).HasMaxLength(100).IsRequired();
        builder.Property(p => p.VenueLabel).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CcfRank).HasConversion<string>().HasMaxLength(10);
        builder.Localized(p => p.Note, 200);
        builder.Property(p => p.PdfUrl).HasMaxLength(1000);
        builder.Property(p => p.Doi).HasMaxLength(200);
        builder.Property(p => p.Abstract).HasMaxLength(PublicationLimits.Abstract);
        builder.Property(p => p.CodeUrl).HasMaxLength(1000);
        builder.Property(p => p.SlidesUrl).HasMaxLength(1000);
        builder.Property(p => p.VideoUrl).HasMaxLength(1000);
        builder.Property(p => p.ProjectUrl).HasMaxLength(1000);
        builder.Property(p => p.ArxivUrl).HasMaxLength(1000);
        builder.Property(p => p.Volume).HasMaxLength(PublicationLimits.Brief);
        builder.Property(p => p.Number).HasMaxLength(PublicationLimits.Brief);
        builder.Property(p => p.Pages).HasMaxLength(PublicationLimits.Brief);
        builder.Property(p => p.Publisher).HasMaxLength(200);
        builder.HasIndex(p => new { p.Year, p.SortOrder });
    }
}

public class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    /// <summary>The longest text of a news item in each language, in characters (a Chinese character is one).</summary>
    public const int MaxTextLength = 300;

    public const int MaxLinkLength = 1000;

    public void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        builder.ToTable("News");
        // Characters counted as code points may take two UTF-16 units each (rare CJK extensions).
        builder.Localized(n => n.Text, MaxTextLength * 2);
        builder.Property(n => n.Link).HasMaxLength(MaxLinkLength);
        builder.HasIndex(n => n.Date);
    }
}
