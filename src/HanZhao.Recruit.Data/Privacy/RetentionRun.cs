namespace HanZhao.Recruit.Data.Privacy;

/// <summary>
/// One run of the retention job per day (Shanghai): the day is the key, so when several instances
/// start it, one inserts the row and runs, the others find it and stop. The counts are what it did.
/// </summary>
public class RetentionRun
{
    public DateOnly Day { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? CompletedAtUtc { get; set; }

    public int Noticed { get; set; }

    public int Erased { get; set; }

    public int BodiesBlanked { get; set; }

    public int SkippedExtended { get; set; }
}
