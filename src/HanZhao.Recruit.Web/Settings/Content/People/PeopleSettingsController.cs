using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Settings.Content.Photos;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Settings.Content.People;

/// <summary>The lab's members in the content editor: professor-only like the rest of it.</summary>
[Route("review/settings/content/people")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PeopleSettingsController(PeopleEditor people) : Controller
{
    private const string ListUrl = "/review/settings/content/people";
    private const long PhotoRequestBytes = PhotoProcessor.MaxBytes + (64 * 1024);

    [HttpGet("")]
    public async Task<IActionResult> Index(PeopleListQuery query, CancellationToken cancellationToken) =>
        View(new PeopleListPage(await people.ListAsync(cancellationToken), new MemberForm(), new FormErrors(), query.Done));

    [HttpPost("")]
    public async Task<IActionResult> Add([FromForm] MemberForm form, CancellationToken cancellationToken)
    {
        var result = await people.AddAsync(User, form, cancellationToken);
        return result.IsDone
            ? Redirect($"{ListUrl}?done=added")
            : View(nameof(Index), new PeopleListPage(await people.ListAsync(cancellationToken), form, result.Errors, null)).Refused();
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await EditPageAsync(id, null, new FormErrors(), null, new FormErrors(), new FormErrors(), cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [FromForm] MemberForm form, CancellationToken cancellationToken) =>
        await Respond(id, await people.UpdateAsync(User, id, form, cancellationToken), "saved", form, null, null, cancellationToken);

    [HttpPost("{id:int}/alumni")]
    public async Task<IActionResult> MoveToAlumni(int id, [FromForm] AlumniForm form, CancellationToken cancellationToken) =>
        await Respond(id, await people.MoveToAlumniAsync(User, id, form, cancellationToken), "alumni", null, form, null, cancellationToken);

    [HttpPost("{id:int}/photo")]
    [RequestSizeLimit(PhotoRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = PhotoRequestBytes)]
    public async Task<IActionResult> UploadPhoto(int id, IFormFile? photo, CancellationToken cancellationToken) =>
        await Respond(id, await people.SetPhotoAsync(User, id, photo, cancellationToken), null, null, null, true, cancellationToken);

    [HttpPost("{id:int}/photo/delete")]
    public async Task<IActionResult> RemovePhoto(int id, CancellationToken cancellationToken) =>
        await Respond(id, await people.RemovePhotoAsync(User, id, cancellationToken), null, null, null, true, cancellationToken);

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await Respond(id, await people.DeleteAsync(User, id, cancellationToken), "deleted", null, null, null, cancellationToken);

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, MoveDirection direction, CancellationToken cancellationToken)
    {
        if (direction.Up is not { } up)
        {
            return BadRequest();
        }

        var result = await people.MoveAsync(User, id, up, cancellationToken);
        return result.IsDone ? Redirect($"{ListUrl}?done=moved#member-{id}") : this.NotDone(result.Kind);
    }

    /// <summary>
    /// Done: back to the list (<paramref name="done"/> set) or to the member's page (a photo change).
    /// Refused: the member's page again with the messages next to the form that was sent.
    /// </summary>
    private async Task<IActionResult> Respond(int id, Outcome result, string? done, MemberForm? form, AlumniForm? alumni, bool? photo, CancellationToken cancellationToken)
    {
        if (result.IsDone)
        {
            return Redirect(done is null ? $"{ListUrl}/{id}#photo" : $"{ListUrl}?done={done}");
        }

        if (result.Kind != OutcomeKind.Invalid)
        {
            return this.NotDone(result.Kind);
        }

        var none = new FormErrors();
        var page = await EditPageAsync(id, form, form is null ? none : result.Errors, alumni, alumni is null ? none : result.Errors, photo is null ? none : result.Errors, cancellationToken);
        return page is null ? NotFound() : View(nameof(Edit), page).Refused();
    }

    private async Task<MemberEditPage?> EditPageAsync(
        int id, MemberForm? form, FormErrors errors, AlumniForm? alumni, FormErrors alumniErrors, FormErrors photoErrors, CancellationToken cancellationToken) =>
        await people.FindAsync(id, cancellationToken) is { } member
            ? new MemberEditPage(member, form ?? MemberForm.From(member), errors, alumni ?? new AlumniForm(), alumniErrors, photoErrors)
            : null;
}
