using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Settings.Content;

/// <summary>
/// The professor's editor for the homepage: the profile and the lists of research interests,
/// degrees and accomplishments (publications have their own controller). Every change is audited
/// and shows on the public pages at once.
/// </summary>
[Route("review/settings/content")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ContentSettingsController(RecruitDbContext db, ContentEditor editor, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ContentHubPage(
            await db.ResearchInterests.CountAsync(cancellationToken), await db.Education.CountAsync(cancellationToken),
            await db.Accomplishments.CountAsync(cancellationToken), await db.Publications.CountAsync(cancellationToken)));

    [HttpGet("profile")]
    public async Task<IActionResult> Profile(bool saved, CancellationToken cancellationToken) =>
        View(new ProfilePage(ProfileForm.From(await editor.ProfileAsync(cancellationToken)), new FormErrors(), saved));

    [HttpPost("profile")]
    public async Task<IActionResult> SaveProfile([FromForm] ProfileForm form, CancellationToken cancellationToken)
    {
        var errors = await editor.SaveProfileAsync(User, form, cancellationToken);
        return errors.Any
            ? View("Profile", new ProfilePage(form, errors, false)).Refused()
            : Redirect("/review/settings/content/profile?saved=true");
    }

    [HttpGet("{section}")]
    public async Task<IActionResult> List(string section, string? done, CancellationToken cancellationToken) =>
        ContentEditor.TryParseSection(section, out var s)
            ? View("List", await ListPageAsync(s, new ItemForm(), new FormErrors(), done is "added" or "saved" or "deleted" or "moved" ? done : null, null, cancellationToken))
            : NotFound();

    [HttpPost("{section}")]
    public async Task<IActionResult> Add(string section, [FromForm] ItemForm form, CancellationToken cancellationToken)
    {
        if (!ContentEditor.TryParseSection(section, out var s))
        {
            return NotFound();
        }

        var errors = await editor.AddItemAsync(User, s, form, cancellationToken);
        return errors.Any
            ? View("List", await ListPageAsync(s, form, errors, null, null, cancellationToken)).Refused()
            : Redirect($"{ListUrl(s)}?done=added");
    }

    [HttpGet("{section}/{id:int}")]
    public async Task<IActionResult> Edit(string section, int id, CancellationToken cancellationToken) =>
        ContentEditor.TryParseSection(section, out var s) && await editor.FindItemAsync(s, id, cancellationToken) is { } item
            ? View("Edit", new ItemEditPage(s, id, ItemForm.From(item), new FormErrors()))
            : NotFound();

    [HttpPost("{section}/{id:int}")]
    public async Task<IActionResult> Update(string section, int id, [FromForm] ItemForm form, CancellationToken cancellationToken)
    {
        if (!ContentEditor.TryParseSection(section, out var s) || await editor.UpdateItemAsync(User, s, id, form, cancellationToken) is not { } errors)
        {
            return NotFound();
        }

        return errors.Any ? View("Edit", new ItemEditPage(s, id, form, errors)).Refused() : Redirect($"{ListUrl(s)}?done=saved");
    }

    [HttpPost("{section}/{id:int}/delete")]
    public async Task<IActionResult> Delete(string section, int id, CancellationToken cancellationToken)
    {
        if (!ContentEditor.TryParseSection(section, out var s))
        {
            return NotFound();
        }

        var (outcome, applications) = await editor.DeleteItemAsync(User, s, id, cancellationToken);
        return outcome switch
        {
            DeleteOutcome.NotFound => NotFound(),
            DeleteOutcome.InUse => View("List", await ListPageAsync(s, new ItemForm(), new FormErrors(), null,
                localizer["{0} applications chose this research interest, so it cannot be deleted: they would lose it. Edit its name instead.", applications],
                cancellationToken)).Refused(),
            _ => Redirect($"{ListUrl(s)}?done=deleted"),
        };
    }

    [HttpPost("{section}/{id:int}/move")]
    public async Task<IActionResult> Move(string section, int id, [FromForm] string? direction, CancellationToken cancellationToken)
    {
        if (!ContentEditor.TryParseSection(section, out var s))
        {
            return NotFound();
        }

        if (direction is not ("up" or "down"))
        {
            return BadRequest();
        }

        return await editor.MoveItemAsync(User, s, id, direction == "up", cancellationToken)
            ? Redirect($"{ListUrl(s)}?done=moved#item-{id}")
            : NotFound();
    }

    private static string ListUrl(ContentSection section) => $"/review/settings/content/{ContentEditor.Slug(section)}";

    private async Task<ItemListPage> ListPageAsync(ContentSection section, ItemForm form, FormErrors errors, string? done, string? refusal, CancellationToken cancellationToken) =>
        new(section, await editor.ListAsync(section, cancellationToken), form, errors, done, refusal);
}
