using System.Globalization;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Dashboard;

/// <summary>The review dashboard (/review): counts, the application list, CSV export and assignment.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ReviewController(ReviewDashboard dashboard, UserManager<RecruitUser> users, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>
    /// Holds, for one browser session, the previous visit's time: every visit stamps the user's row,
    /// and paging or filtering within the session must not reset "new since your last visit" to 0.
    /// </summary>
    private const string VisitCookie = "hz-review-since";
    private const string NoticeKey = "ReviewNotice";

    [HttpGet("/review")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var query = DashboardQuery.Parse(Request.Query, localizer);
        var since = await VisitBaselineAsync(cancellationToken);
        return View(await dashboard.GetPageAsync(User, query, since, TempData[NoticeKey] as string, cancellationToken));
    }

    /// <summary>The current filtered list (all pages) as CSV, audited.</summary>
    [HttpGet("/review/export.csv")]
    [Authorize(Policy = StaffPolicies.Professor)]
    public async Task Export(CancellationToken cancellationToken)
    {
        var query = DashboardQuery.Parse(Request.Query, localizer);
        dashboard.RecordExport(User, query);
        await dashboard.SaveAsync(cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        var name = string.Create(CultureInfo.InvariantCulture, $"applications-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await dashboard.WriteCsvAsync(User, query, Response.Body, cancellationToken);
    }

    /// <summary>Assigns the checked applications to a co-reviewer (or removes them), then back to the same list.</summary>
    [HttpPost("/review/assign")]
    [Authorize(Policy = StaffPolicies.Professor)]
    public async Task<IActionResult> Assign(
        [FromForm] int[]? ids, [FromForm] string? reviewer, [FromForm] string? operation, [FromForm] string? back, CancellationToken cancellationToken)
    {
        var selected = (ids ?? []).Where(id => id > 0).Distinct().ToList();
        var assign = operation != "unassign";
        if (selected.Count == 0)
        {
            TempData[NoticeKey] = localizer["Select at least one application."].Value;
        }
        else if (string.IsNullOrEmpty(reviewer) || await dashboard.AssignAsync(User, selected, reviewer, assign, cancellationToken) is not { } changed)
        {
            TempData[NoticeKey] = localizer["Choose a co-reviewer."].Value;
        }
        else
        {
            TempData[NoticeKey] = assign
                ? localizer["{0} application(s) assigned.", changed].Value
                : localizer["{0} application(s) unassigned.", changed].Value;
        }

        // Back to the same view of the list, rebuilt from its parsed state (never an arbitrary URL).
        var state = DashboardQuery.Parse(new QueryCollection(QueryHelpers.ParseQuery(back)), localizer).ToQueryString();
        return Redirect(state.Length == 0 ? "/review" : "/review?" + state);
    }

    private async Task<DateTime?> VisitBaselineAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User) ?? throw new InvalidOperationException("A signed-in user has an id.");
        var previous = await dashboard.RecordVisitAsync(userId, cancellationToken);
        if (Request.Cookies[VisitCookie] is { } kept && long.TryParse(kept, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return ticks == 0 || ticks > DateTime.MaxValue.Ticks ? null : new DateTime(ticks, DateTimeKind.Utc);
        }

        Response.Cookies.Append(VisitCookie, (previous?.Ticks ?? 0).ToString(CultureInfo.InvariantCulture), new CookieOptions
        {
            Path = "/review",
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
        });
        return previous;
    }
}
