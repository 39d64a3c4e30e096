using HanZhao.Recruit.Data.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder) => builder.HasKey(r => r.Day);
}
