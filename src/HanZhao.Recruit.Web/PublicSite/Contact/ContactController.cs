using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace HanZhao.Recruit.Web.PublicSite.Contact;

/// <summary>
/// A form to write to the professor (see <see cref="ContactService"/>). Never cached, by the output
/// cache or by browsers: the form carries an antiforgery token for one visitor.
/// </summary>
[Route("contact")]
[OutputCache(NoStore = true)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ContactController(ContactService contact) : Controller
{
    [HttpGet("")]
    public IActionResult Form() => View(new ContactForm());

    // Bound field by field: the form's error properties are ours to set, never the poster's.
    [HttpPost("")]
    [EnableRateLimiting(ContactSetup.ClientRateLimitPolicy)]
    public async Task<IActionResult> Submit(
        [FromForm] string? name, [FromForm] string? email, [FromForm] string? message, [FromForm] string? website,
        CancellationToken cancellationToken)
    {
        var form = new ContactForm { Name = name, Email = email, Message = message, Website = website };
        switch (await contact.SendAsync(form, cancellationToken))
        {
            case ContactOutcome.Invalid:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(nameof(Form), form);
            case ContactOutcome.Unavailable:
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return View(nameof(Form), form);
            default:
                // Sent and Ignored look the same; redirecting means a reload does not send it again.
                return RedirectToAction(nameof(Sent));
        }
    }

    [HttpGet("sent")]
    public IActionResult Sent() => View();
}
