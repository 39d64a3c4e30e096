using System.Globalization;
using System.Text.RegularExpressions;

namespace HanZhao.Recruit.Web.Platform.Backups;

/// <summary>
/// The names of backup copies: <c>recruit-20261129-030000Z.db</c>, the UTC time the copy stands
/// for, so names sort by time and an operator reads the time from the name.
/// </summary>
public static partial class BackupFiles
{
    public static string NameFor(DateTimeOffset utc) =>
        string.Create(CultureInfo.InvariantCulture, $"recruit-{utc.UtcDateTime:yyyyMMdd-HHmmss}Z.db");

    /// <summary>The copies in <paramref name="folder"/>, oldest first; other files there are not ours and are left alone.</summary>
    public static IReadOnlyList<string> In(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder).Where(f => Pattern().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Deletes all but the newest <paramref name="keep"/> copies (at least one: never the newest); returns the deleted ones.</summary>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        var copies = In(folder);
        var deleted = copies.Take(Math.Max(0, copies.Count - Math.Max(1, keep))).ToList();
        foreach (var file in deleted)
        {
            File.Delete(file);
        }

        return deleted;
    }

    [GeneratedRegex(@"^recruit-\d{8}-\d{6}Z\.db$")]
    private static partial Regex Pattern();
}
