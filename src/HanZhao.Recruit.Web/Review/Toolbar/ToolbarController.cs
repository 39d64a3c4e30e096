using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Review.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Toolbar;

/// <summary>
/// The list's toolbar (/review/toolbar): one form whose buttons post the ticked rows (or "all
/// matching"). Buttons that need a page of their own (the status preview, the email, the CSV, the
/// ZIP) go there with the ids; tagging and assignment are done here and return to the same list.
/// </summary>
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ToolbarController(
    SelectionActions actions, ReviewDashboard dashboard, InterviewInvitations invitations, SiteAddress site, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>The dashboard's notice (ReviewController reads it).</summary>
    private const string NoticeKey = "ReviewNotice";

    [HttpPost("/review/toolbar")]
    public async Task<IActionResult> Act(ToolbarRequest request, CancellationToken cancellationToken)
    {
        var selection = await actions.ResolveAsync(User, request, cancellationToken);
        return selection.IsUsable ? await DispatchAsync(request, selection, cancellationToken) : this.RefusedSelection(selection);
    }

    private async Task<IActionResult> DispatchAsync(ToolbarRequest request, Selection selection, CancellationToken cancellationToken)
    {
        // Commas stay unescaped: 1,000 ids fit in a request line.
        var ids = "ids=" + selection;
        return request.Action switch
        {
            ToolbarAction.Status when request.Status is { } status => Redirect($"/review/bulk?{ids}&status={status}"),
            ToolbarAction.Status => this.RefusedRequest("Choose the new status.", BackTo(request), "Back to the applications"),
            ToolbarAction.Email => Redirect($"/review/toolbar/email?{ids}"),
            ToolbarAction.Csv => Redirect($"/review/toolbar/export.csv?{ids}"),
            ToolbarAction.Zip => Redirect($"/review/documents.zip?{ids}"),
            ToolbarAction.Assign or ToolbarAction.Unassign => await AssignAsync(request, selection, cancellationToken),
            ToolbarAction.Tag => await TagAsync(request, selection, cancellationToken),
            ToolbarAction.Invite => await InviteAsync(request, selection, cancellationToken),
            _ => this.RefusedRequest("Choose what to do with the selected applications.", BackTo(request), "Back to the applications"),
        };
    }

    /// <summary>The CSV of exactly the selection (in the list's default order), audited.</summary>
    [HttpGet("/review/toolbar/export.csv")]
    public async Task<IActionResult> Export(Selection selection, CancellationToken cancellationToken)
    {
        if (!selection.IsUsable)
        {
            return this.RefusedSelection(selection);
        }

        dashboard.RecordExport(User, "CSV of the selection: " + selection);
        await dashboard.SaveAsync(cancellationToken);
        CsvDownload.Start(Response);
        await dashboard.WriteCsvAsync(User, new DashboardQuery(), Response.Body, cancellationToken, selection.Ids);
        return new EmptyResult();
    }

    [HttpGet("/review/toolbar/email")]
    public async Task<IActionResult> Email(MessageForm form, CancellationToken cancellationToken)
    {
        form.Subject = form.Body = form.Token = null;
        return View(await actions.PreviewAsync(User, form, cancellationToken));
    }

    [HttpPost("/review/toolbar/email")]
    public async Task<IActionResult> SendEmail(MessageForm form, CancellationToken cancellationToken)
    {
        if (form.Confirm != "send")
        {
            var page = await actions.PreviewAsync(User, form, cancellationToken);
            return page.Errors.Any ? View("Email", page).Refused() : View("Email", page);
        }

        var outcome = await actions.SendAsync(User, form, site.Absolute("/applicant"), cancellationToken);
        return outcome.IsDone ? View("Sent", outcome.Value) : View("Email", new MessagePage(form, 0, [], [], outcome.Errors)).Refused();
    }

    private async Task<IActionResult> AssignAsync(ToolbarRequest request, Selection selection, CancellationToken cancellationToken)
    {
        var assign = request.Action == ToolbarAction.Assign;
        var outcome = await dashboard.AssignAsync(User, selection, request.Reviewer, assign, cancellationToken);
        TempData[NoticeKey] = dashboard.AssignmentNotice(outcome, assign);
        return Redirect(BackTo(request));
    }

    private async Task<IActionResult> TagAsync(ToolbarRequest request, Selection selection, CancellationToken cancellationToken)
    {
        var outcome = await actions.TagAsync(User, selection.Ids, request.Tag, cancellationToken);
        TempData[NoticeKey] = outcome.IsDone
            ? localizer["Tag “{0}” added to {1} application(s).", request.Tag!.Trim(), outcome.Value].Value
            : outcome.Errors.Messages.First();
        return Redirect(BackTo(request));
    }

    /// <summary>Invites the selection to book an interview; applications not in the Interview status are skipped and named.</summary>
    private async Task<IActionResult> InviteAsync(ToolbarRequest request, Selection selection, CancellationToken cancellationToken)
    {
        TempData[NoticeKey] = (await invitations.InviteAsync(User, selection.Ids, cancellationToken)).Describe(localizer);
        return Redirect(BackTo(request));
    }

    /// <summary>The same view of the list, rebuilt from its parsed state (never an arbitrary URL).</summary>
    private static string BackTo(ToolbarRequest request) =>
        QueryText.Read<DashboardQuery>(request.Back).ToQueryString() is { Length: > 0 } state ? "/review?" + state : "/review";
}
