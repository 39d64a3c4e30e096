using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Applicant.Interview;

/// <summary>
/// The applicant's interview (/applicant/{id}/interview): the free times of their intake in Shanghai
/// time and their own, booking one, moving to another and cancelling until the cut-off (see
/// <see cref="InterviewBookings"/>). Another applicant's application answers 404 like a missing one.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class InterviewController(InterviewBookings bookings, UserManager<RecruitUser> users) : Controller
{
    private string ApplicantId => users.GetUserId(User) ?? throw new InvalidOperationException("A signed-in user has an id.");

    [HttpGet("/applicant/{id:int}/interview")]
    public async Task<IActionResult> Index(int id, string? done, CancellationToken cancellationToken) =>
        await bookings.GetPageAsync(ApplicantId, id, cancellationToken) is { } page
            ? View(page with { Done = done is "booked" or "moved" or "cancelled" ? done : null })
            : NotFound();

    [HttpPost("/applicant/{id:int}/interview")]
    public async Task<IActionResult> Book(int id, [FromForm] string? slot, CancellationToken cancellationToken) =>
        Answer(id, await bookings.BookAsync(User, ApplicantId, id, slot, cancellationToken));

    [HttpPost("/applicant/{id:int}/interview/cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken cancellationToken) =>
        Answer(id, await bookings.CancelAsync(User, ApplicantId, id, cancellationToken));

    private IActionResult Answer(int id, Outcome<BookingPage> outcome) => outcome.Kind switch
    {
        OutcomeKind.Done => Redirect($"/applicant/{id}/interview?done={outcome.Value!.Done}"),
        OutcomeKind.Invalid => View(nameof(Index), outcome.Value).Refused(),
        _ => this.NotDone(outcome.Kind),
    };
}
