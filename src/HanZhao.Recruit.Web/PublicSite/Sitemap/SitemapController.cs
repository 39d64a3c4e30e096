using HanZhao.Recruit.Web.Platform.Caching;
using HanZhao.Recruit.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.PublicSite.Sitemap;

/// <summary>What crawlers read first: the sitemap (every public page in both languages) and robots.txt.</summary>
public class SitemapController(SitemapWriter sitemap, SiteAddress site) : Controller
{
    /// <summary>Private areas: crawling them yields only sign-in redirects, and their addresses may carry tokens.</summary>
    private static readonly string[] PrivatePaths = ["/review", "/admin", "/applicant", "/apply", "/account"];

    // Output-cached like the public pages (and evicted with them when content changes).
    [HttpGet("/sitemap.xml"), ResponseCache(Duration = 3600), OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> SitemapXml(CancellationToken cancellationToken) =>
        File(await sitemap.WriteAsync(cancellationToken), "application/xml; charset=utf-8");

    [HttpGet("/robots.txt"), ResponseCache(Duration = 3600)]
    public ContentResult RobotsTxt()
    {
        // Disallow lines first: crawlers that take the first matching rule (not the longest) obey them too.
        string[] lines =
        [
            "User-agent: *",
            .. PrivatePaths.Select(path => "Disallow: " + path),
            "Allow: /",
            "",
            "Sitemap: " + site.Absolute("/sitemap.xml"),
        ];
        return Content(string.Join('\n', lines) + "\n", "text/plain; charset=utf-8");
    }
}
