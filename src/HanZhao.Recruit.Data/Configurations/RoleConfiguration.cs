using HanZhao.Recruit.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

/// <summary>
/// The three roles are part of the schema, not of start-up: seeding them in the model puts them
/// in the migrations, so every database has them with the same ids.
/// </summary>
public class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder)
    {
        builder.Property(r => r.Id).HasMaxLength(RecruitUserConfiguration.KeyLength);
        builder.HasData(
            Seed("5f1c2a40-4a3e-4a57-9b0e-3d6b1f6f0a01", Roles.Professor),
            Seed("5f1c2a40-4a3e-4a57-9b0e-3d6b1f6f0a02", Roles.Reviewer),
            Seed("5f1c2a40-4a3e-4a57-9b0e-3d6b1f6f0a03", Roles.Applicant));
    }

    // Fixed concurrency stamps keep the seed identical between model snapshots.
    private static IdentityRole Seed(string id, string name) => new(name)
    {
        Id = id,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
