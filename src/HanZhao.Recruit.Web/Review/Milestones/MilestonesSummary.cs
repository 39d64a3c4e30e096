using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Milestones;

/// <summary>
/// The official steps on the reviewer page, drawn by their own capability so the page only names
/// where they go: shown once the application has an offer (or has steps recorded).
/// </summary>
public sealed class MilestonesSummaryViewComponent(MilestoneRecorder milestones) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int applicationId) =>
        await milestones.GetSummaryAsync(UserClaimsPrincipal, applicationId, HttpContext.RequestAborted) is { } page
            && (page.IsOpen || page.Track.Recorded.Count > 0)
            ? View("/Review/Milestones/Views/_Summary.cshtml", page)
            : Content(string.Empty);
}
