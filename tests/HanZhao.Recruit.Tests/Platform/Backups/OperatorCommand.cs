using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace HanZhao.Recruit.Tests.Platform.Backups;

/// <summary>The app's operator commands (<c>backup</c>, <c>restore</c>) run as the operator runs them: the built dll, its own process, its exit code and output.</summary>
internal static class OperatorCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataPath, IReadOnlyDictionary<string, string?>? settings, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(AppProcess.BuiltAppPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppProcess.BuiltAppPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Recruit__DataPath"] = dataPath;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience.Limit);
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output + await errors);
    }

    public static Task<(int ExitCode, string Output)> RunAsync(string dataPath, params string[] arguments) => RunAsync(dataPath, null, arguments);

    /// <summary>
    /// Damages <paramref name="file"/> as a bad disk would, in a way SQLite still opens: the first cell
    /// pointer of a table's root page (ResearchInterests, seeded, one leaf page) points outside the page.
    /// </summary>
    public static void FlipBytes(string file)
    {
        long pageSize, root;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size;";
            pageSize = (long)command.ExecuteScalar()!;
            command.CommandText = "SELECT rootpage FROM sqlite_master WHERE name = 'ResearchInterests';";
            root = (long)command.ExecuteScalar()!;
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        stream.Seek(((root - 1) * pageSize) + 8, SeekOrigin.Begin);
        stream.Write([0xFF, 0xF0]);
    }
}
