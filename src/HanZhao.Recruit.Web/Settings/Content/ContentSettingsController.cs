using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Settings.Content.Photos;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Settings.Content;

/// <summary>
/// The professor's editor for the homepage: the profile and the lists of research interests,
/// degrees and accomplishments (publications have their own controller). Every change is audited
/// and shows on the public pages at once. A section that is not one of the lists is not found.
/// </summary>
[Route("review/settings/content")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ContentSettingsController(ContentEditor editor, PhotoStore photos) : Controller
{
    /// <summary>The photo and the form around it; larger bodies get 413 before they are read.</summary>
    private const long PhotoRequestBytes = PhotoProcessor.MaxBytes + (64 * 1024);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await editor.HubAsync(cancellationToken));

    [HttpGet("profile")]
    public async Task<IActionResult> Profile(bool saved, CancellationToken cancellationToken)
    {
        var profile = await editor.ProfileAsync(cancellationToken);
        return View(new ProfilePage(ProfileForm.From(profile), new FormErrors(), saved, profile.Photo));
    }

    [HttpPost("profile")]
    public async Task<IActionResult> SaveProfile([FromForm] ProfileForm form, CancellationToken cancellationToken)
    {
        var result = await editor.SaveProfileAsync(User, form, cancellationToken);
        return result.IsDone
            ? Redirect("/review/settings/content/profile?saved=true")
            : View(nameof(Profile), new ProfilePage(form, result.Errors, false, (await editor.ProfileAsync(cancellationToken)).Photo)).Refused();
    }

    /// <summary>Replaces the photo with the upload, re-encoded (the profile form around it is not touched).</summary>
    [HttpPost("profile/photo")]
    [RequestSizeLimit(PhotoRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = PhotoRequestBytes)]
    public async Task<IActionResult> UploadPhoto(IFormFile? photo, CancellationToken cancellationToken)
    {
        var result = await photos.SetProfilePhotoAsync(User, photo, cancellationToken);
        if (result.IsDone)
        {
            return Redirect("/review/settings/content/profile?saved=true#photo");
        }

        var profile = await editor.ProfileAsync(cancellationToken);
        return View(nameof(Profile), new ProfilePage(ProfileForm.From(profile), new FormErrors(), false, profile.Photo, result.Errors)).Refused();
    }

    [HttpPost("profile/photo/delete")]
    public async Task<IActionResult> RemovePhoto(CancellationToken cancellationToken)
    {
        await photos.RemoveProfilePhotoAsync(User, cancellationToken);
        return Redirect("/review/settings/content/profile?saved=true#photo");
    }

    [HttpGet("{section}")]
    public async Task<IActionResult> List(string section, ItemListQuery query, CancellationToken cancellationToken) =>
        ContentEditor.TryParseSection(section, out var s)
            ? View(await ListPageAsync(s, query.Done, new ItemForm(), new FormErrors(), new FormErrors(), cancellationToken))
            : NotFound();

    [HttpPost("{section}")]
    public async Task<IActionResult> Add(string section, [FromForm] ItemForm form, CancellationToken cancellationToken)
    {
        if (!ContentEditor.TryParseSection(section, out var s))
        {
            return NotFound();
        }

        var result = await editor.AddItemAsync(User, s, form, cancellationToken);
        return result.IsDone
            ? Redirect($"{ListUrl(s)}?done=added")
            : View(nameof(List), await ListPageAsync(s, null, form, result.Errors, new FormErrors(), cancellationToken)).Refused();
    }

    [HttpGet("{section}/{id:int}")]
    public async Task<IActionResult> Edit(string section, int id, CancellationToken cancellationToken) =>
        ContentEditor.TryParseSection(section, out var s) && await editor.FindItemAsync(s, id, cancellationToken) is { } item
            ? View(new ItemEditPage(s, id, ItemForm.From(item), new FormErrors()))
            : NotFound();

    [HttpPost("{section}/{id:int}")]
    public async Task<IActionResult> Update(string section, int id, [FromForm] ItemForm form, CancellationToken cancellationToken)
    {
        if (!ContentEditor.TryParseSection(section, out var s))
        {
            return NotFound();
        }

        var result = await editor.UpdateItemAsync(User, s, id, form, cancellationToken);
        return result.Kind switch
        {
            OutcomeKind.Done => Redirect($"{ListUrl(s)}?done=saved"),
            OutcomeKind.Invalid => View(nameof(Edit), new ItemEditPage(s, id, form, result.Errors)).Refused(),
            _ => this.NotDone(result.Kind),
        };
    }

    [HttpPost("{section}/{id:int}/delete")]
    public async Task<IActionResult> Delete(string section, int id, CancellationToken cancellationToken)
    {
        if (!ContentEditor.TryParseSection(section, out var s))
        {
            return NotFound();
        }

        var result = await editor.DeleteItemAsync(User, s, id, cancellationToken);
        return result.Kind switch
        {
            OutcomeKind.Done => Redirect($"{ListUrl(s)}?done=deleted"),
            OutcomeKind.Invalid => View(nameof(List), await ListPageAsync(s, null, new ItemForm(), new FormErrors(), result.Errors, cancellationToken)).Refused(),
            _ => this.NotDone(result.Kind),
        };
    }

    [HttpPost("{section}/{id:int}/move")]
    public async Task<IActionResult> Move(string section, int id, MoveDirection direction, CancellationToken cancellationToken)
    {
        if (!ContentEditor.TryParseSection(section, out var s))
        {
            return NotFound();
        }

        if (direction.Up is not { } up)
        {
            return BadRequest();
        }

        var result = await editor.MoveItemAsync(User, s, id, up, cancellationToken);
        return result.IsDone ? Redirect($"{ListUrl(s)}?done=moved#item-{id}") : this.NotDone(result.Kind);
    }

    private static string ListUrl(ContentSection section) => $"/review/settings/content/{ContentEditor.Slug(section)}";

    private async Task<ItemListPage> ListPageAsync(
        ContentSection section, string? done, ItemForm form, FormErrors errors, FormErrors refusal, CancellationToken cancellationToken) =>
        new(section, await editor.ListAsync(section, cancellationToken), form, errors, done, refusal);
}
