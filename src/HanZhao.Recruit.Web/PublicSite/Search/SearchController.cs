using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HanZhao.Recruit.Web.PublicSite.Search;

/// <summary>/search?q=: the site's own content, grouped by kind. A query too long is refused (400) with the form again.</summary>
public sealed class SearchController(SiteSearch search) : Controller
{
    [HttpGet("/search")]
    [EnableRateLimiting(SearchSetup.ClientRateLimitPolicy)]
    public async Task<IActionResult> Index(SearchQuery query, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query.Q);
        var page = View(await search.SearchAsync(terms, cancellationToken));
        return terms.TooLong ? page.Refused() : page;
    }
}
