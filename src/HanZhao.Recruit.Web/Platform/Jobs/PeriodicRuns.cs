using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Platform.Jobs;

/// <summary>
/// Once per period across instances, for a recurring job whose work is one save (see
/// <see cref="PeriodicRun"/>): <see cref="HasRunAsync"/> skips the work cheaply when the period is done,
/// and <see cref="RecordRun"/> adds the period's row to the save that commits the work, whose key
/// refuses a second instance's save made at the same moment. Not for long work done in many saves
/// (the retention sweep claims its day first instead, Privacy/RetentionJob).
/// </summary>
public static class PeriodicRuns
{
    /// <summary>A Shanghai day as a period's name.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task<bool> HasRunAsync(this RecruitDbContext db, string jobId, string period, CancellationToken cancellationToken) =>
        db.PeriodicRuns.AnyAsync(r => r.JobId == jobId && r.Period == period, cancellationToken);

    /// <summary>Adds the period's row; the caller's SaveChanges fails with a <see cref="DbUpdateException"/> when another run recorded it first.</summary>
    public static void RecordRun(this RecruitDbContext db, string jobId, string period, DateTime now) =>
        db.PeriodicRuns.Add(new PeriodicRun { JobId = jobId, Period = period, RanAtUtc = now });
}
