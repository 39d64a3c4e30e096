using HanZhao.Recruit.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.PublicSite.Media;

/// <summary>
/// The photos, as static files would be: the fingerprint in the name changes with the picture, so
/// a response is cached for a year and never revalidated. Only re-encoded renditions are served.
/// </summary>
public sealed class MediaController(RecruitDbContext db) : Controller
{
    [HttpGet("/media/photos/{fingerprint:regex(^[[0-9a-f]]{{20}}$)}-{width:int:range(1,9999)}.webp")]
    public async Task<IActionResult> Photo(string fingerprint, int width, CancellationToken cancellationToken)
    {
        var bytes = await db.PhotoRenditions.AsNoTracking()
            .Where(r => r.Width == width && db.Photos.Any(p => p.Id == r.PhotoId && p.Fingerprint == fingerprint))
            .Select(r => r.Bytes).FirstOrDefaultAsync(cancellationToken);
        if (bytes is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(bytes, "image/webp");
    }
}
