using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// Start-up of the app as the Dockerfile ships it: published for this platform, which compiles it
/// ahead of time (ReadyToRun, set in the web project). Published into a temporary folder (after the
/// first time only the changed parts are compiled again), started on an empty database, timed to
/// the first 200 of /health/ready and of /, then stopped.
/// </summary>
public static class PublishedStartup
{
    public static async Task<Figure> MeasureAsync(Action<string> log)
    {
        var output = Path.Combine(Path.GetTempPath(), "hzr-bench-published");
        var project = Path.Combine(RepositoryPaths.Root, "src", "HanZhao.Recruit.Web", "HanZhao.Recruit.Web.csproj");
        var publish = Stopwatch.StartNew();
        await RunAsync("dotnet", ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", output, "--nologo", "-v", "quiet"]);
        log($"published ReadyToRun in {publish.Elapsed.TotalSeconds:F0} s");

        using var data = new TemporaryDirectory("bench-published");
        var clock = Stopwatch.StartNew();
        await using var app = await AppProcess.StartAsync(data.Path, appPath: Path.Combine(output, "HanZhao.Recruit.Web.dll"), contentRoot: output);
        var cpu = BenchApp.CpuTime(app.ProcessId);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        home.EnsureSuccessStatusCode();
        var firstPage = clock.Elapsed;
        await app.StopAsync();
        log($"published app: ready in {app.StartupTime.TotalMilliseconds:F0} ms, first page in {firstPage.TotalMilliseconds:F0} ms, {cpu.TotalMilliseconds:F0} ms CPU");
        return StartupFigure.Published(app.StartupTime, firstPage, cpu);
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed:\n{await stdout}\n{await stderr}");
        }
    }
}
