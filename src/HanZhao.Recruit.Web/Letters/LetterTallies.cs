using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Letters;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Letters;

/// <summary>An application's letters: received, asked for (not withdrawn) and required by its intake and route.</summary>
public sealed record LetterTally(int Received, int Requested, int Required)
{
    public static LetterTally None { get; } = new(0, 0, 0);

    /// <summary>Fewer letters arrived than the intake requires on the application's route.</summary>
    public bool Missing => Received < Required;

    /// <summary>"1/2": received of required, or of requested when none are required; empty when neither.</summary>
    public string Display => Required > 0 ? $"{Received}/{Required}" : Requested > 0 ? $"{Received}/{Requested}" : string.Empty;
}

/// <summary>
/// Letters counted for many applications at once: one grouped query over the requests and one over
/// the requirements, never one per application (the list and its CSV show a column of them).
/// </summary>
public static class LetterTallies
{
    public static async Task<Dictionary<int, LetterTally>> ForAsync(RecruitDbContext db, IQueryable<int> applicationIds, CancellationToken cancellationToken)
    {
        var asked = await db.LetterRequests.AsNoTracking()
            .Where(r => r.State != LetterState.Withdrawn && applicationIds.Contains(r.ApplicationId))
            .GroupBy(r => r.ApplicationId)
            .Select(g => new { Id = g.Key, Received = g.Count(r => r.State == LetterState.Received), Requested = g.Count() })
            .ToDictionaryAsync(g => g.Id, cancellationToken);
        var required = await Required(db, db.Applications.Where(a => applicationIds.Contains(a.Id)))
            .ToDictionaryAsync(r => r.Id, r => r.Count, cancellationToken);
        return asked.Keys.Union(required.Keys).ToDictionary(
            id => id,
            id => new LetterTally(asked.GetValueOrDefault(id)?.Received ?? 0, asked.GetValueOrDefault(id)?.Requested ?? 0, required.GetValueOrDefault(id)));
    }

    /// <summary>One application's letters, as the applicant's pages show them.</summary>
    public static async Task<LetterTally> ForAsync(RecruitDbContext db, int applicationId, CancellationToken cancellationToken) =>
        (await ForAsync(db, db.Applications.Where(a => a.Id == applicationId).Select(a => a.Id), cancellationToken)).GetValueOrDefault(applicationId)
        ?? LetterTally.None;

    /// <summary>The applications with fewer letters received than their intake requires on their route (the list's "letters missing").</summary>
    public static IQueryable<Application> Missing(RecruitDbContext db, IQueryable<Application> applications)
    {
        // "Id IN (…)" from the few requirements, each finding its applications by the intake index,
        // rather than a lookup of requirements for every application (DashboardQueryPlanTests).
        var missing = from a in db.Applications
                      join r in db.LetterRequirements on new { a.IntakeId, a.Route } equals new { r.IntakeId, r.Route }
                      where r.Count > db.LetterRequests.Count(l => l.ApplicationId == a.Id && l.State == LetterState.Received)
                      select a.Id;
        return applications.Where(a => missing.Contains(a.Id));
    }

    private static IQueryable<RequiredCount> Required(RecruitDbContext db, IQueryable<Application> applications) =>
        from a in applications
        join r in db.LetterRequirements on new { a.IntakeId, a.Route } equals new { r.IntakeId, r.Route }
        select new RequiredCount { Id = a.Id, Count = r.Count };

    private sealed class RequiredCount
    {
        public int Id { get; init; }

        public int Count { get; init; }
    }
}
