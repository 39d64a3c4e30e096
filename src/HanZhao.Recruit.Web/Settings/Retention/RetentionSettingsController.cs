using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Settings.Retention;

/// <summary>
/// /review/settings/retention: how many months after the enrollment date an admitted student's
/// application is kept (1 to Recruit:Retention:MaxAdmittedMonths, never forever), audited. The
/// consent text shown to new applicants changes with it (Privacy/ConsentText).
/// </summary>
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RetentionSettingsController(RetentionControls retention) : Controller
{
    private const string Page = "/review/settings/retention";

    [HttpGet(Page)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await retention.SettingsAsync(cancellationToken));

    [HttpPost(Page)]
    public async Task<IActionResult> Save([FromForm] string? months, CancellationToken cancellationToken)
    {
        var outcome = await retention.SaveSettingsAsync(User, months, cancellationToken);
        return outcome.IsDone ? Redirect(Page) : View(nameof(Index), outcome.Value).Refused();
    }
}
