using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.EmailLog;

/// <summary>
/// The professor's email log (/review/emails): what the site queued, newest first, and a resend for
/// a message that failed for good. An id that is not a GUID matches no route (404).
/// </summary>
[Route("review/emails")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class EmailLogController(EmailOutbox outbox) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(EmailLogQuery query, CancellationToken cancellationToken) =>
        View(await outbox.GetPageAsync(query, cancellationToken));

    /// <summary>Only a failed message can be sent again: anything else is a bad request (400).</summary>
    [HttpPost("{id:guid}/resend")]
    public async Task<IActionResult> Resend(Guid id, CancellationToken cancellationToken) =>
        (await outbox.ResendAsync(User, id, cancellationToken)).Kind switch
        {
            OutcomeKind.Done => Redirect("/review/emails?done=resent"),
            OutcomeKind.Invalid => BadRequest(),
            var kind => this.NotDone(kind),
        };
}
