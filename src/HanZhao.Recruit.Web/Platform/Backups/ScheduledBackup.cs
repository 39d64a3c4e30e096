using Cronos;
using HanZhao.Recruit.Web.Platform.Database;
using HanZhao.Recruit.Web.Platform.Hosting;
using Hangfire;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Platform.Backups;

/// <summary>
/// The recurring copy (<c>Recruit:Backup:Folder</c>): one copy per period of the schedule, named
/// by the period's start, so a second run in the same period (a retry, a restart, the dashboard's
/// "trigger now") finds its copy there and does nothing; then the oldest copies beyond
/// <c>Recruit:Backup:Keep</c> are deleted.
/// </summary>
public sealed class ScheduledBackup(
    DatabaseConnection connection, IOptions<BackupOptions> options, IOptions<RecruitOptions> recruit, IHostEnvironment environment,
    TimeProvider time, ILogger<ScheduledBackup> logger)
{
    public const string JobId = "sqlite-backup";

    /// <summary>Schedules the job when a folder is configured and the database is SQLite's (SQL Server's backups are the server's).</summary>
    public static void Register(IRecurringJobManager recurring, IServiceProvider services)
    {
        var backup = services.GetRequiredService<IOptions<BackupOptions>>().Value;
        if (string.IsNullOrWhiteSpace(backup.Folder) || services.GetRequiredService<DatabaseConnection>().SqliteFile is null)
        {
            recurring.RemoveIfExists(JobId);
            return;
        }

        recurring.AddOrUpdate<ScheduledBackup>(JobId, b => b.RunAsync(CancellationToken.None), backup.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(BackupOptions.TimeZoneId) });
    }

    public Task<BackupResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = settings.ResolveFolder(recruit.Value.ResolveDataPath(environment.ContentRootPath));
        if (folder is null || connection.SqliteFile is not { } live)
        {
            return Task.FromResult(new BackupResult(null, 0, "No backup folder is configured, or the database is not SQLite."));
        }

        var period = PeriodStart(settings.Schedule, time.GetUtcNow());
        var result = SqliteCopies.Create(live, Path.Combine(folder, BackupFiles.NameFor(period)));
        if (result.Problem is not null)
        {
            logger.LogError("Backup failed, no copy kept: {Problem}", result.Problem);
            return Task.FromResult(result);
        }

        var deleted = BackupFiles.Prune(folder, settings.Keep);
        logger.LogInformation("Backup {File} ({Size} bytes){Already}; {Deleted} older copies deleted.",
            result.File, result.Size, result.AlreadyThere ? ", already made in this period" : string.Empty, deleted.Count);
        return Task.FromResult(result);
    }

    /// <summary>
    /// The last time the schedule fired at or before <paramref name="now"/>: the start of the period
    /// <paramref name="now"/> is in. Looked for in growing windows, so a minutely schedule reads one
    /// hour of occurrences and a monthly one a year.
    /// </summary>
    public static DateTimeOffset PeriodStart(string schedule, DateTimeOffset now)
    {
        var cron = CronExpression.Parse(schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(BackupOptions.TimeZoneId);
        var to = now.UtcDateTime;
        foreach (var window in new[] { TimeSpan.FromHours(1), TimeSpan.FromDays(2), TimeSpan.FromDays(32), TimeSpan.FromDays(400) })
        {
            var last = cron.GetOccurrences(to - window, to, zone, fromInclusive: true, toInclusive: true).LastOrDefault();
            if (last != default)
            {
                return new DateTimeOffset(last, TimeSpan.Zero);
            }
        }

        // A schedule that has not fired for a year (29 February, say): the period is the year's.
        return new DateTimeOffset(to.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
