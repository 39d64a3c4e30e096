using HanZhao.Recruit.Data;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.Scoring;

/// <summary>
/// The one place that computes each application's stored score figures (<c>ScoreCount</c>,
/// <c>AverageScore</c>, <c>NormalisedScore</c>), called by every writer of scores inside the
/// transaction of its change, so the list reads them from an indexed column. They are recomputed from
/// the rows as the transaction sees them, never incremented from an earlier read, so two reviewers
/// scoring at once leave the right figures. A normalised average depends on every score of its
/// reviewers and on all scores (<see cref="FairScores"/>): any change can move every scored
/// application's figure, so all are recomputed and the rows that differ written.
/// </summary>
public sealed class ScoreFigures(RecruitDbContext db)
{
    /// <summary>
    /// Runs <paramref name="change"/> (which saves its score rows) and the recomputation in one
    /// transaction, or in the caller's when one is open; retried as a whole by the provider's strategy.
    /// </summary>
    public Task ChangeAsync(Func<CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (db.Database.CurrentTransaction is not null)
        {
            return ChangeInTransactionAsync(change, cancellationToken);
        }

        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // SQLite's transactions here begin IMMEDIATE: the writer lock is taken before the first read.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ChangeInTransactionAsync(change, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>
    /// Recomputes every application's figures from the score rows and writes those that differ; call
    /// inside the transaction that changed the scores (after its score rows are saved).
    /// </summary>
    public async Task RecomputeAsync(CancellationToken cancellationToken)
    {
        await TakeTurnAsync(cancellationToken);
        var samples = await db.ApplicationScores.AsNoTracking()
            .Select(s => new ScoreSample(s.ReviewerId, s.ApplicationId, (s.ResearchFit + s.AcademicRecord + s.Skills + s.Communication) / 4.0))
            .ToListAsync(cancellationToken);
        var fair = new FairScores(samples);
        var wanted = samples.GroupBy(s => s.ApplicationId)
            .ToDictionary(g => g.Key, g => new Figures(g.Count(), g.Average(s => s.Average), fair.NormalisedAverage([.. g])));
        var stored = await db.Applications.AsNoTracking()
            .Where(a => a.ScoreCount > 0 || a.AverageScore != null || a.NormalisedScore != null)
            .Select(a => new { a.Id, Figures = new Figures(a.ScoreCount, a.AverageScore, a.NormalisedScore) })
            .ToDictionaryAsync(a => a.Id, a => a.Figures, cancellationToken);

        foreach (var id in wanted.Keys.Union(stored.Keys))
        {
            var target = wanted.GetValueOrDefault(id) ?? Figures.None;
            if ((stored.GetValueOrDefault(id) ?? Figures.None) != target)
            {
                await db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.ScoreCount, target.Count)
                    .SetProperty(a => a.AverageScore, target.Average)
                    .SetProperty(a => a.NormalisedScore, target.Normalised), cancellationToken);
            }
        }
    }

    private async Task ChangeInTransactionAsync(Func<CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        await TakeTurnAsync(cancellationToken);
        await change(cancellationToken);
        await RecomputeAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite has one writer at a time already; on SQL Server a reader under snapshot isolation would not
    /// see a concurrent score, so figure writers take turns by an application lock held to the commit.
    /// </summary>
    private async Task TakeTurnAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(
                "EXEC sp_getapplock @Resource = 'ScoreFigures', @LockMode = 'Exclusive', @LockOwner = 'Transaction'", cancellationToken);
        }
    }

    private sealed record Figures(int Count, double? Average, double? Normalised)
    {
        public static readonly Figures None = new(0, null, null);
    }
}
