using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.PublicSite.Join;

/// <summary>/join: the recruiting notice, the intakes (open, upcoming, closed), the routes and how to apply.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class JoinController(PublicContent content) : Controller
{
    [HttpGet("/join")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var page = await content.GetJoinAsync(cancellationToken);
        HttpContext.ExpireWithin(page.Intakes.ValidFor);
        return View(page);
    }
}
