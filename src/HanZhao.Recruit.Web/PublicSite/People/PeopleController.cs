using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.PublicSite.People;

/// <summary>/people: who a student would work with, and where the lab's alumni went.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class PeopleController(LabDirectory directory) : Controller
{
    [HttpGet("/people")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await directory.GetPageAsync(cancellationToken));
}
