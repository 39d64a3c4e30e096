using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Data;

/// <summary>
/// The single database: Identity, Data Protection keys (so restarts and several instances keep
/// cookies and links valid) and, as features arrive, everything else.
/// </summary>
public class RecruitDbContext(DbContextOptions<RecruitDbContext> options)
    : IdentityDbContext<RecruitUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<ResearchInterest> ResearchInterests => Set<ResearchInterest>();

    public DbSet<Education> Education => Set<Education>();

    public DbSet<Accomplishment> Accomplishments => Set<Accomplishment>();

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<Intake> Intakes => Set<Intake>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RecruitDbContext).Assembly);
    }
}
