using HanZhao.Recruit.Data.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Duplicates;

/// <summary>
/// The possible-duplicate flags on an application's page, with a link to each other application and
/// why it matched; the professor also gets "not a duplicate". Invoked by the page as
/// <c>Component.InvokeAsync("PossibleDuplicates", new { applicationId })</c>, so the page's own model needs nothing.
/// </summary>
public sealed class PossibleDuplicatesViewComponent(DuplicateFinder finder) : ViewComponent
{
    /// <summary>The view lives with the capability, not under the calling page's folder.</summary>
    public const string ViewPath = "/Review/Duplicates/Views/_PossibleDuplicates.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(int applicationId) =>
        View(ViewPath, new PossibleDuplicatesPanel(
            applicationId,
            await finder.FindAsync(UserClaimsPrincipal, applicationId, HttpContext.RequestAborted),
            UserClaimsPrincipal.IsInRole(Roles.Professor),
            DuplicateListQuery.Of(Request)));
}
