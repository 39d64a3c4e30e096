namespace HanZhao.Recruit.Web.Platform.Backups;

/// <summary>
/// <c>Recruit:Backup</c>: the recurring copy of the SQLite database. Without a folder there is no
/// job (the <c>backup</c> command works all the same).
/// </summary>
public sealed class BackupOptions
{
    public const string Section = "Recruit:Backup";

    /// <summary>Where the copies go; relative paths start at the data folder. Empty: no recurring job.</summary>
    public string? Folder { get; set; }

    /// <summary>A cron expression read in <see cref="TimeZoneId"/>: daily at 03:00 by default.</summary>
    public string Schedule { get; set; } = "0 3 * * *";

    /// <summary>How many copies the job keeps; the newest is never deleted, whatever this says.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>The professor's time zone, as the digest's.</summary>
    public const string TimeZoneId = "Asia/Shanghai";

    /// <summary>The folder in full, relative paths taken from the data folder.</summary>
    public string? ResolveFolder(string dataPath) =>
        string.IsNullOrWhiteSpace(Folder) ? null : Path.GetFullPath(Folder, dataPath);
}
