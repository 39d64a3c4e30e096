using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Applicant.Data;

/// <summary>/applicant/data: what is held about the applicant, "download my data" and "erase my data".</summary>
[Authorize(Roles = Roles.Applicant)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class DataController(PersonalDataRequests requests, UserManager<RecruitUser> users, SignInManager<RecruitUser> signIn, SiteAddress site) : Controller
{
    private string ApplicantId => users.GetUserId(User) ?? throw new InvalidOperationException("A signed-in user has an id.");

    [HttpGet("/applicant/data")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await requests.SummaryAsync(ApplicantId, null, cancellationToken));

    /// <summary>The ZIP, at most once a day: the second request gets the page with why (429), no ZIP.</summary>
    [HttpPost("/applicant/data/export")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var outcome = await requests.ExportOwnAsync(ApplicantId, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => File(outcome.Value!, "application/zip", "my-data.zip"),
            OutcomeKind.Invalid => View("Index", await requests.SummaryAsync(ApplicantId, outcome.Errors, cancellationToken)).Throttled(),
            _ => this.NotDone(outcome.Kind),
        };
    }

    [HttpGet("/applicant/data/erase")]
    public async Task<IActionResult> Erase(CancellationToken cancellationToken) =>
        View(await requests.ErasePageAsync(User, ApplicantId, new EraseForm(), null, cancellationToken));

    /// <summary>Erased: signed out and told so. A stale session: a fresh link was sent (200). A wrong address: 400.</summary>
    [HttpPost("/applicant/data/erase")]
    public async Task<IActionResult> ConfirmErase(EraseForm form, CancellationToken cancellationToken)
    {
        var outcome = await requests.EraseOwnAsync(User, ApplicantId, form, site.Absolute("/applicant"), cancellationToken);
        if (outcome.Kind == OutcomeKind.Done)
        {
            await signIn.SignOutAsync();
            return Redirect("/applicant/data/erased");
        }

        var view = View("Erase", outcome.Value! with { Errors = outcome.Errors });
        return outcome.Errors.Has("fresh") ? view : view.Refused();
    }

    [AllowAnonymous]
    [HttpGet("/applicant/data/erased")]
    public IActionResult Erased() => View();
}
