using HanZhao.Recruit.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace HanZhao.Recruit.Migrations.SqlServer;

/// <summary>
/// Used by <c>dotnet ef</c> only. Adding a migration or scripting needs no server; commands that
/// connect (database update) read <c>ConnectionStrings__Recruit</c> from the environment.
/// </summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<RecruitDbContext>
{
    public RecruitDbContext CreateDbContext(string[] args) =>
        new(RecruitDatabase.CreateOptions(DatabaseProvider.SqlServer,
            Environment.GetEnvironmentVariable("ConnectionStrings__Recruit")
            ?? "Server=localhost;Database=HanZhaoRecruit;Trusted_Connection=True;TrustServerCertificate=True"));
}
