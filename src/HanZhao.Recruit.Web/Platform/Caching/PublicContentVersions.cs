using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Platform.Caching;

/// <summary>
/// Keeps each instance's output cache of public pages in step with changes made on other instances
/// (the cache is in the process's memory and tag eviction is local). A change writes a new stamp in
/// <see cref="PublicContentVersion"/> in its own save (<see cref="PublicContentVersionExtensions.MarkPublicContentChanged"/>); before a
/// public page is served, the instance reads that stamp if it has not done so for
/// <see cref="CheckInterval"/> and evicts its public pages when the stamp moved. So a page served by
/// any instance is at most one interval (plus the one read's time) older than the last committed
/// change; the instance that made the change evicts at once. Cost: one single-row read per instance per
/// interval, and only while public pages are asked for.
/// </summary>
public sealed class PublicContentVersions(IServiceScopeFactory scopes, IOutputCacheStore cache, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Configuration: how often an instance reads the stamp; zero turns the check off (one instance only).</summary>
    public const string IntervalSetting = "Recruit:PublicPageCache:VersionCheckInterval";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    // One read at a time: concurrent requests of a busy instance do not each read the row.
    private int _reading;
    private long _checkedAt = long.MinValue;
    private Guid? _seen;

    public TimeSpan CheckInterval { get; } = Interval(configuration);

    /// <summary>From zero (off) to an hour; anything else stops the start (the middleware is made with the pipeline) naming the setting.</summary>
    private static TimeSpan Interval(IConfiguration configuration)
    {
        var interval = configuration.GetValue(IntervalSetting, DefaultInterval);
        return interval >= TimeSpan.Zero && interval <= TimeSpan.FromHours(1)
            ? interval
            : throw new InvalidOperationException($"{IntervalSetting} must be from 00:00:00 (off) to 01:00:00 (it is {interval}).");
    }

    /// <summary>Reads the stamp when the interval has passed since the last read, and evicts when it moved.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (CheckInterval <= TimeSpan.Zero || !Due())
        {
            return;
        }

        // While one request reads, the others serve what the cache has rather than queue behind it.
        if (Interlocked.CompareExchange(ref _reading, 1, 0) != 0)
        {
            return;
        }

        try
        {
            // Another request may have read it while this one waited.
            if (!Due())
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
            var stamp = await db.PublicContentVersions.AsNoTracking()
                .Where(v => v.Id == PublicContentVersion.SingleId).Select(v => (Guid?)v.Stamp)
                .SingleOrDefaultAsync(cancellationToken);
            if (_seen is not null && stamp != _seen)
            {
                await cache.EvictPublicPagesAsync(cancellationToken);
            }

            _seen = stamp;
            Interlocked.Exchange(ref _checkedAt, clock.GetTimestamp());
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    private bool Due()
    {
        var last = Interlocked.Read(ref _checkedAt);
        return last == long.MinValue || clock.GetElapsedTime(last) >= CheckInterval;
    }
}

/// <summary>Runs <see cref="PublicContentVersions.CheckAsync"/> before the output cache answers a public page.</summary>
public sealed class PublicContentVersionCheck(RequestDelegate next, PublicContentVersions versions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && PublicPageEncoding.IsPublicPage(context))
        {
            await versions.CheckAsync(context.RequestAborted);
        }

        await next(context);
    }
}

public static class PublicContentVersionExtensions
{
    /// <summary>
    /// Call with any change the public pages show, before its SaveChanges: the new stamp commits with
    /// the change, so the other instances see it exactly when the change is visible in the database.
    /// </summary>
    public static void MarkPublicContentChanged(this RecruitDbContext db, DateTime now)
    {
        var row = db.PublicContentVersions.Local.FirstOrDefault(v => v.Id == PublicContentVersion.SingleId)
            ?? db.PublicContentVersions.Attach(new PublicContentVersion { Id = PublicContentVersion.SingleId }).Entity;
        row.Stamp = Guid.NewGuid();
        row.ChangedAtUtc = now;
        db.Entry(row).Property(v => v.Stamp).IsModified = true;
        db.Entry(row).Property(v => v.ChangedAtUtc).IsModified = true;
    }

    /// <summary>Before <c>UseOutputCache</c>, after routing (it needs the endpoint).</summary>
    public static IApplicationBuilder UsePublicContentVersionCheck(this IApplicationBuilder app) =>
        app.UseMiddleware<PublicContentVersionCheck>();
}
