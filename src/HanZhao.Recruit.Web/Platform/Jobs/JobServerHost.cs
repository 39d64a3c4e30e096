using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Letters;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Backups;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Privacy;
using HanZhao.Recruit.Web.PublicSite.Interest;
using Hangfire;
using Hangfire.Common;

namespace HanZhao.Recruit.Web.Platform.Jobs;

/// <summary>
/// Runs the Hangfire server and schedules the recurring jobs, unless <c>Jobs:Enabled</c> is false.
/// Hangfire's own hosted service cannot be turned off by configuration read at start, which tests
/// set after the services are registered.
/// </summary>
public sealed class JobServerHost(IServiceProvider services, IConfiguration configuration) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Jobs:Enabled", defaultValue: true))
        {
            return Task.CompletedTask;
        }

        var recurring = services.GetRequiredService<IRecurringJobManager>();
        // The sweeper sends what the job started after each commit did not: mail queued before a
        // crash or a restart of the in-memory job store, and retries whose backoff has passed.
        recurring.AddOrUpdate<OutboxDispatcher>(OutboxDispatcher.SweeperJobId,
            dispatcher => dispatcher.SendDueAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<DailyDigest>(DailyDigest.JobId,
            digest => digest.QueueAsync(CancellationToken.None), DailyDigest.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(DailyDigest.TimeZoneId) });
        // Registrants hear of an intake within a minute of it taking applications (once each: PublicSite/Interest).
        recurring.AddOrUpdate<InterestAnnouncements>(InterestAnnouncements.JobId, a => a.AnnounceOpenIntakesAsync(CancellationToken.None), Cron.Minutely());
        // The applicant's reminder 24 h before an interview; often, so a late booking is reminded at once (Interviews/).
        recurring.AddOrUpdate<InterviewReminders>(InterviewReminders.JobId, r => r.SendDueAsync(CancellationToken.None), InterviewReminders.Cron);
        // Referees who have not answered hear again (Letters/LetterReminders.cs: once per reminder, whatever runs twice).
        recurring.AddOrUpdate<LetterReminders>(LetterReminders.JobId, r => r.SendDueAsync(CancellationToken.None), Cron.Hourly());
        // Expired sessions and limit uses are refused or ignored anyway; this keeps their tables small.
        recurring.AddOrUpdate<SecurityCleanup>(SecurityCleanup.JobId,
            cleanup => cleanup.DeleteExpiredAsync(CancellationToken.None), Cron.Hourly());
        // Personal data erased when its retention period ends, after a notice (Privacy/RetentionJob: once a day across instances).
        recurring.AddOrUpdate<RetentionJob>(RetentionJob.JobId, job => job.RunAsync(CancellationToken.None), RetentionJob.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(DailyDigest.TimeZoneId) });
        // A copy of the SQLite database, only when Recruit:Backup:Folder is set (Platform/Backups).
        ScheduledBackup.Register(recurring, services);

        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                // Sending mail is I/O; two workers keep a small server responsive.
                WorkerCount = 2,
                Activator = services.GetRequiredService<JobActivator>(),
                FilterProvider = services.GetRequiredService<IJobFilterProvider>(),
                TimeZoneResolver = services.GetRequiredService<ITimeZoneResolver>(),
            },
            services.GetRequiredService<JobStorage>());
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            // Running jobs see their cancellation token; the host waits for them before the
            // database goes away.
            server.SendStop();
            try
            {
                await server.WaitForShutdownAsync(cancellationToken);
            }
            catch (ObjectDisposedException)
            {
                // Hangfire's dispatchers dispose their wait handles as they finish; a wait that starts
                // just after that finds the handle gone (seen in a test host's shutdown under load):
                // the server has stopped either way.
            }
        }
    }

    public void Dispose() => Interlocked.Exchange(ref _server, null)?.Dispose();
}
