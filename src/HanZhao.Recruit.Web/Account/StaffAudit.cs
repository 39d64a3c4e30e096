using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Audit;

namespace HanZhao.Recruit.Web.Account;

/// <summary>Writes what happens to staff accounts (sign-ins, passwords, authenticators) to the audit log, each at once.</summary>
public sealed class StaffAudit(RecruitDbContext db, TimeProvider time)
{
    public async Task RecordAsync(ClaimsPrincipal? actor, string action, string? target, string? details)
    {
        db.Record(actor, action, target, details, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    /// <summary>The account as the actor of an entry written before its cookie exists (signing in, setting a password).</summary>
    public static ClaimsPrincipal Actor(RecruitUser user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id),
        new Claim(ClaimTypes.Email, user.Email ?? ""),
    ]));
}
