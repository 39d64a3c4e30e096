using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// The signed-in staff member's authenticator app (/account/2fa): set it up, new recovery codes,
/// turn it off (see <see cref="TwoFactorSetup"/>). Nothing here is stored by browsers or proxies.
/// </summary>
[Route("account/2fa")]
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TwoFactorController(TwoFactorSetup twoFactor) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(bool suggest, CancellationToken cancellationToken) =>
        await twoFactor.GetPageAsync(User, suggest, null, cancellationToken) is { } page ? View("TwoFactor", page) : Challenge();

    [HttpPost("enable")]
    public async Task<IActionResult> Enable([FromForm] string? code, CancellationToken cancellationToken)
    {
        var outcome = await twoFactor.EnableAsync(User, code);
        return outcome.Kind switch
        {
            OutcomeKind.Done => View("RecoveryCodes", outcome.Value),
            OutcomeKind.Invalid when await twoFactor.GetPageAsync(User, false, outcome.Errors, cancellationToken) is { } page => View("TwoFactor", page).Refused(),
            _ => Challenge(),
        };
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes() =>
        await twoFactor.RenewRecoveryCodesAsync(User) is { IsDone: true, Value: { } codes } ? View("RecoveryCodes", codes) : Redirect("/account/2fa");

    [HttpPost("disable")]
    public async Task<IActionResult> Disable()
    {
        await twoFactor.DisableAsync(User);
        return Redirect("/account/2fa");
    }
}
