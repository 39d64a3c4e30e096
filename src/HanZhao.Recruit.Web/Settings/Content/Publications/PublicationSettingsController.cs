using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.PublicSite;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

/// <summary>
/// The professor's publications: the list by year, add, edit, delete (after a confirmation page),
/// order within a year, and import from BibTeX (preview first, then all or nothing).
/// </summary>
[Route("review/settings/content/publications")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PublicationSettingsController(PublicContent content, PublicationEditor publications, BibTexImporter importer, DblpImport dblp) : Controller
{
    /// <summary>The file or text plus the rest of a multipart form.</summary>
    private const long MaxImportRequestBytes = BibTexImporter.MaxBibTexBytes + (64 * 1024);

    private const string ListUrl = "/review/settings/content/publications";

    [HttpGet("")]
    public async Task<IActionResult> Index(PublicationListQuery query, CancellationToken cancellationToken) =>
        View(new PublicationListPage([.. (await content.AllPublicationsAsync(cancellationToken)).GroupBy(p => p.Year)], query.Done, query.Count) { Updated = query.Updated });

    [HttpGet("new")]
    public IActionResult New() => View(nameof(Edit), PublicationEditPage.New());

    [HttpPost("new")]
    public async Task<IActionResult> Add([FromForm] PublicationForm form, CancellationToken cancellationToken)
    {
        var result = await publications.AddAsync(User, form, cancellationToken);
        return result.IsDone
            ? Redirect($"{ListUrl}?done=added#publication-{result.Value!.Id}")
            : View(nameof(Edit), new PublicationEditPage(null, null, form, result.Errors)).Refused();
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await publications.FindAsync(id, cancellationToken) is { } publication
            ? View(new PublicationEditPage(id, publication.Slug, PublicationForm.From(publication), new FormErrors()))
            : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [FromForm] PublicationForm form, CancellationToken cancellationToken)
    {
        var result = await publications.UpdateAsync(User, id, form, cancellationToken);
        return result.Kind switch
        {
            OutcomeKind.Done => Redirect($"{ListUrl}?done=saved#publication-{id}"),
            OutcomeKind.Invalid => View(nameof(Edit), new PublicationEditPage(id, result.Value?.Slug, form, result.Errors)).Refused(),
            _ => this.NotDone(result.Kind),
        };
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken) =>
        await publications.FindAsync(id, cancellationToken) is { } publication ? View(nameof(Delete), publication) : NotFound();

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await publications.DeleteAsync(User, id, cancellationToken) is { IsDone: true } ? Redirect($"{ListUrl}?done=deleted") : NotFound();

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, MoveDirection direction, CancellationToken cancellationToken)
    {
        if (direction.Up is not { } up)
        {
            return BadRequest();
        }

        var result = await publications.MoveAsync(User, id, up, cancellationToken);
        return result.IsDone ? Redirect($"{ListUrl}?done=moved#publication-{id}") : this.NotDone(result.Kind);
    }

    [HttpGet("import")]
    public IActionResult Import() => View(ImportPage.Blank());

    /// <summary>Shows what the text or file would add; nothing is saved yet.</summary>
    [HttpPost("import")]
    [RequestSizeLimit(MaxImportRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxImportRequestBytes, ValueLengthLimit = BibTexImporter.MaxBibTexBytes + 1)]
    public async Task<IActionResult> Preview([FromForm] string? text, IFormFile? file, CancellationToken cancellationToken) =>
        ImportView(await importer.PreviewAsync(text, file, cancellationToken), new HashSet<int>());

    /// <summary>Adds the previewed new entries and updates the listed papers they match (replacing values where ticked), all or nothing.</summary>
    [HttpPost("import/confirm")]
    [RequestSizeLimit(MaxImportRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxImportRequestBytes, ValueLengthLimit = BibTexImporter.MaxBibTexBytes + 1)]
    public async Task<IActionResult> ConfirmImport([FromForm] string? text, [FromForm] int[]? replace, CancellationToken cancellationToken)
    {
        var chosen = (replace ?? []).ToHashSet();
        var result = await importer.ImportAsync(User, text, chosen, cancellationToken);
        return result.IsDone
            ? Redirect($"{ListUrl}?done=imported&count={result.Value!.Count(ImportAction.New)}&updated={result.Value.Count(ImportAction.Update)}")
            : ImportView(result, chosen);
    }

    /// <summary>The DBLP form, with the id from the profile's DBLP link when it has one.</summary>
    [HttpGet("dblp")]
    public async Task<IActionResult> Dblp(CancellationToken cancellationToken) =>
        View(new DblpPage(DblpPersonId.Parse((await content.GetProfileAsync(cancellationToken)).DblpUrl) ?? "", new FormErrors()));

    /// <summary>Fetches the person's BibTeX from DBLP and shows the import's preview; nothing is saved yet.</summary>
    [HttpPost("dblp")]
    public async Task<IActionResult> FetchDblp([FromForm] string? person, CancellationToken cancellationToken)
    {
        var result = await dblp.PreviewAsync(person, cancellationToken);
        return result.IsDone
            ? View(nameof(Import), new ImportPage(result.Value!, result.Errors, new HashSet<int>()) { Source = "dblp", DblpPerson = DblpPersonId.Parse(person) })
            : View(nameof(Dblp), new DblpPage(person ?? "", result.Errors)).Refused();
    }

    /// <summary>The preview to confirm, or the form again with why nothing can be imported (400).</summary>
    private ViewResult ImportView(Outcome<ImportPlan> result, ISet<int> include)
    {
        var page = View(nameof(Import), new ImportPage(result.Value!, result.Errors, include));
        return result.IsDone ? page : page.Refused();
    }
}
