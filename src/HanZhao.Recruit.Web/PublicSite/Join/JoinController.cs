using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.PublicSite.Join;

/// <summary>/join: the recruiting notice and the intakes, with how to apply.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class JoinController(PublicContent content) : Controller
{
    [HttpGet("/join")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await content.GetJoinAsync(cancellationToken));
}
