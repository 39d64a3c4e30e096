using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Apply.SignIn;

/// <summary>
/// The applicant's passwordless sign-in (see <see cref="ApplicantSignInService"/>). No page here is
/// stored by browsers or proxies: they carry a token or a form for one person.
/// </summary>
[Route("apply/signin")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ApplicantSignInController(ApplicantSignInService signIn, IOptions<ApplicantSignInOptions> options) : Controller
{
    /// <summary>
    /// Where the "check your email" page finds the address just typed: TempData, kept in this browser's
    /// own encrypted cookie and read once, so the page names only the address this visitor typed, never
    /// one from a link or another visitor's request, and a reload no longer shows it.
    /// </summary>
    private const string SentToKey = "SignInSentTo";

    [HttpGet("")]
    public IActionResult Form(string? returnPath) =>
        View(new SignInRequestForm { ReturnPath = ApplicantSignInService.LocalPathOrNull(returnPath) });

    // Bound field by field: the form's errors are ours to set, never the poster's.
    [HttpPost("")]
    [EnableRateLimiting(ApplicantSignInSetup.ClientRateLimitPolicy)]
    public async Task<IActionResult> Submit(
        [FromForm] string? email, [FromForm] string? website, [FromForm] string? returnPath, CancellationToken cancellationToken)
    {
        var form = new SignInRequestForm { Email = email, Website = website, ReturnPath = ApplicantSignInService.LocalPathOrNull(returnPath) };
        var outcome = await signIn.RequestLinkAsync(form, cancellationToken);
        if (outcome.IsDone)
        {
            // Sent and ignored (a bot) look the same; redirecting means a reload does not send another link.
            TempData[SentToKey] = EmailAddresses.Check(email).Address;
            return RedirectToAction(nameof(Sent));
        }

        form.Errors = outcome.Errors;
        return ApplicantSignInService.IsLimitReached(outcome) ? View(nameof(Form), form).Throttled() : View(nameof(Form), form).Refused();
    }

    [HttpGet("sent")]
    public IActionResult Sent() => View(new SignInSentPage(TempData[SentToKey] as string, options.Value.LinkLifetime));

    // Mail scanners open links to check them: a GET must not use the token, only offer to.
    [HttpGet("confirm")]
    public IActionResult Continue(string? token) => View(new SignInConfirmPage(token ?? string.Empty));

    [HttpPost("confirm")]
    public async Task<IActionResult> Confirm([FromForm] string? token, CancellationToken cancellationToken)
    {
        var outcome = await signIn.ConfirmAsync(token, cancellationToken);
        return outcome.IsDone ? LocalRedirect(outcome.Value!.ReturnPath!) : View("LinkFailed", outcome.Value).Refused();
    }
}
