using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Review.Applications;
using HanZhao.Recruit.Web.Review.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.InterviewOutcome;

/// <summary>
/// /review/applications/{id}/interview-outcome: the professor records how the interview went. Done:
/// back to the reader at the panel (the list's query kept). Refused: the reader again with the message
/// beside the form and what was typed (400, nothing stored).
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class InterviewOutcomeController(InterviewOutcomes outcomes, ApplicationReview review) : Controller
{
    private const string ReaderView = "/Review/Applications/Views/Details.cshtml";

    [HttpPost("/review/applications/{id:int}/interview-outcome")]
    public async Task<IActionResult> Save(
        int id, [FromQuery] DashboardQuery list, [FromForm] InterviewOutcomeForm form, CancellationToken cancellationToken)
    {
        var outcome = await outcomes.SaveAsync(User, id, form, cancellationToken);
        if (outcome.Kind != OutcomeKind.Invalid)
        {
            return outcome.IsDone ? LocalRedirect(ApplicationReview.PageUrl(id, list) + "#interview") : this.NotDone(outcome.Kind);
        }

        ViewData[InterviewPanelViewComponent.DraftKey] = (form, outcome.Errors);
        return await review.GetPageAsync(User, id, list, cancellationToken) is { } page ? View(ReaderView, page).Refused() : NotFound();
    }
}
