using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Review.Scoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Settings.Scoring;

/// <summary>
/// The professor's choice of blind scoring (/review/settings/scoring): whether a reviewer sees the
/// other reviewers' scores of an application only after saving their own. Posted as on/off, so a
/// form that says neither is broken (400) rather than read as "off".
/// </summary>
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ScoringSettingsController(ScoringRules scoring, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string Page = "/review/settings/scoring";

    [HttpGet(Page)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ScoringSettingsPage(await scoring.IsBlindAsync(cancellationToken)));

    [HttpPost(Page)]
    public async Task<IActionResult> Save([FromForm] string? blind, CancellationToken cancellationToken)
    {
        if (ScoringSettingsPage.Parse(blind) is not { } value)
        {
            var errors = FormErrors.Of("blind", localizer["Choose on or off."]);
            return View(nameof(Index), new ScoringSettingsPage(await scoring.IsBlindAsync(cancellationToken)) { Errors = errors }).Refused();
        }

        await scoring.SetBlindAsync(User, value, cancellationToken);
        return Redirect(Page);
    }
}

/// <summary>The settings page: blind scoring on or off, and why a post was refused ("blind").</summary>
public sealed record ScoringSettingsPage(bool Blind)
{
    public FormErrors Errors { get; init; } = new();

    /// <summary>"on" or "off"; anything else (or nothing) is no choice.</summary>
    public static bool? Parse(string? value) => value switch
    {
        "on" => true,
        "off" => false,
        _ => null,
    };
}
