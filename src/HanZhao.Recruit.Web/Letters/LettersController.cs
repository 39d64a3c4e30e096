using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Apply;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HanZhao.Recruit.Web.Letters;

/// <summary>
/// /letters/{token}: the referee's page, reached from the request email without an account. Never
/// cached or indexed: the address is the secret.
/// </summary>
[Route("letters")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class LettersController(RefereeLetters letters) : Controller
{
    [HttpGet("{token}")]
    public async Task<IActionResult> Letter(string token, CancellationToken cancellationToken) =>
        Answer(await letters.OpenAsync(token, cancellationToken), done: page => View(page));

    [HttpPost("{token}")]
    [EnableRateLimiting(LettersSetup.ClientRateLimitPolicy)]
    [RequestSizeLimit(PdfUpload.MaxRequestBytes + (256 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = PdfUpload.MaxRequestBytes + (256 * 1024))]
    public async Task<IActionResult> Submit(string token, LetterForm form, CancellationToken cancellationToken) =>
        Answer(await letters.SubmitAsync(token, form, cancellationToken), done: _ => RedirectToAction(nameof(Received)));

    [HttpPost("{token}/decline")]
    [EnableRateLimiting(LettersSetup.ClientRateLimitPolicy)]
    public async Task<IActionResult> Decline(string token, [FromForm] string? reason, CancellationToken cancellationToken) =>
        Answer(await letters.DeclineAsync(token, reason, cancellationToken), done: _ => RedirectToAction(nameof(Declined)));

    [HttpGet("received")]
    public IActionResult Received() => View("Closed", new LetterLinkFailedPage(RefereeLetters.AlreadyReceived));

    [HttpGet("declined")]
    public IActionResult Declined() => View("Closed", new LetterLinkFailedPage(RefereeLetters.AlreadyDeclined));

    /// <summary>Done → <paramref name="done"/>; a refused form → the page again (400); an unusable link → why (400).</summary>
    private IActionResult Answer(Outcome<LetterPage> outcome, Func<LetterPage, IActionResult> done) => outcome switch
    {
        { IsDone: true } => done(outcome.Value!),
        { Value: { } page } => View(nameof(Letter), page).Refused(),
        _ => View("Closed", new LetterLinkFailedPage(outcome.Errors.For("")!)).Refused(),
    };
}
