using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.PublicSite.News;

/// <summary>All news, newest first and paged, and the same as an Atom feed; output-cached and evicted on every edit.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class NewsController(NewsContent news, NewsFeed feed) : Controller
{
    [HttpGet("/news")]
    public async Task<IActionResult> Index(NewsQuery query, CancellationToken cancellationToken) =>
        View(await news.PageAsync(query.Page, cancellationToken));

    /// <summary>The file result answers If-None-Match and If-Modified-Since with 304 by itself.</summary>
    [HttpGet("/news.atom")]
    public async Task<IActionResult> Atom(CancellationToken cancellationToken)
    {
        var document = await feed.WriteAsync(cancellationToken);
        return File(document.Bytes, "application/atom+xml; charset=utf-8", document.LastModified, document.ETag);
    }
}
