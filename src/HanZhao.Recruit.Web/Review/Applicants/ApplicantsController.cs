using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Applicants;

/// <summary>
/// /review/applicants/{id}: the professor's answers to an applicant's request received by email,
/// found by one of their applications: export everything held about them (the applicant's own ZIP),
/// or erase it with a reason and a confirmation. Professor only; both are audited without personal data.
/// </summary>
[Route("review/applicants/{id:int}")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ApplicantsController(PersonalDataRequests requests) : Controller
{
    [HttpGet("export")]
    public async Task<IActionResult> Export(int id, CancellationToken cancellationToken)
    {
        var outcome = await requests.ExportForStaffAsync(User, id, cancellationToken);
        return outcome.IsDone ? File(outcome.Value!, "application/zip", $"applicant-data-{id}.zip") : this.NotDone(outcome.Kind);
    }

    [HttpGet("erase")]
    public async Task<IActionResult> Erase(int id, CancellationToken cancellationToken) =>
        await requests.StaffErasePageAsync(id, new StaffEraseForm(), null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("erase")]
    public async Task<IActionResult> ConfirmErase(int id, StaffEraseForm form, CancellationToken cancellationToken)
    {
        var outcome = await requests.EraseForStaffAsync(User, id, form, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => View("Erased"),
            OutcomeKind.Invalid => View("Erase", outcome.Value! with { Errors = outcome.Errors }).Refused(),
            _ => this.NotDone(outcome.Kind),
        };
    }
}
