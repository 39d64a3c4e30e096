using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Settings.Alerts;

/// <summary>How the professor hears of new applications: an email for each one, or only the daily digest.</summary>
public enum AlertMode
{
    /// <summary>An email per new application (and per official step an applicant reports), and the digest.</summary>
    Each,

    /// <summary>Only the morning digest.</summary>
    DigestOnly,
}

/// <summary>The page: the stored choice, whether it was just saved, and why a post was refused.</summary>
public sealed record AlertSettingsPage(AlertMode Mode, bool Saved, FormErrors Errors);

/// <summary>The professor's alert choice (<c>RecruitUser.AlertsDigestOnly</c>), read and saved with an audit entry.</summary>
public sealed class AlertSettings(RecruitDbContext db, TimeProvider clock)
{
    public async Task<AlertSettingsPage?> GetPageAsync(ClaimsPrincipal user, bool saved, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == user.FindFirstValue(ClaimTypes.NameIdentifier)).Select(u => (bool?)u.AlertsDigestOnly).FirstOrDefaultAsync(cancellationToken) is { } digestOnly
            ? new AlertSettingsPage(digestOnly ? AlertMode.DigestOnly : AlertMode.Each, saved, new FormErrors())
            : null;

    /// <summary>A mode that is not one of the two (missing, a number, an unknown name) is refused; saving the same choice again records nothing.</summary>
    public async Task<Outcome> SaveAsync(ClaimsPrincipal user, string? mode, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<AlertMode>(mode, ignoreCase: false, out var chosen) || !Enum.GetNames<AlertMode>().Contains(mode, StringComparer.Ordinal))
        {
            return Outcome.Invalid("mode", "Choose how you want to hear of new applications.");
        }

        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == user.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (account is null)
        {
            return Outcome.NotFound();
        }

        var digestOnly = chosen == AlertMode.DigestOnly;
        if (account.AlertsDigestOnly != digestOnly)
        {
            account.AlertsDigestOnly = digestOnly;
            db.Record(user, AuditActions.AlertsChanged, account.Email, digestOnly ? "daily digest only" : "an email for each new application", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done();
    }
}
