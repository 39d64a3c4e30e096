using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class PublicationsController(PublicContent content) : Controller
{
    [HttpGet("/publications")]
    public async Task<IActionResult> Index(PublicationQuery query, CancellationToken cancellationToken) =>
        View(await content.GetPublicationListAsync(query, cancellationToken));

    // Slugs are lower-case words joined by '-'; anything else (including "x.bib") is not this page.
    [HttpGet("/publications/{slug:regex(^[[a-z0-9-]]{{1,120}}$)}")]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken) =>
        await content.FindPublicationAsync(slug, cancellationToken) is { } page
            ? View(page)
            : NotFound();
}
