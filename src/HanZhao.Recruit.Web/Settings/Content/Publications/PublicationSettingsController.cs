using System.Text;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.PublicSite;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

/// <summary>
/// The professor's publications: the list by year, add, edit, delete (after a confirmation page),
/// order within a year, and import from BibTeX (preview first, then all or nothing).
/// </summary>
[Route("review/settings/content/publications")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PublicationSettingsController(
    PublicContent content, PublicationEditor publications, BibTexImporter importer, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>The largest .bib file or pasted text taken.</summary>
    public const int MaxBibTexBytes = 1024 * 1024;

    /// <summary>The file or text plus the rest of a multipart form.</summary>
    private const long MaxImportRequestBytes = MaxBibTexBytes + (64 * 1024);

    private const string ListUrl = "/review/settings/content/publications";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? done, int? count, CancellationToken cancellationToken)
    {
        var all = await content.AllPublicationsAsync(cancellationToken);
        return View(new PublicationListPage([.. all.GroupBy(p => p.Year)], done is "added" or "saved" or "deleted" or "moved" or "imported" ? done : null, count ?? 0));
    }

    [HttpGet("new")]
    public IActionResult New() =>
        View(nameof(Edit), new PublicationEditPage(null, null, new PublicationForm { Type = "Conference", CcfRank = "None" }, new FormErrors()));

    [HttpPost("new")]
    public async Task<IActionResult> Add([FromForm] PublicationForm form, CancellationToken cancellationToken)
    {
        var (errors, added) = await publications.AddAsync(User, form, cancellationToken);
        return added is null ? View(nameof(Edit), new PublicationEditPage(null, null, form, errors)).Refused() : Redirect($"{ListUrl}?done=added#publication-{added.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await publications.FindAsync(id, cancellationToken) is { } publication
            ? View(new PublicationEditPage(id, publication.Slug, PublicationForm.From(publication), new FormErrors()))
            : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [FromForm] PublicationForm form, CancellationToken cancellationToken)
    {
        if (await publications.UpdateAsync(User, id, form, cancellationToken) is not { } errors)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            return Redirect($"{ListUrl}?done=saved#publication-{id}");
        }

        var slug = (await publications.FindAsync(id, cancellationToken))?.Slug;
        return View(nameof(Edit), new PublicationEditPage(id, slug, form, errors)).Refused();
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken) =>
        await publications.FindAsync(id, cancellationToken) is { } publication ? View(nameof(Delete), publication) : NotFound();

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await publications.DeleteAsync(User, id, cancellationToken) ? Redirect($"{ListUrl}?done=deleted") : NotFound();

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, [FromForm] string? direction, CancellationToken cancellationToken)
    {
        if (direction is not ("up" or "down"))
        {
            return BadRequest();
        }

        return await publications.MoveAsync(User, id, direction == "up", cancellationToken)
            ? Redirect($"{ListUrl}?done=moved#publication-{id}")
            : NotFound();
    }

    [HttpGet("import")]
    public IActionResult Import() => View(new ImportPage("", null, null, new HashSet<int>()));

    /// <summary>Shows what the text or file would add; nothing is saved yet.</summary>
    [HttpPost("import")]
    [RequestSizeLimit(MaxImportRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxImportRequestBytes, ValueLengthLimit = MaxBibTexBytes + 1)]
    public async Task<IActionResult> Preview([FromForm] string? text, IFormFile? file, CancellationToken cancellationToken)
    {
        var (source, error) = await ReadSourceAsync(text, file, cancellationToken);
        if (error is not null)
        {
            return View(nameof(Import), new ImportPage(source, null, error, new HashSet<int>())).Refused();
        }

        var plan = await importer.PlanAsync(source, cancellationToken);
        return plan.Error is not null
            ? View(nameof(Import), new ImportPage(source, null, plan.Error, new HashSet<int>())).Refused()
            : View(nameof(Import), new ImportPage(source, plan, null, new HashSet<int>()));
    }

    /// <summary>Adds the previewed entries (and the duplicates ticked), all or nothing.</summary>
    [HttpPost("import/confirm")]
    [RequestSizeLimit(MaxImportRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxImportRequestBytes, ValueLengthLimit = MaxBibTexBytes + 1)]
    public async Task<IActionResult> ConfirmImport([FromForm] string? text, [FromForm] int[]? include, CancellationToken cancellationToken)
    {
        var (source, error) = await ReadSourceAsync(text, null, cancellationToken);
        var chosen = (include ?? []).ToHashSet();
        if (error is not null)
        {
            return View(nameof(Import), new ImportPage(source, null, error, chosen)).Refused();
        }

        var (plan, added) = await importer.ImportAsync(User, source, chosen, cancellationToken);
        return plan.Error is not null
            ? View(nameof(Import), new ImportPage(source, plan.Candidates.Count > 0 ? plan : null, plan.Error, chosen)).Refused()
            : Redirect($"{ListUrl}?done=imported&count={added}");
    }

    /// <summary>The uploaded file (UTF-8) or else the pasted text, at most 1 MB either way.</summary>
    private async Task<(string Text, string? Error)> ReadSourceAsync(string? text, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxBibTexBytes)
            {
                return ("", localizer["The file is larger than 1 MB. Import it in parts."]);
            }

            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            try
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                return ("", localizer["The file is not UTF-8 text. Save it as UTF-8 (BibTeX files usually are) and try again."]);
            }

            if (text.Contains('\0', StringComparison.Ordinal))
            {
                return ("", localizer["The file is not UTF-8 text. Save it as UTF-8 (BibTeX files usually are) and try again."]);
            }
        }

        text ??= "";
        if (Encoding.UTF8.GetByteCount(text) > MaxBibTexBytes)
        {
            return ("", localizer["The text is larger than 1 MB. Import it in parts."]);
        }

        return string.IsNullOrWhiteSpace(text) ? (text, localizer["Paste BibTeX entries or choose a .bib file."]) : (text, null);
    }
}
