using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HanZhao.Recruit.Web.PublicSite.Interest;

/// <summary>
/// /join/interest: register interest in the next intake, confirm by the emailed link, unsubscribe
/// (see <see cref="InterestRegistrations"/>). Not output-cached like the other public pages, and not
/// stored by browsers: they carry a form token or a link's token.
/// </summary>
[Route("join/interest")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class InterestController(InterestRegistrations registrations) : Controller
{
    [HttpGet("")]
    public IActionResult Form(StudyPrograms? program) =>
        View(new InterestForm { Program = program is { } chosen && InterestForm.Programs.Contains(chosen) ? chosen.ToString() : null });

    // Bound field by field: the form's errors are ours to set, never the poster's.
    [HttpPost("")]
    [EnableRateLimiting(InterestSetup.ClientRateLimitPolicy)]
    public async Task<IActionResult> Register(
        [FromForm] string? email, [FromForm] string? name, [FromForm] string? program, [FromForm] string? route, [FromForm] string? website,
        CancellationToken cancellationToken)
    {
        var form = new InterestForm { Email = email, Name = name, Program = program, Route = route, Website = website };
        var outcome = await registrations.RegisterAsync(form, cancellationToken);
        if (outcome.IsDone)
        {
            // New, renewed, ignored (a bot): one answer. Redirecting means a reload sends nothing more.
            return RedirectToAction(nameof(Sent));
        }

        form.Errors = outcome.Errors;
        return InterestRegistrations.IsLimitReached(outcome) ? View(nameof(Form), form).Throttled() : View(nameof(Form), form).Refused();
    }

    [HttpGet("sent")]
    public IActionResult Sent() => View();

    // Mail scanners open links to check them: a GET must not use the token, only offer to.
    [HttpGet("confirm")]
    public IActionResult Confirm(string? token) => View(new InterestLinkPage(token ?? string.Empty));

    [HttpPost("confirm")]
    public async Task<IActionResult> Confirmed([FromForm] string? token, CancellationToken cancellationToken)
    {
        var outcome = await registrations.ConfirmAsync(token, cancellationToken);
        return outcome.IsDone
            ? RedirectToAction(nameof(ConfirmedPage), new { program = outcome.Value })
            : View("LinkFailed", new InterestLinkFailedPage(Unsubscribe: false, outcome.Errors.For("")!)).Refused();
    }

    [HttpGet("confirmed")]
    public IActionResult ConfirmedPage(StudyPrograms? program) => View("Confirmed", new InterestConfirmedPage(program ?? StudyPrograms.None));

    [HttpGet("unsubscribe")]
    public IActionResult Unsubscribe(string? token) => View(new InterestLinkPage(token ?? string.Empty));

    [HttpPost("unsubscribe")]
    public async Task<IActionResult> Unsubscribed([FromForm] string? token, CancellationToken cancellationToken)
    {
        var outcome = await registrations.UnsubscribeAsync(token, cancellationToken);
        return outcome.IsDone
            ? RedirectToAction(nameof(UnsubscribedPage))
            : View("LinkFailed", new InterestLinkFailedPage(Unsubscribe: true, outcome.Errors.For("")!)).Refused();
    }

    [HttpGet("unsubscribed")]
    public IActionResult UnsubscribedPage() => View("Unsubscribed");
}
