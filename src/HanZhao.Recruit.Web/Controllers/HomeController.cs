using HanZhao.Recruit.Web.Caching;
using HanZhao.Recruit.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.Controllers;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class HomeController(PublicContent content) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await content.GetHomeAsync(cancellationToken));

    [HttpGet("/join")]
    public async Task<IActionResult> Join(CancellationToken cancellationToken) =>
        View(await content.GetJoinAsync(cancellationToken));
}
