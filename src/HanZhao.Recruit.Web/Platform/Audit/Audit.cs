using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Review;

namespace HanZhao.Recruit.Web.Platform.Audit;

public static class Audit
{
    /// <summary>
    /// Records who did what. Added to the context, so it commits with the change it describes
    /// (call before that change's SaveChanges).
    /// </summary>
    public static AuditEntry Record(this RecruitDbContext db, ClaimsPrincipal? user, string action, string? target, string? details, DateTime nowUtc)
    {
        var entry = new AuditEntry
        {
            AtUtc = nowUtc,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserEmail = user?.FindFirstValue(ClaimTypes.Email) ?? user?.Identity?.Name,
            Action = action,
            Target = target,
            Details = details is { Length: > 4000 } ? details[..4000] : details,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
