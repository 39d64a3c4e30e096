using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// Staff sign-in (/account/signin): the password with lockout, the authenticator step, and signing
/// out here or everywhere (see <see cref="StaffSignIn"/>). Nothing here is stored by browsers or proxies.
/// </summary>
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SignInController(StaffSignIn staff) : Controller
{
    [HttpGet("signin")]
    public IActionResult SignIn(string? returnUrl, bool passwordSet = false, bool signedOut = false) =>
        View(new StaffSignInPage { ReturnUrl = LocalOrNull(returnUrl), PasswordSet = passwordSet, SignedOut = signedOut });

    [HttpPost("signin")]
    [EnableRateLimiting(StaffAccountsSetup.ClientRateLimitPolicy)]
    public async Task<IActionResult> SignIn([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        returnUrl = LocalOrNull(returnUrl);
        var outcome = await staff.PasswordAsync(email, password, returnUrl);
        return outcome.IsDone
            ? LocalRedirect(outcome.Value!)
            : View(new StaffSignInPage { Email = email?.Trim(), ReturnUrl = returnUrl, Errors = outcome.Errors }).Refused();
    }

    [HttpGet("signin/2fa")]
    public async Task<IActionResult> TwoFactorSignIn(string? returnUrl) =>
        await staff.IsTwoFactorWaitingAsync()
            ? View(new TwoFactorSignInPage(LocalOrNull(returnUrl), new FormErrors()))
            : Redirect("/account/signin");

    /// <summary>Either <paramref name="code"/> from the app or a <paramref name="recoveryCode"/> (each works once).</summary>
    [HttpPost("signin/2fa")]
    [EnableRateLimiting(StaffAccountsSetup.ClientRateLimitPolicy)]
    public async Task<IActionResult> TwoFactorSignIn([FromForm] string? code, [FromForm] string? recoveryCode, [FromForm] string? returnUrl)
    {
        returnUrl = LocalOrNull(returnUrl);
        var outcome = await staff.TwoFactorAsync(code, recoveryCode, returnUrl);
        return outcome.Kind switch
        {
            OutcomeKind.Done => LocalRedirect(outcome.Value!),
            OutcomeKind.Invalid => View(new TwoFactorSignInPage(returnUrl, outcome.Errors)).Refused(),
            // No password step is waiting in this browser: start from the password.
            _ => Redirect("/account/signin"),
        };
    }

    [HttpPost("signout")]
    public async Task<IActionResult> SignOutHere()
    {
        await staff.SignOutAsync(User);
        return Redirect("/");
    }

    [HttpPost("signout-everywhere")]
    public async Task<IActionResult> SignOutEverywhere()
    {
        await staff.SignOutEverywhereAsync(User);
        return Redirect("/account/signin?signedOut=true");
    }

    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
