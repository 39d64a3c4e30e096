using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.Scoring;

/// <summary>
/// How the lab scores: blind or not (<see cref="ReviewSettings.BlindScoring"/>, the professor's
/// choice), and every score as a <see cref="ScoreSample"/> for <see cref="FairScores"/>.
/// </summary>
public sealed class ScoringRules(RecruitDbContext db, TimeProvider clock)
{
    /// <summary>The stored choice, or the default (blind) while the settings row does not exist.</summary>
    public async Task<bool> IsBlindAsync(CancellationToken cancellationToken) =>
        await db.ReviewSettings.AsNoTracking()
            .Where(s => s.Id == ReviewSettings.SingletonId)
            .Select(s => (bool?)s.BlindScoring)
            .SingleOrDefaultAsync(cancellationToken) ?? new ReviewSettings().BlindScoring;

    /// <summary>
    /// Whether <paramref name="user"/> must score before seeing the others' scores: co-reviewers while
    /// scoring is blind. The professor decides, so he always sees every score (as a hiring manager
    /// does in Greenhouse); the switch is his, for his co-reviewers.
    /// </summary>
    public async Task<bool> IsBlindForAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        !user.IsInRole(Roles.Professor) && await IsBlindAsync(cancellationToken);

    /// <summary>Sets blind scoring on or off, audited; setting what is already set changes nothing.</summary>
    public async Task SetBlindAsync(ClaimsPrincipal user, bool blind, CancellationToken cancellationToken)
    {
        var settings = await db.ReviewSettings.SingleOrDefaultAsync(s => s.Id == ReviewSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new ReviewSettings();
            db.ReviewSettings.Add(settings);
        }
        else if (settings.BlindScoring == blind)
        {
            return;
        }

        settings.BlindScoring = blind;
        Audit(user, blind);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first saves at once both inserted row 1: the other one won; set it to this choice.
            db.ChangeTracker.Clear();
            await db.ReviewSettings.Where(s => s.Id == ReviewSettings.SingletonId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.BlindScoring, blind), cancellationToken);
            Audit(user, blind);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void Audit(ClaimsPrincipal user, bool blind) =>
        db.Record(user, "Settings", "Scoring", blind ? "Blind scoring on" : "Blind scoring off", clock.GetUtcNow().UtcDateTime);

    /// <summary>Every score by every reviewer (a small table: one row per reviewer and application).</summary>
    public async Task<FairScores> AllScoresAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ApplicationScores.AsNoTracking()
            .Select(s => new { s.ReviewerId, s.ApplicationId, s.ResearchFit, s.AcademicRecord, s.Skills, s.Communication })
            .ToListAsync(cancellationToken);
        return new FairScores([.. rows.Select(r => new ScoreSample(r.ReviewerId, r.ApplicationId, (r.ResearchFit + r.AcademicRecord + r.Skills + r.Communication) / 4.0))]);
    }
}
