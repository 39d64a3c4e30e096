using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Review.Milestones;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Applicant.Milestones;

/// <summary>
/// The applicant's part of the official steps (/applicant/{id}/milestones): the steps recorded, the
/// 待录取 countdown, and the steps that are theirs to say (official application submitted, a place
/// accepted elsewhere). Another applicant's application answers 404 like one that does not exist.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MilestonesController(MilestoneRecorder milestones, UserManager<RecruitUser> users) : Controller
{
    private string ApplicantId => users.GetUserId(User) ?? throw new InvalidOperationException("A signed-in user has an id.");

    [HttpGet("/applicant/{id:int}/milestones")]
    public async Task<IActionResult> Index(int id, MilestonesQuery query, CancellationToken cancellationToken) =>
        await milestones.GetApplicantPageAsync(ApplicantId, id, query, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("/applicant/{id:int}/milestones")]
    public async Task<IActionResult> Record(int id, [FromForm] MilestoneForm form, CancellationToken cancellationToken)
    {
        var outcome = await milestones.RecordAsApplicantAsync(User, ApplicantId, id, form, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => Redirect($"/applicant/{id}/milestones?recorded={outcome.Value!.Recorded}"),
            OutcomeKind.Invalid => View(nameof(Index), outcome.Value).Refused(),
            _ => this.NotDone(outcome.Kind),
        };
    }
}
