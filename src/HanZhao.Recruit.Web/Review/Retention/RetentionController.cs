using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Retention;

/// <summary>
/// /review/retention: what the retention job erases in the next 30 days, and "keep longer" for one
/// application with a date and a reason (Privacy/RetentionControls). The professor's alone.
/// </summary>
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RetentionController(RetentionControls retention) : Controller
{
    [HttpGet("/review/retention")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await retention.PageAsync(cancellationToken));

    [HttpGet("/review/retention/{id:int}/keep")]
    public async Task<IActionResult> Keep(int id, CancellationToken cancellationToken) =>
        await retention.KeepPageAsync(id, new KeepForm(), new FormErrors(), cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("/review/retention/{id:int}/keep")]
    public async Task<IActionResult> Keep(int id, [FromForm] KeepForm form, CancellationToken cancellationToken)
    {
        var outcome = await retention.KeepAsync(User, id, form, cancellationToken);
        if (outcome.Kind != OutcomeKind.Invalid)
        {
            return outcome.IsDone ? Redirect("/review/retention") : this.NotDone(outcome.Kind);
        }

        return await retention.KeepPageAsync(id, form, outcome.Errors, cancellationToken) is { } page ? View(page).Refused() : NotFound();
    }
}
