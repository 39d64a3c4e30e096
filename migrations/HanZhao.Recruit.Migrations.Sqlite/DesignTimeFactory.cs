using HanZhao.Recruit.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace HanZhao.Recruit.Migrations.Sqlite;

/// <summary>Used by <c>dotnet ef</c> only; the app configures its context in the web project.</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<RecruitDbContext>
{
    public RecruitDbContext CreateDbContext(string[] args) =>
        new(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite,
            Environment.GetEnvironmentVariable("ConnectionStrings__Recruit") ?? "Data Source=design-time.db"));
}
