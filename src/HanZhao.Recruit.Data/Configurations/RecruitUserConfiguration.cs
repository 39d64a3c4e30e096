using HanZhao.Recruit.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanZhao.Recruit.Data.Configurations;

public class RecruitUserConfiguration : IEntityTypeConfiguration<RecruitUser>
{
    /// <summary>
    /// The length of Identity's string keys (user and role ids are GUIDs, 36 characters; login and
    /// token names are short). Identity's default, nvarchar(450), makes composite keys such as
    /// (UserId, LoginProvider, Name) wider than SQL Server's 900 bytes for a clustered index: created
    /// with a warning, then an insert of long values fails. 128 characters keep every key under it.
    /// </summary>
    public const int KeyLength = 128;

    public void Configure(EntityTypeBuilder<RecruitUser> builder)
    {
        builder.Property(u => u.Id).HasMaxLength(KeyLength);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10).IsRequired();
        builder.Property(u => u.DisplayName).HasMaxLength(100);
    }
}
