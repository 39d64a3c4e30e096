using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class PublicContentVersionConfiguration : IEntityTypeConfiguration<PublicContentVersion>
{
    /// <summary>The single row exists from the first migration on, so a change only ever updates it.</summary>
    public static readonly Guid InitialStamp = new("5f0c3a52-8d1e-4b8e-9a53-0d3c1f0a7b11");

    public void Configure(EntityTypeBuilder<PublicContentVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new PublicContentVersion
        {
            Id = PublicContentVersion.SingleId,
            Stamp = InitialStamp,
            ChangedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        });
    }
}

public class PeriodicRunConfiguration : IEntityTypeConfiguration<PeriodicRun>
{
    public void Configure(EntityTypeBuilder<PeriodicRun> builder)
    {
        builder.HasKey(r => new { r.JobId, r.Period });
        builder.Property(r => r.JobId).HasMaxLength(PeriodicRun.JobIdMaxLength);
        builder.Property(r => r.Period).HasMaxLength(PeriodicRun.PeriodMaxLength);
    }
}
