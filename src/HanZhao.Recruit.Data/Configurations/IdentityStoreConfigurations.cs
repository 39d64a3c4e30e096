using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

/// <summary>External logins: (LoginProvider, ProviderKey) is the clustered key, kept under SQL Server's 900 bytes.</summary>
public class IdentityUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder)
    {
        builder.Property(l => l.LoginProvider).HasMaxLength(RecruitUserConfiguration.KeyLength);
        builder.Property(l => l.ProviderKey).HasMaxLength(RecruitUserConfiguration.KeyLength);
    }
}

/// <summary>Authenticator keys and recovery codes: (UserId, LoginProvider, Name) is the clustered key, kept under 900 bytes.</summary>
public class IdentityUserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder)
    {
        builder.Property(t => t.LoginProvider).HasMaxLength(RecruitUserConfiguration.KeyLength);
        builder.Property(t => t.Name).HasMaxLength(RecruitUserConfiguration.KeyLength);
    }
}
