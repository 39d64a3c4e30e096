using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Review.Applications;
using HanZhao.Recruit.Web.Review.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Decisions;

/// <summary>
/// The professor's decision on one application (/review/applications/{id}/status): choose the next
/// status, preview its email, change it. Co-reviewers read and score; only the professor decides.
/// A refused change answers 400 with the reason; nothing is changed and no email is sent.
/// </summary>
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class StatusController(DecisionService decisions, ApplicationReview reader, SiteAddress site) : Controller
{
    [HttpGet("/review/applications/{id:int}/status")]
    public async Task<IActionResult> Status(int id, StatusQuery query, CancellationToken cancellationToken)
    {
        var outcome = await decisions.GetStatusPageAsync(User, id, query, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => View(outcome.Value),
            OutcomeKind.Invalid => View("Refused", outcome.Value).Refused(),
            _ => this.NotDone(outcome.Kind),
        };
    }

    /// <summary>
    /// From the reader, then=reader returns to the application and then=next goes on to the next one
    /// of the list it came from (found before the change, which can take this one out of the list).
    /// </summary>
    [HttpPost("/review/applications/{id:int}/status")]
    public async Task<IActionResult> ChangeStatus(int id, StatusForm form, CancellationToken cancellationToken)
    {
        if (!form.IsComplete)
        {
            return BadRequest();
        }

        var after = await AfterAsync(id, form, cancellationToken);
        var outcome = await decisions.ChangeAsync(User, id, form.To!.Value, form.SendEmail, site.Absolute("/applicant"), cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => LocalRedirect(after ?? $"/review/applications/{id}/status?changed=true&emailed={(outcome.Value!.EmailQueued ? "true" : "false")}"),
            OutcomeKind.Invalid => View("Refused", StatusPage.Refusing(outcome.Value!, outcome.Errors)).Refused(),
            _ => this.NotDone(outcome.Kind),
        };
    }

    /// <summary>Where a change from the reader leads, found before the change; null for the status page.</summary>
    private async Task<string?> AfterAsync(int id, StatusForm form, CancellationToken cancellationToken)
    {
        var list = QueryText.Read<DashboardQuery>(form.List);
        return form.Then switch
        {
            AfterDecision.Next => await reader.NextUrlAsync(User, id, list, cancellationToken),
            AfterDecision.Reader => ApplicationReview.PageUrl(id, list) + "#decision",
            _ => null,
        };
    }
}
