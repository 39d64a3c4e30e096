using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.InterviewOutcome;

/// <summary>
/// The interview on the reader, invoked as <c>Component.InvokeAsync("InterviewPanel", new { applicationId, listQuery })</c>.
/// A refused outcome comes back through <see cref="DraftKey"/> in the page's ViewData (set by
/// <see cref="InterviewOutcomeController"/>), so the form shows what was typed beside the message.
/// </summary>
public sealed class InterviewPanelViewComponent(InterviewOutcomes outcomes) : ViewComponent
{
    /// <summary>The view lives with the capability, not under the calling page's folder.</summary>
    public const string ViewPath = "/Review/InterviewOutcome/Views/_InterviewPanel.cshtml";

    public const string DraftKey = "InterviewOutcomeDraft";

    public async Task<IViewComponentResult> InvokeAsync(int applicationId, string listQuery)
    {
        var panel = await outcomes.PanelAsync(UserClaimsPrincipal, applicationId, HttpContext.RequestAborted) with { ListQuery = listQuery };
        return View(ViewPath, ViewData[DraftKey] is (InterviewOutcomeForm draft, FormErrors errors) ? panel with { Draft = draft, Errors = errors } : panel);
    }
}
