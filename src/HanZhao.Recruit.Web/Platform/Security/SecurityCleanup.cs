using HanZhao.Recruit.Data;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Platform.Security;

/// <summary>
/// The hourly job that deletes sessions past their expiry and limit uses that no longer count.
/// Nothing depends on it for correctness (both are refused or ignored once expired); it keeps the
/// tables small.
/// </summary>
public sealed class SecurityCleanup(RecruitDbContext db, TimeProvider clock)
{
    public const string JobId = "security-cleanup";

    public async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
        await DatabaseLimits.DeleteExpiredAsync(db, now, cancellationToken);
    }
}
