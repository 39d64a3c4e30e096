using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class PublicationsController(PublicContent content) : Controller
{
    [HttpGet("/publications")]
    public async Task<IActionResult> Index(string? year, string? venue, string? type, string? rank, string? q, CancellationToken cancellationToken)
    {
        var all = await content.AllPublicationsAsync(cancellationToken);
        var (filter, problems) = PublicationFilter.Parse(year, venue, type, rank, q, all);
        return View(new PublicationListViewModel(all, filter, problems));
    }

    // Slugs are lower-case words joined by '-'; anything else (including "x.bib") is not this page.
    [HttpGet("/publications/{slug:regex(^[[a-z0-9-]]{{1,120}}$)}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken) =>
        await content.FindPublicationAsync(slug, cancellationToken) is { } publication
            ? View(publication)
            : NotFound();
}
