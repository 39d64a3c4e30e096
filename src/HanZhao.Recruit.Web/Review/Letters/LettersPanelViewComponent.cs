using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Letters;

/// <summary>The referees' letters on the reader, invoked as <c>Component.InvokeAsync("LettersPanel", new { applicationId })</c>.</summary>
public sealed class LettersPanelViewComponent(ReceivedLetters letters) : ViewComponent
{
    /// <summary>The view lives with the capability, not under the calling page's folder.</summary>
    public const string ViewPath = "/Review/Letters/Views/_LettersPanel.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(int applicationId) =>
        View(ViewPath, await letters.PanelAsync(UserClaimsPrincipal, applicationId, HttpContext.RequestAborted));
}
