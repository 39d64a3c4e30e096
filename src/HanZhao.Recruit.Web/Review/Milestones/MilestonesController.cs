using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Milestones;

/// <summary>
/// The official steps of one application after the offer (/review/applications/{id}/milestones):
/// staff who may see the application read them; only the professor records them (a co-reviewer who
/// can see it is refused, 403). A refused form answers 400 with a message beside each field.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MilestonesController(MilestoneRecorder milestones) : Controller
{
    [HttpGet("/review/applications/{id:int}/milestones")]
    public async Task<IActionResult> Index(int id, MilestonesQuery query, CancellationToken cancellationToken) =>
        await milestones.GetStaffPageAsync(User, id, query, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("/review/applications/{id:int}/milestones")]
    public async Task<IActionResult> Record(int id, [FromForm] MilestoneForm form, CancellationToken cancellationToken)
    {
        var outcome = await milestones.RecordAsStaffAsync(User, id, form, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => Redirect($"/review/applications/{id}/milestones?recorded={outcome.Value!.Recorded}&emailed={(outcome.Value.Emailed ? "true" : "false")}"),
            OutcomeKind.Invalid => View(nameof(Index), outcome.Value).Refused(),
            _ => this.NotDone(outcome.Kind),
        };
    }
}
