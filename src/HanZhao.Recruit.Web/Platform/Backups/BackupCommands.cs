using HanZhao.Recruit.Web.Platform.Database;
using HanZhao.Recruit.Web.Platform.Hosting;

namespace HanZhao.Recruit.Web.Platform.Backups;

/// <summary>
/// The operator's commands, run instead of the web server: <c>backup [--to folder]</c> and
/// <c>restore --from file</c>. They read the same settings as the app (appsettings, environment,
/// command line), so they find the same database. Exit codes: 0 done, 1 refused or failed, 2 not
/// for this database (SQL Server) or not understood.
/// </summary>
public static class BackupCommands
{
    private static readonly string[] Commands = ["backup", "restore"];

    public static bool Requested(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out));

    public static int Run(string[] args, TextWriter output)
    {
        var (option, value, settings) = Read(args);
        var builder = WebApplication.CreateBuilder(AppFolder.Options(settings));
        var recruit = builder.Configuration.GetSection(RecruitOptions.Section).Get<RecruitOptions>() ?? new RecruitOptions();
        var dataPath = recruit.ResolveDataPath(builder.Environment.ContentRootPath);
        var connection = DatabaseConnection.FromConfiguration(builder.Configuration, dataPath);
        var backup = builder.Configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions();
        var restore = string.Equals(args[0], "restore", StringComparison.OrdinalIgnoreCase);
        if (connection.SqliteFile is not { } live)
        {
            output.WriteLine(restore ? SqlServerRestore : SqlServerBackup);
            return 2;
        }

        return restore
            ? option == "--from" && value is not null ? Restore(live, Path.GetFullPath(value), output) : Usage(output)
            : option is null or "--to" && (option is null || value is not null)
                ? Backup(live, value is null ? backup.ResolveFolder(dataPath) ?? Path.Combine(dataPath, "backups") : Path.GetFullPath(value), output)
                : Usage(output);
    }

    private const string SqlServerBackup =
        "The database is SQL Server: its backups are the server's own. Run BACKUP DATABASE HanZhaoRecruit TO DISK = '/var/opt/mssql/backups/…' "
        + "(README, \"Backups and restore\"); this command copies SQLite databases only.";

    private const string SqlServerRestore =
        "The database is SQL Server: restore it with the server's own RESTORE DATABASE HanZhaoRecruit FROM DISK = '…' WITH REPLACE "
        + "while the app is stopped (README, \"Backups and restore\"); this command restores SQLite databases only.";

    private static int Backup(string live, string folder, TextWriter output)
    {
        var result = SqliteCopies.Create(live, Path.Combine(folder, BackupFiles.NameFor(DateTimeOffset.UtcNow)));
        if (result.Problem is not null)
        {
            output.WriteLine($"Backup failed; no copy was kept. {result.Problem}");
            return 1;
        }

        output.WriteLine($"Backup written: {result.File} ({result.Size:N0} bytes); integrity check ok.");
        return 0;
    }

    /// <summary>
    /// Checks a copy of <paramref name="from"/> beside the database, keeps the database it replaces
    /// aside (with its WAL written into it), then renames the copy over it: one atomic step, so
    /// the data folder never holds a half-copied database.
    /// </summary>
    private static int Restore(string live, string from, TextWriter output)
    {
        if (!File.Exists(from))
        {
            output.WriteLine($"Restore refused: there is no file {from}. Nothing was changed.");
            return 1;
        }

        if (SqliteCopies.IsOpenElsewhere(live))
        {
            output.WriteLine($"Restore refused: the app has {live} open. Stop the app, then restore. Nothing was changed.");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(live)!);
        var staging = $"{live}.restoring-{Guid.NewGuid():N}";
        File.Copy(from, staging);
        if (SqliteCopies.Problem(staging) is { } problem)
        {
            File.Delete(staging);
            output.WriteLine($"Restore refused: {problem.Replace(staging, from, StringComparison.Ordinal)} Nothing was changed.");
            return 1;
        }

        // The database it replaces, with its WAL (commits not yet written into the file), kept aside whole.
        var aside = $"{live}.before-restore-{DateTime.UtcNow:yyyyMMdd-HHmmss}Z";
        var keptAside = File.Exists(live);
        foreach (var suffix in keptAside ? new[] { string.Empty, "-wal" } : [])
        {
            if (File.Exists(live + suffix))
            {
                File.Copy(live + suffix, aside + suffix);
            }
        }

        File.Move(staging, live, overwrite: true);
        foreach (var leftover in new[] { "-wal", "-shm", "-journal" })
        {
            File.Delete(live + leftover);
        }

        output.WriteLine($"Restored {from} into {live}" + (keptAside ? $"; the database it replaced is kept as {aside}." : ".") + " Start the app.");
        return 0;
    }

    private static int Usage(TextWriter output)
    {
        output.WriteLine("Usage: dotnet HanZhao.Recruit.Web.dll backup [--to folder] | restore --from file");
        return 2;
    }

    /// <summary>The command's one option and its value, and the rest of the arguments for the settings (e.g. --Recruit:DataPath=…).</summary>
    private static (string? Option, string? Value, string[] Settings) Read(string[] args)
    {
        var index = Array.FindIndex(args, 1, a => a is "--to" or "--from");
        if (index < 0)
        {
            return (null, null, args[1..]);
        }

        var value = index + 1 < args.Length ? args[index + 1] : null;
        return (args[index], value, [.. args[1..index], .. args[Math.Min(args.Length, index + 2)..]]);
    }
}
