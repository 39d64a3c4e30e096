using HanZhao.Recruit.Web.Platform.Forms;
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
    public IActionResult Form() => View(ContactPage.Blank());

    [HttpPost("")]
    [EnableRateLimiting(ContactSetup.ClientRateLimitPolicy)]
    public async Task<IActionResult> Submit([FromForm] ContactForm form, CancellationToken cancellationToken)
    {
        var result = await contact.SendAsync(form, cancellationToken);
        if (result.IsDone)
        {
            // Sent, or ignored (a bot): they look the same; redirecting means a reload does not send it again.
            return RedirectToAction(nameof(Sent));
        }

        var page = View(nameof(Form), new ContactPage(form, result.Errors));
        return result.Errors.Has(ContactService.DeliveryField) ? page.Unavailable() : page.Refused();
    }

    [HttpGet("sent")]
    public IActionResult Sent() => View();
}
