using System.Text;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

/// <summary>The Cite downloads: every publication, or one, as BibTeX. Cached and evicted with the public pages.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class CitationsController(RecruitDbContext db) : Controller
{
    private const string BibTexType = "application/x-bibtex; charset=utf-8";

    [HttpGet("/publications.bib")]
    public async Task<IActionResult> All(CancellationToken cancellationToken)
    {
        var publications = await db.Publications.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenBy(p => p.SortOrder).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return BibFile(BibTex.Entries(publications), "han-zhao-publications.bib");
    }

    // A complex segment: "{slug}.bib" never matches the HTML page's route, whose slug excludes '.'.
    [HttpGet("/publications/{slug}.bib")]
    public async Task<IActionResult> One(string slug, CancellationToken cancellationToken) =>
        await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken) is { } publication
            ? BibFile(BibTex.Entry(publication), $"{publication.Slug}.bib")
            : NotFound();

    // GetBytes writes no byte-order mark, which classic BibTeX would read as stray text.
    private FileContentResult BibFile(string text, string fileName) =>
        File(Encoding.UTF8.GetBytes(text), BibTexType, fileName);
}
