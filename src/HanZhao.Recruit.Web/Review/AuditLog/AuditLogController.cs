using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.AuditLog;

/// <summary>
/// The professor's read-only view of the audit log: newest first, 100 a page, filtered by action,
/// user (part of the email), and a range of UTC days. Invalid filters are ignored with a message.
/// </summary>
[Route("review/audit")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AuditLogController(RecruitDbContext db) : Controller
{
    public const int PageSize = 100;

    public const int MaxUserLength = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery] string? action, [FromQuery] string? user, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? page)
    {
        var actions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().ToListAsync();
        actions.Sort(StringComparer.Ordinal);

        var result = new AuditLogPage { Actions = actions };
        IQueryable<AuditEntry> entries = db.AuditEntries.AsNoTracking();

        if (!string.IsNullOrEmpty(action))
        {
            if (actions.Contains(action, StringComparer.Ordinal))
            {
                result.Action = action;
                entries = entries.Where(e => e.Action == action);
            }
            else
            {
                result.InvalidAction = true;
            }
        }

        user = user?.Trim();
        if (!string.IsNullOrEmpty(user))
        {
            if (user.Length <= MaxUserLength)
            {
                result.User = user;
                var lower = user.ToLowerInvariant();
                // Case-insensitive on every provider; EF Core cannot translate the StringComparison overload.
#pragma warning disable CA1862
                entries = entries.Where(e => e.UserEmail != null && e.UserEmail.ToLower().Contains(lower));
#pragma warning restore CA1862
            }
            else
            {
                result.InvalidUser = true;
            }
        }

        if (Day(from) is { } fromDay)
        {
            result.From = fromDay;
            var start = fromDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.AtUtc >= start);
        }
        else if (!string.IsNullOrWhiteSpace(from))
        {
            result.InvalidDate = true;
        }

        if (Day(to) is { } toDay)
        {
            result.To = toDay;
            if (toDay < DateOnly.MaxValue)
            {
                var end = toDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                entries = entries.Where(e => e.AtUtc < end);
            }
        }
        else if (!string.IsNullOrWhiteSpace(to))
        {
            result.InvalidDate = true;
        }

        var shown = await LogPages.ReadAsync(entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id), page, PageSize);
        (result.Entries, result.Page, result.PageCount, result.Total, result.InvalidPage) =
            (shown.Rows, shown.Page, shown.PageCount, shown.Total, shown.InvalidPage);
        return View(result);
    }

    private static DateOnly? Day(string? value) =>
        value is { Length: 10 } && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}

/// <summary>One page of the audit log with the filters that were applied.</summary>
public sealed class AuditLogPage
{
    public IReadOnlyList<AuditEntry> Entries { get; set; } = [];

    public IReadOnlyList<string> Actions { get; set; } = [];

    public string? Action { get; set; }

    public string? User { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int Page { get; set; } = 1;

    public int PageCount { get; set; } = 1;

    public int Total { get; set; }

    public bool InvalidAction { get; set; }

    public bool InvalidUser { get; set; }

    public bool InvalidDate { get; set; }

    public bool InvalidPage { get; set; }

    public bool HasFilters => Action is not null || User is not null || From is not null || To is not null;

    /// <summary>The link to another page with the same (valid) filters.</summary>
    public string PageLink(int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("action", Action);
        Add("user", User);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (page > 1)
        {
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "/review/audit" : "/review/audit?" + string.Join('&', parts);
    }
}
