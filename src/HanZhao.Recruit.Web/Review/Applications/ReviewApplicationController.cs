using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Applications;

/// <summary>
/// One application as staff see it (/review/applications/{id}) and the notes, tags and scores they
/// put on it. The dashboard's query string rides along on every link and form, so previous/next and
/// "back to the list" stay within the list the staff member came from.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ReviewApplicationController(ApplicationReview review) : Controller
{
    [HttpGet("/review/applications/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await GetPageAsync(id, cancellationToken) is { } page ? View(page) : NotFound();

    /// <summary>A document of an application the user may not see answers 404 like a missing one.</summary>
    [HttpGet("/review/documents/{id:int}")]
    public async Task<IActionResult> Document(int id, string? download, CancellationToken cancellationToken) =>
        await review.GetDocumentAsync(User, id, cancellationToken) is { } file
            ? DocumentResponse.Pdf(HttpContext, file, download is "1" or "true")
            : NotFound();

    [HttpPost("/review/applications/{id:int}/notes")]
    public async Task<IActionResult> AddNote(int id, [FromForm] string? text, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await review.AddNoteAsync(User, id, text, cancellationToken), "notes", "text",
            page => page with { NoteDraft = text }, cancellationToken);

    /// <summary>The professor only; a reviewer who can see the application is refused (403), one who cannot gets 404.</summary>
    [HttpPost("/review/applications/{id:int}/tags")]
    public async Task<IActionResult> ChangeTag(int id, [FromForm] string? name, [FromForm] string? operation, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await review.ChangeTagAsync(User, id, name, operation == "remove", cancellationToken), "tags", "name",
            page => page with { TagDraft = name }, cancellationToken);

    [HttpPost("/review/applications/{id:int}/score")]
    public async Task<IActionResult> SaveScore(int id, [FromForm] ScoreForm form, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await review.SaveScoreAsync(User, id, form, cancellationToken), "scores", "score",
            page => page with { ScoreDraft = form }, cancellationToken);

    private Task<ApplicationReviewPage?> GetPageAsync(int id, CancellationToken cancellationToken) =>
        review.GetPageAsync(User, id, Request.Query, cancellationToken);

    /// <summary>Done: back to the page (same list query) at the section changed. Refused: the page again, with the message and what was typed, as 400.</summary>
    private async Task<IActionResult> AnswerAsync(
        int id, ReviewResult result, string section, string field, Func<ApplicationReviewPage, ApplicationReviewPage> keepInput, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case ReviewOutcome.Done:
                return LocalRedirect($"/review/applications/{id}{Request.QueryString}#{section}");
            case ReviewOutcome.Forbidden:
                return Forbid();
            case ReviewOutcome.Invalid when await GetPageAsync(id, cancellationToken) is { } page:
                ModelState.AddModelError(field, result.Error ?? string.Empty);
                var view = View(nameof(Details), keepInput(page));
                view.StatusCode = StatusCodes.Status400BadRequest;
                return view;
            default:
                return NotFound();
        }
    }
}
