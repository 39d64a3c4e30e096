using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Templates;

/// <summary>
/// The professor's email templates (/review/templates): the list, the editor of one status and
/// language with its preview, and restoring the built-in text. A refused template answers 400.
/// </summary>
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TemplatesController(TemplateEditor editor) : Controller
{
    [HttpGet("/review/templates")]
    public async Task<IActionResult> Templates(CancellationToken cancellationToken) =>
        View(await editor.GetListAsync(cancellationToken));

    /// <summary>An official step's built-in email (read only); an unknown step or language is 404.</summary>
    [HttpGet("/review/templates/milestones/{kind}/{culture}")]
    public IActionResult MilestoneTemplate(MilestoneKind? kind, string culture) =>
        kind is { } step && editor.GetMilestonePage(step, culture) is { } page ? View(page) : NotFound();

    [HttpGet("/review/templates/{status}/{culture}")]
    public async Task<IActionResult> Template(ApplicationStatus status, string culture, TemplateQuery query, CancellationToken cancellationToken) =>
        await editor.GetPageAsync(status, culture, query, cancellationToken) is { } page ? View(page) : NotFound();

    /// <summary>Saves the template, or with <c>preview</c> only shows the email it would write.</summary>
    [HttpPost("/review/templates/{status}/{culture}")]
    public async Task<IActionResult> SaveTemplate(
        ApplicationStatus status, string culture, [FromForm] TemplateForm form, CancellationToken cancellationToken)
    {
        var outcome = await editor.SaveAsync(User, status, culture, form, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done when form.IsPreview => View(nameof(Template), outcome.Value),
            OutcomeKind.Done => Redirect($"/review/templates/{status}/{outcome.Value!.Culture}?saved=true"),
            OutcomeKind.Invalid => View(nameof(Template), outcome.Value).Refused(),
            _ => this.NotDone(outcome.Kind),
        };
    }

    [HttpPost("/review/templates/{status}/{culture}/restore")]
    public async Task<IActionResult> RestoreTemplate(ApplicationStatus status, string culture, CancellationToken cancellationToken) =>
        await editor.RestoreAsync(User, status, culture, cancellationToken) is { IsDone: true, Value: { } restored }
            ? Redirect($"/review/templates/{status}/{restored}?restored=true")
            : NotFound();
}
