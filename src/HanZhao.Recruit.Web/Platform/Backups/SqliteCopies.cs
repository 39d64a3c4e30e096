using HanZhao.Recruit.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Platform.Backups;

/// <summary>The outcome of a copy: the file and its size, or why there is none.</summary>
public sealed record BackupResult(string? File, long Size, string? Problem, bool AlreadyThere = false);

/// <summary>
/// Copies of the SQLite database: made with SQLite's online backup API (one step, so the copy is
/// one consistent snapshot while the app goes on writing), and checked before they count: SQLite's
/// integrity check, and the migrations history of a HanZhao.Recruit database this version knows.
/// </summary>
public static class SqliteCopies
{
    private const long DeadManSwitch = 128;

    /// <summary>
    /// Copies <paramref name="liveFile"/> to <paramref name="target"/>: first to a file of its own in
    /// the same folder, checked, then renamed, so a half-made or failed copy never carries the name
    /// of a backup. An existing <paramref name="target"/> is left as it is.
    /// </summary>
    public static BackupResult Create(string liveFile, string target)
    {
        if (!File.Exists(liveFile))
        {
            return new(null, 0, $"There is no database at {liveFile}.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            return new(target, new FileInfo(target).Length, null, AlreadyThere: true);
        }

        var partial = $"{target}.partial-{Guid.NewGuid():N}";
        try
        {
            using (var source = Open(liveFile, SqliteOpenMode.ReadWrite))
            using (var copy = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                source.Open();
                copy.Open();
                source.BackupDatabase(copy);
                // The copy inherits WAL mode; a rollback journal makes it one self-contained file.
                Execute(copy, "PRAGMA journal_mode=DELETE;");
            }

            if (Problem(partial) is { } problem)
            {
                return new(null, 0, problem);
            }

            File.Move(partial, target, overwrite: false);
            return new(target, new FileInfo(target).Length, null);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another run of the same period finished first: its copy stands.
            return new(target, new FileInfo(target).Length, null, AlreadyThere: true);
        }
        catch (SqliteException e)
        {
            return new(null, 0, $"SQLite could not copy the database: {e.Message}");
        }
        finally
        {
            File.Delete(partial);
            File.Delete(partial + "-journal");
        }
    }

    /// <summary>
    /// Why <paramref name="file"/> is not a usable HanZhao.Recruit database, or null: it must open as
    /// SQLite, pass <c>PRAGMA integrity_check</c>, and hold a migrations history all of whose entries
    /// this version of the app knows (it applies the rest at start).
    /// </summary>
    public static string? Problem(string file)
    {
        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadWrite);
            connection.Open();
            var integrity = Rows(connection, "PRAGMA integrity_check;");
            if (integrity is not ["ok"])
            {
                return $"{file} failed SQLite's integrity check: {string.Join("; ", integrity.Take(5))}";
            }

            var hasHistory = Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';").Count == 1;
            var applied = hasHistory ? Rows(connection, "SELECT MigrationId FROM __EFMigrationsHistory;") : [];
            var known = KnownMigrations();
            if (applied.Count == 0 || !applied.Contains(known[0]))
            {
                return $"{file} is an SQLite database but not a HanZhao.Recruit one (no migrations history of this app).";
            }

            var unknown = applied.Except(known).ToList();
            return unknown.Count == 0
                ? null
                : $"{file} was written by a newer version of the app (migrations this one does not know: {string.Join(", ", unknown)}).";
        }
        catch (SqliteException e)
        {
            return $"{file} is not a readable SQLite database: {e.Message}";
        }
    }

    /// <summary>
    /// Whether another process (a running app) has <paramref name="liveFile"/> open, asked without
    /// touching the database: in WAL mode every connection holds a read lock on one byte of the
    /// <c>-shm</c> file (the "dead man switch", byte 128 in SQLite's unix VFS) for as long as it is
    /// open, pooled and idle included, so a write lock on that byte is refused while the app runs.
    /// </summary>
    public static bool IsOpenElsewhere(string liveFile)
    {
        var shm = liveFile + "-shm";
        // .NET cannot lock a byte range on macOS: there the operator's rule alone holds (stop the app first).
        if (OperatingSystem.IsMacOS() || !File.Exists(shm))
        {
            return false;
        }

        using var stream = new FileStream(shm, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            stream.Lock(DeadManSwitch, 1);
            stream.Unlock(DeadManSwitch, 1);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 60 }.ToString());

    private static List<string> KnownMigrations()
    {
        using var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        return [.. db.Database.GetMigrations()];
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
