namespace HanZhao.Recruit.Data.Jobs;

/// <summary>
/// A recurring job's work for one period (the daily digest of one Shanghai day), recorded in the
/// same save as what it produced. The job and the period are the key: with several instances each
/// running the job (SQLite keeps Hangfire's schedule per process), the first to commit wins and the
/// others' saves are refused, so the period's work is done once; a run that crashes before its save
/// leaves no row, so the next run does the work.
/// </summary>
public class PeriodicRun
{
    public const int JobIdMaxLength = 64;

    public const int PeriodMaxLength = 32;

    public string JobId { get; set; } = string.Empty;

    /// <summary>The period's name, e.g. "2026-03-02" for a day.</summary>
    public string Period { get; set; } = string.Empty;

    public DateTime RanAtUtc { get; set; }
}
