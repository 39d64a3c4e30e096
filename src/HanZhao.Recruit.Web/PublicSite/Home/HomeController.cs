using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.PublicSite.Home;

/// <summary>The homepage: biography, interests, education, recent publications, the open intakes.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class HomeController(PublicContent content) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var page = await content.GetHomeAsync(cancellationToken);
        HttpContext.ExpireWithin(page.Intakes.ValidFor);
        return View(page);
    }
}
