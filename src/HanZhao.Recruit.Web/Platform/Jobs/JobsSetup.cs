using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Database;
using HanZhao.Recruit.Web.Platform.Security;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Logging;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging.Abstractions;

namespace HanZhao.Recruit.Web.Platform.Jobs;

/// <summary>
/// Hangfire: background jobs on the storage that follows the database (SQL Server tables with SQL
/// Server; memory with SQLite, safe because the outbox table, not the job queue, holds the work),
/// and the dashboard at <c>/admin/jobs</c> for the professor. <c>Jobs:Enabled=false</c> starts no
/// job server, so an instance (or a test) can serve requests and leave the jobs to another.
/// </summary>
public static class JobsSetup
{
    public const string DashboardPath = "/admin/jobs";

    /// <summary>The professor's policy: the dashboard can delete and re-run jobs.</summary>
    public const string DashboardPolicy = StaffPolicies.Professor;

    public static IServiceCollection AddRecruitJobs(this IServiceCollection services)
    {
        // Registered before AddHangfire, which only adds these when missing. Hangfire's defaults are
        // process-wide statics; ours belong to this app, so several apps in one process (the
        // tests) each run their own jobs on their own database.
        services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();
            var connection = sp.GetRequiredService<DatabaseConnection>();
            return connection.Provider == DatabaseProvider.SqlServer
                ? new SqlServerStorage(() => new SqlConnection(connection.ConnectionString), RecommendedSqlServerStorage())
                : new InMemoryStorage();
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        return services.AddHostedService<JobServerHost>();
    }

    /// <summary>
    /// Hangfire's SQL Server storage as its documentation recommends for several servers on one
    /// database (docs.hangfire.io, "Using SQL Server"): batched commands, fetching without a long
    /// transaction (a job a killed instance held comes back after the invisibility timeout), no
    /// polling delay (new jobs are picked up by a blocking query), the recommended isolation level,
    /// no global application locks. The schema is created by whichever instance starts first; the
    /// installer takes a database lock, so instances starting together do not race.
    /// </summary>
    public static SqlServerStorageOptions RecommendedSqlServerStorage() => new()
    {
        CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
        SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
        QueuePollInterval = TimeSpan.Zero,
        UseRecommendedIsolationLevel = true,
        DisableGlobalLocks = true,
        PrepareSchemaIfNecessary = true,
    };

    /// <summary>The job dashboard, behind the professor policy instead of Hangfire's local-requests-only check.</summary>
    public static IEndpointConventionBuilder MapRecruitJobs(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(DashboardPolicy, DashboardPath, new DashboardOptions
        {
            DashboardTitle = "Jobs · HanZhao.Recruit",
            AppPath = "/review",
            DisplayStorageConnectionString = false,
        });

    /// <summary>
    /// Hangfire keeps one log provider for the whole process. Tests run many apps in one process
    /// and dispose their logger factories; a logger asked of a disposed factory logs nothing
    /// rather than throwing inside a job server.
    /// </summary>
    private sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
    {
        private static readonly AspNetCoreLogProvider Silent = new(NullLoggerFactory.Instance);
        private readonly AspNetCoreLogProvider _app = new(factory);

        public ILog GetLogger(string name)
        {
            try
            {
                return _app.GetLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return Silent.GetLogger(name);
            }
        }
    }
}
