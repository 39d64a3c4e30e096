using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.PublicSite;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// The application form (/apply): choose intake and program, the steps, the documents, submit
/// (see <see cref="ApplicationService"/>). A refused post shows its step again (400) with what was typed.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class ApplyController(ApplicationService applications, PublicContent content, UserManager<RecruitUser> users) : Controller
{
    private string ApplicantId => users.GetUserId(User)!;

    [HttpGet("/apply")]
    public async Task<IActionResult> Start(string? intake, string? program, CancellationToken cancellationToken)
    {
        if (intake is null && program is null)
        {
            return View("Choose", new ApplyChooseViewModel(await content.GetIntakesAsync(cancellationToken), new FormErrors()));
        }

        var outcome = await applications.StartAsync(ApplicantId, intake, program, cancellationToken);
        if (outcome is not { IsDone: true, Value: { } application })
        {
            return View("Choose", new ApplyChooseViewModel(await content.GetIntakesAsync(cancellationToken), outcome.Errors)).Refused();
        }

        return ApplicationService.IsEditable(application) ? Redirect(new ApplicationAtStep(application, ApplicationSteps.First).Url) : Redirect("/applicant");
    }

    [HttpGet("/apply/{id:int}")]
    public IActionResult Continue(int id) => Redirect($"/apply/{id}/{ApplicationSteps.First.Slug()}");

    [HttpGet("/apply/{id:int}/{step}")]
    public async Task<IActionResult> Step(int id, string step, CancellationToken cancellationToken) =>
        await applications.FindStepAsync(ApplicantId, id, step, cancellationToken) is { } at
            ? View(await applications.StepPageAsync(at, null, null, cancellationToken))
            : NotFound();

    /// <summary>
    /// Saves a step. <paramref name="go"/> is "next", "back" or "save". The autosave timer sends
    /// X-Autosave and gets 204, or 422 with each field's messages.
    /// </summary>
    [HttpPost("/apply/{id:int}/{step}")]
    public async Task<IActionResult> Save(int id, string step, ApplicationForm form, string? go, CancellationToken cancellationToken)
    {
        var autosave = Request.Headers.ContainsKey("X-Autosave");
        var outcome = await applications.SaveStepAsync(ApplicantId, id, step, form, FormErrors.From(ModelState), go, autosave, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done when autosave => NoContent(),
            OutcomeKind.Invalid when autosave => UnprocessableEntity(StepErrors.ByField(outcome.Errors)),
            _ => await AnswerAsync(outcome, form, cancellationToken),
        };
    }

    [HttpPost("/apply/{id:int}/documents")]
    [RequestSizeLimit(PdfUpload.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = PdfUpload.MaxRequestBytes)]
    public async Task<IActionResult> Upload(int id, DocumentKind? kind, IFormFile? file, CancellationToken cancellationToken)
    {
        var outcome = await applications.UploadAsync(ApplicantId, id, kind, file, FormErrors.From(ModelState), cancellationToken);
        return await AnswerAsync(outcome, null, cancellationToken);
    }

    [HttpPost("/apply/{id:int}/documents/{documentId:int}/delete")]
    public async Task<IActionResult> RemoveDocument(int id, int documentId, CancellationToken cancellationToken) =>
        (await applications.RemoveDocumentAsync(ApplicantId, id, documentId, cancellationToken)).IsDone
            ? Redirect($"/apply/{id}/{ApplicationStep.Documents.Slug()}")
            : NotFound();

    [HttpPost("/apply/{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, bool consent, string? website, CancellationToken cancellationToken)
    {
        var outcome = await applications.SubmitAsync(ApplicantId, id, consent, website, FormErrors.From(ModelState), cancellationToken);
        return outcome.IsDone ? Redirect($"/apply/{id}/submitted") : await AnswerAsync(outcome, null, cancellationToken);
    }

    [HttpGet("/apply/{id:int}/submitted")]
    public async Task<IActionResult> Submitted(int id, CancellationToken cancellationToken) =>
        await applications.FindOwnAsync(id, ApplicantId, cancellationToken) is { ReferenceNumber: not null } application
            ? View(application)
            : NotFound();

    /// <summary>Done: on to the step the change leads to. Refused: the step again (400) with <paramref name="form"/> as typed (or as stored) and the messages.</summary>
    private async Task<IActionResult> AnswerAsync(Outcome<ApplicationAtStep> outcome, ApplicationForm? form, CancellationToken cancellationToken) =>
        outcome.Kind switch
        {
            OutcomeKind.Done => Redirect(outcome.Value!.Url),
            OutcomeKind.Invalid => View("Step", await applications.StepPageAsync(outcome.Value!, form, outcome.Errors, cancellationToken)).Refused(),
            _ => this.NotDone(outcome.Kind),
        };
}
