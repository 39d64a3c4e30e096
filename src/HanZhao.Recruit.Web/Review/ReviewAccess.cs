using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;

namespace HanZhao.Recruit.Web.Review;

/// <summary>
/// Which applications a staff member may see: the professor all submitted ones, a co-reviewer only
/// those assigned to them. Every review query starts here, so no page can forget the rule.
/// Drafts are the applicant's own until submitted.
/// </summary>
public static class ReviewAccess
{
    public static IQueryable<Application> VisibleTo(this RecruitDbContext db, ClaimsPrincipal user)
    {
        var submitted = db.Applications.Where(a => a.Status != ApplicationStatus.Draft);
        if (user.IsInRole(Roles.Professor))
        {
            return submitted;
        }

        if (!user.IsInRole(Roles.Reviewer) || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } reviewerId)
        {
            return submitted.Where(_ => false);
        }

        return submitted.Where(a => db.ReviewerAssignments.Any(r => r.ApplicationId == a.Id && r.ReviewerId == reviewerId));
    }
}
