using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Letters;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Applicant.Referees;

/// <summary>
/// /applicant/{id}/referees: the applicant names referees, sees where each request stands and
/// withdraws one until its letter arrives (see <see cref="LetterRequests"/>). Another applicant's
/// application answers 404 like one that does not exist.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RefereesController(LetterRequests requests, UserManager<RecruitUser> users) : Controller
{
    private string ApplicantId => users.GetUserId(User) ?? throw new InvalidOperationException("A signed-in user has an id.");

    [HttpGet("/applicant/{id:int}/referees")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken) =>
        await requests.GetPageAsync(ApplicantId, id, null, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("/applicant/{id:int}/referees")]
    public async Task<IActionResult> Ask(int id, [FromForm] RefereeForm form, CancellationToken cancellationToken)
    {
        var email = (await users.GetUserAsync(User))?.Email ?? string.Empty;
        var outcome = await requests.AskAsync(User, ApplicantId, email, id, form, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => Redirect($"/applicant/{id}/referees?asked=1"),
            OutcomeKind.Invalid => View(nameof(Index), outcome.Value).Refused(),
            _ => this.NotDone(outcome.Kind),
        };
    }

    [HttpPost("/applicant/{id:int}/referees/{requestId:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, int requestId, CancellationToken cancellationToken) =>
        (await requests.WithdrawAsync(User, ApplicantId, id, requestId, cancellationToken)).IsDone
            ? Redirect($"/applicant/{id}/referees#ask")
            : NotFound();
}
