using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Interviews;

/// <summary>
/// The professor's interviews (/review/interviews): an intake's slots by day with their bookings, the
/// form that adds one slot or a series, cancelling a slot, and inviting the intake's applications in
/// the Interview status. Post/redirect/get; a refused form comes back as 400 with what was typed.
/// </summary>
[Route("review/interviews")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class InterviewsController(InterviewSlots slots, InterviewInvitations invitations, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string NoticeKey = "InterviewsNotice";

    [HttpGet("")]
    public async Task<IActionResult> Index(InterviewsQuery query, CancellationToken cancellationToken) =>
        View((await slots.GetPageAsync(query, null, null, cancellationToken)) with { Notice = TempData[NoticeKey] as string });

    [HttpPost("slots")]
    public async Task<IActionResult> Add([FromForm] SlotForm form, CancellationToken cancellationToken)
    {
        var outcome = await slots.AddAsync(User, form, cancellationToken);
        if (!outcome.IsDone)
        {
            var intake = new InterviewsQuery(FormNumbers.WholeNumber(form.Intake, 1, int.MaxValue));
            return View(nameof(Index), await slots.GetPageAsync(intake, form, outcome.Errors, cancellationToken)).Refused();
        }

        TempData[NoticeKey] = localizer.Count(outcome.Value, "{0} slot added.", "{0} slots added.");
        return Redirect($"/review/interviews?intake={form.Intake}");
    }

    [HttpPost("slots/{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken cancellationToken)
    {
        var outcome = await slots.CancelAsync(User, id, cancellationToken);
        if (!outcome.IsDone)
        {
            return this.NotDone(outcome.Kind);
        }

        TempData[NoticeKey] = localizer["Slot cancelled. Anyone who had booked it got a cancellation and may choose another time."].Value;
        return Redirect($"/review/interviews?intake={outcome.Value}");
    }

    [HttpPost("invitations")]
    public async Task<IActionResult> Invite(Selection selection, InterviewsQuery query, CancellationToken cancellationToken)
    {
        if (!selection.IsUsable)
        {
            return this.RefusedRequest(selection.Problem!, $"/review/interviews?intake={query.Intake}", "Back to the interviews");
        }

        TempData[NoticeKey] = (await invitations.InviteAsync(User, selection.Ids, cancellationToken)).Describe(localizer);
        return Redirect($"/review/interviews?intake={query.Intake}");
    }
}
