using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.SavedViews;

/// <summary>Saving the list's current query under a name (/review/saved-views) and deleting one's own saved views.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SavedViewsController(SavedViewList views) : Controller
{
    [HttpPost("/review/saved-views")]
    public async Task<IActionResult> Save(SavedViewForm form, CancellationToken cancellationToken)
    {
        var outcome = await views.SaveAsync(User, form, cancellationToken);
        return outcome.IsDone
            ? Redirect(new SavedViewLink(0, string.Empty, SavedViewList.Canonical(form.Query)).Href)
            : View("Save", new SavedViewPage(form, outcome.Errors)).Refused();
    }

    [HttpPost("/review/saved-views/{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var outcome = await views.DeleteAsync(User, id, cancellationToken);
        return outcome.IsDone ? Redirect("/review") : this.NotDone(outcome.Kind);
    }
}
