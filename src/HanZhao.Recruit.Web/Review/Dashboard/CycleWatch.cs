using System.Text.RegularExpressions;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.PublicSite;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.Dashboard;

/// <summary>Where the homepage's own words name an intake that is over.</summary>
public enum ProfileText
{
    Biography,
    RecruitingNotice,
}

/// <summary>A closed intake named by the homepage's text: "Your biography mentions 2025.09, which is closed".</summary>
public sealed record StaleMention(ProfileText Text, string Code);

/// <summary>
/// What the professor should act on in the recruiting cycle: no intake takes applications (with the
/// next one to open, and its id when it exists already), or the homepage still names a closed intake.
/// </summary>
public sealed record CycleAlerts(bool NoIntakeOpen, string NextCode, int? NextIntakeId, IReadOnlyList<StaleMention> Stale)
{
    public static CycleAlerts None { get; } = new(false, string.Empty, null, []);

    public bool Any => NoIntakeOpen || Stale.Count > 0;
}

/// <summary>
/// Watches the recruiting cycle for the professor's dashboard: whether any intake takes applications
/// now (by the app's clock), and whether the biography or the recruiting notice, in either language,
/// still names an intake that has closed. Two small reads: the intakes and the one profile row.
/// </summary>
public sealed partial class CycleWatch(RecruitDbContext db, TimeProvider clock)
{
    public async Task<CycleAlerts> GetAlertsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var intakes = await db.Intakes.AsNoTracking().ToListAsync(cancellationToken);
        var states = PublicIntakes.At(intakes, now);
        var nextCode = NextIntake.Code(now);
        var profile = await db.Profiles.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Biography, p.RecruitingNotice }).FirstOrDefaultAsync(cancellationToken);
        var closed = states.Closed.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var stale = profile is null
            ? []
            : Mentions(ProfileText.Biography, profile.Biography, closed).Concat(Mentions(ProfileText.RecruitingNotice, profile.RecruitingNotice, closed)).ToList();

        return new CycleAlerts(
            !states.AnyOpen, nextCode, intakes.FirstOrDefault(i => i.Code == nextCode)?.Id, stale);
    }

    /// <summary>Each closed intake's code the text names, once, in the order the English then the Chinese text names them.</summary>
    private static IEnumerable<StaleMention> Mentions(ProfileText where, LocalizedText text, IReadOnlySet<string> closed) =>
        IntakeCode().Matches(text.En + "\n" + text.Zh)
            .Select(m => m.Value)
            .Where(closed.Contains)
            .Distinct(StringComparer.Ordinal)
            .Select(code => new StaleMention(where, code));

    // "2025.09" not inside a longer number ("12025.091" is not a code).
    [GeneratedRegex(@"(?<![0-9.])[0-9]{4}\.[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IntakeCode();
}
