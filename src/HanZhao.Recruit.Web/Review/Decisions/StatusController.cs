using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Security;
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
public sealed class StatusController(DecisionService decisions, SiteAddress site) : Controller
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

    [HttpPost("/review/applications/{id:int}/status")]
    public async Task<IActionResult> ChangeStatus(int id, StatusForm form, CancellationToken cancellationToken)
    {
        if (!form.IsComplete)
        {
            return BadRequest();
        }

        var applicantPage = site.Absolute("/applicant");
        var outcome = await decisions.ChangeAsync(User, id, form.To!.Value, form.SendEmail, applicantPage, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => Redirect($"/review/applications/{id}/status?changed=true&emailed={(outcome.Value!.EmailQueued ? "true" : "false")}"),
            OutcomeKind.Invalid => View("Refused", StatusPage.Refusing(outcome.Value!, outcome.Errors)).Refused(),
            _ => this.NotDone(outcome.Kind),
        };
    }
}
