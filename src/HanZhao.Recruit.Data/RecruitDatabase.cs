using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Data;

/// <summary>
/// The one place that turns a provider and a connection string into DbContext options, so the
/// web app and both design-time factories configure EF Core identically.
/// </summary>
public static class RecruitDatabase
{
    public const string SqliteMigrationsAssembly = "HanZhao.Recruit.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "HanZhao.Recruit.Migrations.SqlServer";

    public static DbContextOptionsBuilder UseRecruitDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString,
                sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString,
                sqlServer => sqlServer.MigrationsAssembly(SqlServerMigrationsAssembly).EnableRetryOnFailure()),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    public static DbContextOptions<RecruitDbContext> CreateOptions(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<RecruitDbContext>)new DbContextOptionsBuilder<RecruitDbContext>()
            .UseRecruitDatabase(provider, connectionString).Options;
}
