using System.Globalization;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Dashboard;

/// <summary>The review dashboard (/review): counts, the application list, CSV export and assignment.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ReviewController(ReviewDashboard dashboard, UserManager<RecruitUser> users) : Controller
{
    /// <summary>
    /// Holds, for one browser session, the previous visit's time: every visit stamps the user's row,
    /// and paging or filtering within the session must not reset "new since your last visit" to 0.
    /// </summary>
    private const string VisitCookie = "hz-review-since";
    private const string NoticeKey = "ReviewNotice";

    [HttpGet("/review")]
    public async Task<IActionResult> Index(DashboardQuery query, CancellationToken cancellationToken)
    {
        var since = await VisitBaselineAsync(cancellationToken);
        return View(await dashboard.GetPageAsync(User, query, since, TempData[NoticeKey] as string, cancellationToken));
    }

    /// <summary>The current filtered list (all pages) as CSV, audited.</summary>
    [HttpGet("/review/export.csv")]
    [Authorize(Policy = StaffPolicies.Professor)]
    public async Task Export(DashboardQuery query, CancellationToken cancellationToken)
    {
        dashboard.RecordExport(User, "CSV ?" + query.ToQueryString());
        await dashboard.SaveAsync(cancellationToken);
        CsvDownload.Start(Response);
        await dashboard.WriteCsvAsync(User, query, Response.Body, cancellationToken);
    }

    /// <summary>Assigns the checked applications to a co-reviewer (or removes them, with <c>operation=unassign</c>), then back to the same list.</summary>
    [HttpPost("/review/assign")]
    [Authorize(Policy = StaffPolicies.Professor)]
    public async Task<IActionResult> Assign(
        Selection selection, [FromForm] string? reviewer, [FromForm] AssignOperation? operation, [FromForm] string? back, CancellationToken cancellationToken)
    {
        // A garbled selection says what is wrong with it; no (known) operation is a broken form.
        if (!selection.IsUsable || operation is not { } change)
        {
            return selection.IsUsable ? BadRequest() : this.RefusedSelection(selection);
        }

        var assign = change == AssignOperation.Assign;
        var outcome = await dashboard.AssignAsync(User, selection, reviewer, assign, cancellationToken);
        TempData[NoticeKey] = dashboard.AssignmentNotice(outcome, assign);

        // Back to the same view of the list, rebuilt from its parsed state (never an arbitrary URL).
        var state = QueryText.Read<DashboardQuery>(back).ToQueryString();
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
