using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Interviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Applicant.Interview;

/// <summary>
/// The interview of one application on the applicant's page (/applicant): shown once invited, with
/// the booked time in Shanghai time and the applicant's own, the mode and place, and the way to change it.
/// </summary>
public sealed class ApplicantInterviewViewComponent(InterviewBookings bookings, UserManager<RecruitUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int applicationId) =>
        users.GetUserId(UserClaimsPrincipal) is { } applicantId
            && await bookings.GetPageAsync(applicantId, applicationId, HttpContext.RequestAborted) is { Invitation: not null } page
            ? View("/Applicant/Interview/Views/_Summary.cshtml", page)
            : Content(string.Empty);
}
