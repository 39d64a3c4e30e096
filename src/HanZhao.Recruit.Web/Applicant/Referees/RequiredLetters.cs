using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Letters;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Applicant.Referees;

/// <summary>What an applicant reads about the letters their intake and route require, and how many arrived.</summary>
public sealed record RequiredLettersNote(int ApplicationId, AdmissionRoute Route, StudyPrograms Program, LetterTally Letters, bool LinkToReferees);

/// <summary>
/// "2 letters required for 申请-考核 (PhD): 1 received", on /applicant, the referees page and the
/// form's final step; nothing when the route requires none. Only for the signed-in applicant's own
/// application. The submission never waits for letters: this is a note, not a check.
/// </summary>
public sealed class RequiredLettersViewComponent(RecruitDbContext db, UserManager<RecruitUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int applicationId, bool linkToReferees)
    {
        var applicantId = users.GetUserId(UserClaimsPrincipal);
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId && a.ApplicantId == applicantId)
            .Select(a => new { a.Route, a.Program }).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (application is null)
        {
            return Content(string.Empty);
        }

        var letters = await LetterTallies.ForAsync(db, applicationId, HttpContext.RequestAborted);
        return letters.Required == 0
            ? Content(string.Empty)
            : View("/Applicant/Referees/Views/_Required.cshtml", new RequiredLettersNote(applicationId, application.Route, application.Program, letters, linkToReferees));
    }
}
