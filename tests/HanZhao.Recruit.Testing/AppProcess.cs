using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.Data.Sqlite;

namespace HanZhao.Recruit.Testing;

/// <summary>
/// The app as its own operating-system process (<c>dotnet HanZhao.Recruit.Web.dll</c>) on a port of
/// 127.0.0.1, for what an in-process test server cannot show: start-up time, memory, and being
/// killed with SIGKILL and started again on the same database. Production environment, plain http.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StreamWriter _log;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        // Kept in memory for failure messages and in a file under TestResults/logs/ for reading afterwards.
        LogPath = Path.Combine(RepositoryPaths.TestOutput("logs"), $"process-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{baseAddress.Port}-{process.Id}.log");
        _log = new StreamWriter(LogPath) { AutoFlush = true };
    }

    /// <summary>The file the process's output is written to.</summary>
    public string LogPath { get; }

    public Uri BaseAddress { get; }

    /// <summary>From starting the process to the first 200 from <c>/health/ready</c>.</summary>
    public TimeSpan StartupTime { get; private set; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The largest resident set the process has had (VmHWM on Linux).</summary>
    public long PeakWorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    /// <summary>
    /// Starts <see cref="PeakWorkingSet"/> again from the present resident set (Linux: "5" written to
    /// /proc/PID/clear_refs resets VmHWM), so the peak of one load can be told from the whole run's.
    /// </summary>
    public void ResetPeakWorkingSet() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    /// <summary>What the app wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// The web project's own build output in the configuration these tests were built in
    /// (its runtimeconfig and static web assets manifest sit beside it).
    /// </summary>
    public static string BuiltAppPath
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release"
                : "Debug";
            return Path.Combine(RepositoryPaths.Root, "src", "HanZhao.Recruit.Web", "bin", configuration, "net10.0", "HanZhao.Recruit.Web.dll");
        }
    }

    /// <summary>The SQLite database of the app started on <paramref name="dataPath"/>, read or written while it runs or while it is down.</summary>
    public static RecruitDbContext Database(string dataPath) =>
        new(RecruitDatabase.CreateOptions(
            DatabaseProvider.Sqlite,
            new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataPath, "recruit.db"), Pooling = false }.ToString()));

    /// <summary>
    /// Opens the intake after today, as the professor's one click on the dashboard does, and returns
    /// its code. By the machine's clock: a started process has no test clock, and on a real date the
    /// seeded intakes may be closed.
    /// </summary>
    public static async Task<string> OpenNextIntakeAsync(string dataPath)
    {
        await using var db = Database(dataPath);
        return (await NextIntake.OpenAsync(db, DateTime.UtcNow, CancellationToken.None)).Code;
    }

    /// <summary>
    /// Starts the app on <paramref name="dataPath"/> (its SQLite file and keys live there, so a second
    /// start on the same path is a restart) and waits until it answers <c>/health/ready</c>.
    /// </summary>
    /// <param name="dataPath">The folder for the database, keys and mail files.</param>
    /// <param name="settings">Configuration keys with ':' separators, passed as environment variables.</param>
    /// <param name="appPath">The app's dll; <see cref="BuiltAppPath"/> when null.</param>
    /// <param name="port">A port to reuse on restart; a free one when null.</param>
    /// <param name="timeout">How long to wait for readiness; <see cref="Patience.Limit"/> when null.</param>
    /// <param name="contentRoot">The working directory to start from: the project folder when null. The app finds its own files from where it is installed, whatever this is.</param>
    /// <param name="arguments">Command-line arguments after the dll, e.g. <c>--demo</c>.</param>
    public static async Task<AppProcess> StartAsync(
        string dataPath, IReadOnlyDictionary<string, string?>? settings = null, string? appPath = null, int? port = null, TimeSpan? timeout = null,
        string? contentRoot = null, IReadOnlyList<string>? arguments = null)
    {
        appPath ??= BuiltAppPath;
        if (!File.Exists(appPath))
        {
            throw new FileNotFoundException("Build the web project first.", appPath);
        }

        var baseAddress = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot ?? Path.Combine(RepositoryPaths.Root, "src", "HanZhao.Recruit.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appPath);
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Recruit__DataPath"] = dataPath;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        // As the Dockerfile starts it (Platform/Hosting/NativeHeap).
        start.Environment[NativeHeap.ArenaVariable] = NativeHeap.Arenas;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await app.WaitUntilReadyAsync(timeout ?? Patience.Limit);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        app.StartupTime = clock.Elapsed;
        return app;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what is not committed is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM and wait: the app's graceful shutdown.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_output)
        {
            _log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_log.BaseStream?.CanWrite == true)
            {
                _log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but too busy starting to answer within the client's timeout: ask again.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The app did not become ready within {timeout}:\n{Output}");
    }

    /// <summary>A free port of 127.0.0.1, known before a server starts (an app's public address or a proxy in front of it names it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
