using System.Diagnostics;
using HanZhao.Recruit.Benchmarks;

// The benchmark of issue 6: the app in Release on 127.0.0.1 with a fresh SQLite file and the real
// SMTP server; each scenario against a baseline measured in this same run; writes
// docs/PERFORMANCE.md and docs/performance.json.
var options = BenchOptions.Parse(args);
var clock = Stopwatch.StartNew();
var startedUtc = DateTime.UtcNow;
var loadBefore = Report.LoadAverage();
void Log(string line) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1}s] {line}");

Log($"mode {options.Mode}; app {AppProcess.BuiltAppPath}");
var figures = new List<Figure>();
// First, alone on the machine: the app as it is deployed (publishing takes minutes, so `--only`
// without `startup` leaves it out; the build output's start-up below is always measured).
if (options.Runs("startup"))
{
    figures.Add(await PublishedStartup.MeasureAsync(Log));
}

await using (var app = await BenchApp.StartAsync())
{
    Log($"started: ready in {app.App.StartupTime.TotalMilliseconds:F0} ms, first page in {app.FirstPageTime.TotalMilliseconds:F0} ms, {app.StartupCpuTime.TotalMilliseconds:F0} ms CPU");
    figures.Add(StartupFigure.From(app));

    if (options.Runs("pages"))
    {
        Log("public pages");
        figures.AddRange(await PublicPagesScenario.RunAsync(app, options, Log));
    }

    if (options.Runs("emails"))
    {
        Log("emails");
        figures.AddRange(await EmailScenario.RunAsync(app, options, Log));
    }

    if (options.Runs("submit"))
    {
        Log("submit");
        figures.AddRange(await SubmitScenario.RunAsync(app, options, Log));
    }

    if (options.Runs("review"))
    {
        Log("review list");
        figures.AddRange(await ReviewListScenario.RunAsync(app, options, Log));
    }

    if (options.Runs("instances"))
    {
        Log("two instances on one database");
        figures.AddRange(await InstancesScenario.RunAsync(app, options, Log));
    }

    var peak = app.App.PeakWorkingSet;
    Log($"peak working set {peak / 1024.0 / 1024.0:F0} MB");
    figures.Add(StartupFigure.Memory("memory, the whole run", peak, "every scenario of the run, the 100,000-application list included", "report"));
}

var run = Report.Describe(options, startedUtc, clock.Elapsed, loadBefore, figures);
await Report.WriteAsync(run, Path.Combine(RepositoryPaths.Root, "docs"));
Log("wrote docs/PERFORMANCE.md and docs/performance.json");
