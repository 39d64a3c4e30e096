using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Review.Milestones;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Applicant.Milestones;

/// <summary>
/// The official steps of one application on the applicant's page (/applicant), drawn by their own
/// capability so that page only names where they go: shown once the application has an offer
/// (or has steps recorded), with the 待录取 countdown in Shanghai time and the reader's own.
/// </summary>
public sealed class ApplicantMilestonesViewComponent(MilestoneRecorder milestones, UserManager<RecruitUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int applicationId) =>
        users.GetUserId(UserClaimsPrincipal) is { } applicantId
            && await milestones.GetApplicantSummaryAsync(applicantId, applicationId, HttpContext.RequestAborted) is { } page
            && (page.IsOpen || page.Track.Recorded.Count > 0)
            ? View("/Applicant/Milestones/Views/_Summary.cshtml", page)
            : Content(string.Empty);
}
