using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Duplicates;

/// <summary>
/// The professor's "not a duplicate" (/review/applications/{id}/duplicates/{other}/dismiss). The
/// flags themselves are shown by <see cref="PossibleDuplicatesViewComponent"/> on the application's page.
/// </summary>
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class DuplicatesController(DuplicateFinder finder) : Controller
{
    /// <summary>Done: back to the application (the list's query string rides along) at the flags; a pair that is not flagged: 400, nothing stored.</summary>
    [HttpPost("/review/applications/{id:int}/duplicates/{other:int}/dismiss")]
    public async Task<IActionResult> Dismiss(int id, int other, CancellationToken cancellationToken)
    {
        var outcome = await finder.DismissAsync(User, id, other, cancellationToken);
        var back = $"/review/applications/{id}{DuplicateListQuery.Of(Request)}";
        return outcome.Kind switch
        {
            OutcomeKind.Done => LocalRedirect(back + "#duplicates"),
            OutcomeKind.Invalid => this.RefusedRequest(outcome.Errors.Messages.First(), back, "Back to the application"),
            _ => this.NotDone(outcome.Kind),
        };
    }
}
