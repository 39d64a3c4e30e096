using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.AuditLog;

/// <summary>
/// The audit log as the professor reads it: newest first, 100 a page, filtered by action, user (part
/// of the email) and a range of Shanghai days (the days the professor lives in). Filters that cannot be applied are ignored and said so.
/// </summary>
public sealed class AuditTrail(RecruitDbContext db)
{
    public const int PageSize = 100;

    public async Task<AuditLogPage> GetPageAsync(AuditLogQuery requested, CancellationToken cancellationToken)
    {
        var actions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().ToListAsync(cancellationToken);
        actions.Sort(StringComparer.Ordinal);
        var query = requested.Action is { } action && !actions.Contains(action, StringComparer.Ordinal)
            ? requested with { Action = null, Problems = [.. requested.Problems, new QueryProblem("action", action)] }
            : requested;

        var entries = Filter(db.AuditEntries.AsNoTracking(), query).OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);
        return new AuditLogPage { Query = query, Actions = actions, Shown = await LogPages.ReadAsync(entries, query.Page, PageSize, cancellationToken) };
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditLogQuery query)
    {
        if (query.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (query.User is { } user)
        {
            var lower = user.ToLowerInvariant();
            // Case-insensitive on every provider; EF Core cannot translate the StringComparison overload.
#pragma warning disable CA1862
            entries = entries.Where(e => e.UserEmail != null && e.UserEmail.ToLower().Contains(lower));
#pragma warning restore CA1862
        }

        if (query.From is { } from)
        {
            var start = ShanghaiTime.StartOfDayUtc(from);
            entries = entries.Where(e => e.AtUtc >= start);
        }

        if (query.To is { } to && to < DateOnly.MaxValue)
        {
            var end = ShanghaiTime.StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(e => e.AtUtc < end);
        }

        return entries;
    }
}
