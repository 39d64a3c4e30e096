using HanZhao.Recruit.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class RecruitUserConfiguration : IEntityTypeConfiguration<RecruitUser>
{
    public void Configure(EntityTypeBuilder<RecruitUser> builder)
    {
        builder.Property(u => u.PreferredCulture).HasMaxLength(10).IsRequired();
        builder.Property(u => u.DisplayName).HasMaxLength(100);
    }
}
