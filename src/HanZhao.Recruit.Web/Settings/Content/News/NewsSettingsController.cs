using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Settings.Content.News;

/// <summary>The professor's news: the list with an add form, edit, delete (after a confirmation page).</summary>
[Route("review/settings/content/news")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class NewsSettingsController(NewsEditor news) : Controller
{
    private const string ListUrl = "/review/settings/content/news";

    [HttpGet("")]
    public async Task<IActionResult> Index(ItemListQuery query, CancellationToken cancellationToken) =>
        View(new NewsListPage(await news.ListAsync(cancellationToken), new NewsForm(), new FormErrors(), query.Done));

    [HttpPost("")]
    public async Task<IActionResult> Add([FromForm] NewsForm form, CancellationToken cancellationToken)
    {
        var result = await news.AddAsync(User, form, cancellationToken);
        return result.IsDone
            ? Redirect($"{ListUrl}?done=added#news-{result.Value!.Id}")
            : View(nameof(Index), new NewsListPage(await news.ListAsync(cancellationToken), form, result.Errors, null)).Refused();
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await news.FindAsync(id, cancellationToken) is { } item ? View(new NewsEditPage(id, NewsForm.From(item), new FormErrors())) : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [FromForm] NewsForm form, CancellationToken cancellationToken)
    {
        var result = await news.UpdateAsync(User, id, form, cancellationToken);
        return result.Kind switch
        {
            OutcomeKind.Done => Redirect($"{ListUrl}?done=saved#news-{id}"),
            OutcomeKind.Invalid => View(nameof(Edit), new NewsEditPage(id, form, result.Errors)).Refused(),
            _ => this.NotDone(result.Kind),
        };
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken) =>
        await news.FindAsync(id, cancellationToken) is { } item ? View(nameof(Delete), item) : NotFound();

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await news.DeleteAsync(User, id, cancellationToken) is { IsDone: true } ? Redirect($"{ListUrl}?done=deleted") : NotFound();
}
