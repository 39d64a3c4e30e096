using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Settings.Alerts;

/// <summary>The professor's alerts (/review/settings/alerts): an email per new application, or the daily digest only.</summary>
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AlertsController(AlertSettings settings) : Controller
{
    private const string Page = "/review/settings/alerts";

    [HttpGet(Page)]
    public async Task<IActionResult> Index([FromQuery] bool saved, CancellationToken cancellationToken) =>
        await settings.GetPageAsync(User, saved, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost(Page)]
    public async Task<IActionResult> Save([FromForm] string? mode, CancellationToken cancellationToken)
    {
        var outcome = await settings.SaveAsync(User, mode, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => LocalRedirect(Page + "?saved=true"),
            OutcomeKind.Invalid when await settings.GetPageAsync(User, false, cancellationToken) is { } page => View(nameof(Index), page with { Errors = outcome.Errors }).Refused(),
            _ => this.NotDone(outcome.Kind == OutcomeKind.Invalid ? OutcomeKind.NotFound : outcome.Kind),
        };
    }
}
