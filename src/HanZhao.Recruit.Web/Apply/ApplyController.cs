using System.Globalization;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.PublicSite;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>The application form: choose intake and program, the steps, the documents, submit.</summary>
[Authorize(Roles = Roles.Applicant)]
public class ApplyController(
    ApplicationService applications, PublicContent content, UserManager<RecruitUser> users, IStringLocalizer<SharedResource> localizer) : Controller
{
    private string ApplicantId => users.GetUserId(User)!;

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    [HttpGet("/apply")]
    public async Task<IActionResult> Start(string? intake, string? program, CancellationToken cancellationToken)
    {
        if (intake is null && program is null)
        {
            return View("Choose", new ApplyChooseViewModel(await content.GetIntakesAsync(cancellationToken), null));
        }

        var (application, error) = await applications.StartAsync(ApplicantId, intake, program, Culture, cancellationToken);
        if (application is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Choose", new ApplyChooseViewModel(await content.GetIntakesAsync(cancellationToken), error));
        }

        return ApplicationService.IsEditable(application) ? RedirectToStep(application.Id, ApplicationStep.Personal) : Redirect("/applicant");
    }

    [HttpGet("/apply/{id:int}")]
    public IActionResult Continue(int id) => RedirectToStep(id, ApplicationStep.Personal);

    [HttpGet("/apply/{id:int}/{step}")]
    public async Task<IActionResult> Step(int id, string step, CancellationToken cancellationToken)
    {
        if (await FindEditableAsync(id, cancellationToken) is not { } application || ApplicationSteps.FromSlug(step) is not { } current)
        {
            return NotFound();
        }

        return await StepViewAsync(application, current, ApplicationForm.From(application), cancellationToken);
    }

    /// <summary>Saves a step. <paramref name="go"/> is "next", "back" or "save"; the autosave timer sends X-Autosave.</summary>
    [HttpPost("/apply/{id:int}/{step}")]
    public async Task<IActionResult> Save(int id, string step, ApplicationForm form, string? go, CancellationToken cancellationToken)
    {
        if (await FindEditableAsync(id, cancellationToken) is not { } application || ApplicationSteps.FromSlug(step) is not { } current
            || current is ApplicationStep.Documents or ApplicationStep.Review)
        {
            return NotFound();
        }

        var autosave = Request.Headers.ContainsKey("X-Autosave");
        // A draft may be saved incomplete; moving on requires the step's required fields.
        var complete = go == "next" && !autosave;
        foreach (var key in ModelState.Keys.Where(k => !ApplicationForm.FieldsOf(current).Contains(k.Split('[')[0])).ToList())
        {
            ModelState.Remove(key);
        }

        foreach (var (field, message) in await applications.ProblemsAsync(form, current, complete, cancellationToken))
        {
            ModelState.AddModelError(field, localizer[message]);
        }

        if (!ModelState.IsValid)
        {
            if (autosave)
            {
                return UnprocessableEntity(ModelState.Where(e => e.Value!.Errors.Count > 0)
                    .ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage)));
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await StepViewAsync(application, current, form, cancellationToken);
        }

        await applications.SaveStepAsync(application, current, form, Culture, cancellationToken);
        if (autosave)
        {
            return NoContent();
        }

        var target = go switch
        {
            "next" => current.Next() ?? current,
            "back" => current.Previous() ?? current,
            _ => current,
        };
        return RedirectToStep(id, target);
    }

    [HttpPost("/apply/{id:int}/documents")]
    [RequestSizeLimit(PdfUpload.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = PdfUpload.MaxRequestBytes)]
    public async Task<IActionResult> Upload(int id, DocumentKind? kind, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await FindEditableAsync(id, cancellationToken) is not { } application)
        {
            return NotFound();
        }

        var (checkedFile, error) = kind is null || !Enum.IsDefined(kind.Value)
            ? (null, "Choose what kind of document this is.")
            : await PdfUpload.ReadAsync(file, cancellationToken);
        error ??= await applications.AddDocumentAsync(application, kind!.Value, checkedFile!, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError("file", localizer[error]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await StepViewAsync(application, ApplicationStep.Documents, ApplicationForm.From(application), cancellationToken);
        }

        return RedirectToStep(id, ApplicationStep.Documents);
    }

    [HttpPost("/apply/{id:int}/documents/{documentId:int}/delete")]
    public async Task<IActionResult> RemoveDocument(int id, int documentId, CancellationToken cancellationToken) =>
        await FindEditableAsync(id, cancellationToken) is { } application
        && await applications.RemoveDocumentAsync(application, documentId, cancellationToken)
            ? RedirectToStep(id, ApplicationStep.Documents)
            : NotFound();

    [HttpPost("/apply/{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, bool consent, string? website, CancellationToken cancellationToken)
    {
        if (await applications.FindOwnAsync(id, ApplicantId, cancellationToken) is not { } application)
        {
            return NotFound();
        }

        // The honeypot: people never see this field, form-filling bots do.
        var error = !string.IsNullOrEmpty(website)
            ? "Your submission could not be accepted."
            : await applications.SubmitAsync(application, consent, Culture, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, localizer[error]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await StepViewAsync(application, ApplicationStep.Review, ApplicationForm.From(application), cancellationToken);
        }

        return Redirect($"/apply/{id}/submitted");
    }

    [HttpGet("/apply/{id:int}/submitted")]
    public async Task<IActionResult> Submitted(int id, CancellationToken cancellationToken) =>
        await applications.FindOwnAsync(id, ApplicantId, cancellationToken) is { ReferenceNumber: not null } application
            ? View(application)
            : NotFound();

    private async Task<HanZhao.Recruit.Data.Applications.Application?> FindEditableAsync(int id, CancellationToken cancellationToken) =>
        await applications.FindOwnAsync(id, ApplicantId, cancellationToken) is { } application && ApplicationService.IsEditable(application)
            ? application
            : null;

    private async Task<ViewResult> StepViewAsync(
        HanZhao.Recruit.Data.Applications.Application application, ApplicationStep step, ApplicationForm form, CancellationToken cancellationToken) =>
        View("Step", new ApplyStepViewModel(
            application, step, form,
            await applications.InterestsAsync(cancellationToken),
            step == ApplicationStep.Review ? await applications.MissingAsync(application, cancellationToken) : []));

    private RedirectResult RedirectToStep(int id, ApplicationStep step) => Redirect($"/apply/{id}/{step.Slug()}");
}
