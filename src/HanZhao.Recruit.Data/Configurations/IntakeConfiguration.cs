using HanZhao.Recruit.Data.Intakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class IntakeConfiguration : IEntityTypeConfiguration<Intake>
{
    public void Configure(EntityTypeBuilder<Intake> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(7).IsRequired();
        builder.HasIndex(i => i.Code).IsUnique();
    }
}
