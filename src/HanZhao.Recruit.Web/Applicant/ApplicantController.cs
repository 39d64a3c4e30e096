using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Applicant;

/// <summary>The applicant's own page (/applicant): status and history, documents, withdrawal.</summary>
[Authorize(Roles = Roles.Applicant)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ApplicantController(ApplicantPortal portal, UserManager<RecruitUser> users, SiteAddress site) : Controller
{
    private string ApplicantId => users.GetUserId(User) ?? throw new InvalidOperationException("A signed-in user has an id.");

    [HttpGet("/applicant")]
    public async Task<IActionResult> Index(int? withdrawn, CancellationToken cancellationToken) =>
        View(await portal.GetPageAsync(ApplicantId, withdrawn, cancellationToken));

    /// <summary>Another applicant's document answers 404 like a missing one: its existence is not revealed.</summary>
    [HttpGet("/applicant/documents/{id:int}")]
    public async Task<IActionResult> Document(int id, string? download, CancellationToken cancellationToken) =>
        await portal.GetDocumentAsync(ApplicantId, id, cancellationToken) is { } file
            ? DocumentResponse.Pdf(HttpContext, file, download is "1" or "true")
            : NotFound();

    [HttpGet("/applicant/{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, CancellationToken cancellationToken) =>
        await portal.GetWithdrawalAsync(ApplicantId, id, cancellationToken) switch
        {
            null => NotFound(),
            { Allowed: false } application => View("WithdrawRefused", application).Refused(),
            var application => View(application),
        };

    [HttpPost("/applicant/{id:int}/withdraw")]
    public async Task<IActionResult> ConfirmWithdraw(int id, CancellationToken cancellationToken)
    {
        var pageUrl = site.Absolute("/applicant");
        var outcome = await portal.WithdrawAsync(ApplicantId, id, pageUrl, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => Redirect($"/applicant?withdrawn={id}"),
            OutcomeKind.Invalid => View("WithdrawRefused", outcome.Value).Refused(),
            _ => this.NotDone(outcome.Kind),
        };
    }
}
