using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Review.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Applications;

/// <summary>
/// One application as staff see it (/review/applications/{id}) and the notes, tags and scores they
/// put on it. The dashboard's query string rides along on every link and form, so previous/next and
/// "back to the list" stay within the list the staff member came from (read from the query string
/// only, so a posted field never passes for a filter).
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ApplicationsController(ApplicationReview review) : Controller
{
    [HttpGet("/review/applications/{id:int}")]
    public async Task<IActionResult> Details(int id, DashboardQuery list, CancellationToken cancellationToken) =>
        await review.GetPageAsync(User, id, list, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("/review/applications/{id:int}/notes")]
    public async Task<IActionResult> AddNote(
        int id, [FromQuery] DashboardQuery list, [FromForm] string? text, CancellationToken cancellationToken) =>
        await AnswerAsync(id, list, await review.AddNoteAsync(User, id, text, cancellationToken), "notes",
            page => page with { NoteDraft = text }, cancellationToken);

    /// <summary>
    /// The professor only; a reviewer who can see the application is refused (403), one who cannot gets 404.
    /// An operation that is not add or remove (or none) is a broken form: 400, nothing changed.
    /// </summary>
    [HttpPost("/review/applications/{id:int}/tags")]
    public async Task<IActionResult> ChangeTag(
        int id, [FromQuery] DashboardQuery list, [FromForm] string? name, [FromForm] TagOperation? operation, CancellationToken cancellationToken) =>
        operation is not { } change
            ? BadRequest()
            : await AnswerAsync(id, list, await review.ChangeTagAsync(User, id, name, change == TagOperation.Remove, cancellationToken), "tags",
                page => page with { TagDraft = name }, cancellationToken);

    /// <summary>Saves the score; "Save and next" (then=next) goes on to the next application of the list, found before saving.</summary>
    [HttpPost("/review/applications/{id:int}/score")]
    public async Task<IActionResult> SaveScore(
        int id, [FromQuery] DashboardQuery list, [FromForm] ScoreForm form, CancellationToken cancellationToken)
    {
        if (form.GoesNext is not { } goesNext)
        {
            return BadRequest();
        }

        var next = goesNext ? await review.NextUrlAsync(User, id, list, cancellationToken) : null;
        return await AnswerAsync(id, list, await review.SaveScoreAsync(User, id, form, cancellationToken), "scores",
            page => page with { ScoreDraft = form }, cancellationToken, next);
    }

    /// <summary>Done: back to the page (same list query) at the section changed, or on to <paramref name="next"/>. Refused: the page again, with the message and what was typed, as 400.</summary>
    private async Task<IActionResult> AnswerAsync(
        int id, DashboardQuery list, Outcome outcome, string section, Func<ApplicationReviewPage, ApplicationReviewPage> keepInput, CancellationToken cancellationToken,
        string? next = null) =>
        outcome.Kind switch
        {
            OutcomeKind.Done => LocalRedirect(next ?? $"/review/applications/{id}{Request.QueryString}#{section}"),
            OutcomeKind.Invalid => await review.GetPageAsync(User, id, list, cancellationToken) is { } page
                ? View(nameof(Details), keepInput(page) with { Errors = outcome.Errors }).Refused()
                : NotFound(),
            _ => this.NotDone(outcome.Kind),
        };
}
