using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Reviewers;

/// <summary>
/// The professor's list of co-reviewers (/review/reviewers): invite, send a new invitation, disable
/// and enable. Post/redirect/get; a refused invitation comes back as 400 with its message.
/// </summary>
[Route("review/reviewers")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ReviewersController(ReviewerAccounts accounts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ReviewersQuery query) => View(await accounts.GetPageAsync(null, null, query.Done));

    [HttpPost("invite")]
    public async Task<IActionResult> Invite([FromForm] InvitationForm form)
    {
        var outcome = await accounts.InviteAsync(User, form);
        return outcome.IsDone
            ? Done("invited")
            : View(nameof(Index), await accounts.GetPageAsync(outcome.Value, outcome.Errors, null)).Refused();
    }

    [HttpPost("{id}/resend")]
    public async Task<IActionResult> Resend(string id) => Answer(await accounts.ResendAsync(User, id), "resent");

    [HttpPost("{id}/disable")]
    public async Task<IActionResult> Disable(string id) => Answer(await accounts.DisableAsync(User, id), "disabled");

    [HttpPost("{id}/enable")]
    public async Task<IActionResult> Enable(string id) => Answer(await accounts.EnableAsync(User, id), "enabled");

    private IActionResult Answer(Outcome outcome, string done) => outcome.IsDone ? Done(done) : this.NotDone(outcome.Kind);

    private RedirectResult Done(string done) => Redirect("/review/reviewers?done=" + done);
}
