using HanZhao.Recruit.Data.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> builder)
    {
        builder.Property(p => p.Fingerprint).HasMaxLength(32).IsRequired();
        builder.HasIndex(p => p.Fingerprint).IsUnique();
        builder.HasMany(p => p.Renditions).WithOne().HasForeignKey(r => r.PhotoId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PhotoRenditionConfiguration : IEntityTypeConfiguration<PhotoRendition>
{
    public void Configure(EntityTypeBuilder<PhotoRendition> builder)
    {
        // A 640 px WebP is well under this; the cap keeps a row from growing without bound.
        builder.Property(r => r.Bytes).HasMaxLength(2_000_000).IsRequired();
        builder.HasIndex(r => new { r.PhotoId, r.Width }).IsUnique();
    }
}

public class LabMemberConfiguration : IEntityTypeConfiguration<LabMember>
{
    public void Configure(EntityTypeBuilder<LabMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(100).IsRequired();
        builder.Property(m => m.ChineseName).HasMaxLength(50).IsRequired();
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.Localized(m => m.Destination, 200);
        builder.Localized(m => m.Topic, 300);
        builder.Property(m => m.Url).HasMaxLength(500);
        builder.Ignore(m => m.IsAlumnus);
        builder.HasOne(m => m.Photo).WithMany().HasForeignKey(m => m.PhotoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.SortOrder);
    }
}
