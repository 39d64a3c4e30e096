using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Decisions;

/// <summary>
/// The professor's change of many applications at once (/review/bulk): the GET shows what moving the
/// selection would do (who changes, who is refused and why, the emails); the POST does it and reports
/// each application.
/// </summary>
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class BulkController(DecisionService decisions, SiteAddress site) : Controller
{
    [HttpGet("/review/bulk")]
    public async Task<IActionResult> Bulk(BulkRequest request, CancellationToken cancellationToken) =>
        request.Selection.IsUsable ? View(await decisions.GetBulkPageAsync(User, request, cancellationToken)) : this.RefusedSelection(request.Selection);

    [HttpPost("/review/bulk")]
    public async Task<IActionResult> ApplyBulk(BulkRequest request, CancellationToken cancellationToken)
    {
        if (!request.Selection.IsUsable)
        {
            return this.RefusedSelection(request.Selection);
        }

        // No (known) status is a broken form, not a refused change.
        if (!request.IsComplete)
        {
            return BadRequest();
        }

        var applicantPage = site.Absolute("/applicant");
        var report = await decisions.ChangeManyAsync(User, request.Selection.Ids, request.Status!.Value, request.SendEmail, applicantPage, cancellationToken);
        return View("BulkDone", report);
    }
}
