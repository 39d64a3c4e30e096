using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// Writes docs/PERFORMANCE.md (the table) and docs/performance.json (the same figures). Whatever
/// follows <see cref="NotesMarker"/> in an existing PERFORMANCE.md (the written analysis, before and
/// after of fixes) is kept, so a new run replaces the figures and not the notes.
/// </summary>
public static class Report
{
    public const string NotesMarker = "<!-- Notes below are kept when the benchmark rewrites this file. -->";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public sealed record Run(
        string Mode, DateTime StartedUtc, TimeSpan WallTime, string Machine, string Os, string Runtime,
        string LoadBefore, string LoadAfter, string LoadDriver, IReadOnlyList<Figure> Figures);

    public static Run Describe(BenchOptions options, DateTime startedUtc, TimeSpan wallTime, string loadBefore, IReadOnlyList<Figure> figures) => new(
        options.Mode, startedUtc, wallTime,
        $"{Environment.ProcessorCount} cores, {CpuModel()}, {MemoryTotal()}",
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        loadBefore, LoadAverage(),
        "A closed-loop load generator in this program (HttpClient, SocketsHttpHandler, HTTP/1.1 keep-alive): N workers on N connections, "
        + "each sending its next request when the last response body has been read; bounded by a request count and a time limit; 127.0.0.1 only. "
        + "It runs on the same 2 cores as the app, so absolute figures are lower than on a separate client machine; the baselines share that handicap.",
        figures);

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static async Task WriteAsync(Run run, string docsFolder)
    {
        Directory.CreateDirectory(docsFolder);
        await File.WriteAllTextAsync(Path.Combine(docsFolder, "performance.json"), JsonSerializer.Serialize(run, Json) + "\n");

        var markdown = Path.Combine(docsFolder, "PERFORMANCE.md");
        var notes = File.Exists(markdown) && (await File.ReadAllTextAsync(markdown)) is var existing && existing.Contains(NotesMarker, StringComparison.Ordinal)
            ? existing[existing.IndexOf(NotesMarker, StringComparison.Ordinal)..]
            : NotesMarker + "\n";
        await File.WriteAllTextAsync(markdown, Markdown(run) + "\n" + notes);
    }

    private static string Markdown(Run run)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        Line("# Performance");
        Line();
        Line($"Written by `dotnet run -c Release --project tests/HanZhao.Recruit.Benchmarks{(run.Mode == "quick" ? " -- --quick" : string.Empty)}` "
             + $"({run.Mode} mode) on {run.StartedUtc:yyyy-MM-dd HH:mm} UTC; the run took {run.WallTime.TotalSeconds:F0} s. Every baseline was measured in the same run.");
        Line();
        Line($"- Machine: {run.Machine}; {run.Os}; {run.Runtime}.");
        Line($"- Load average (1/5/15 min) before the run: {run.LoadBefore}; after: {run.LoadAfter}. A load above the core count means other work shared the cores and the figures are noisy; the ratios to same-run baselines are what count.");
        Line($"- Load: {run.LoadDriver}");
        Line("- The app: the Release build as its own process (`AppProcess`), Production environment, on 127.0.0.1 with a fresh SQLite file and the real SMTP server (npm smtp-server) on 127.0.0.1.");
        Line();
        Line("| scenario | figure | value | baseline in the same run | baseline value | ratio | goal | met |");
        Line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var f in run.Figures)
        {
            var met = f.Met switch { true => "met", false => "**not met**", null => "(report)" };
            var ratio = f.Ratio is { } r ? $"{r.ToString("0.00", CultureInfo.InvariantCulture)} ({f.RatioMeaning})" : "—";
            Line($"| {f.Scenario} | {f.Measure} | {Number(f.Value)} {f.Unit}{(f.Note is null ? string.Empty : "; " + f.Note)} | {f.BaselineName ?? "—"} | "
                 + $"{(f.Baseline is { } b ? Number(b) + " " + f.Unit : "—")} | {ratio} | {f.Goal} | {met} |");
        }

        Line();
        Line("Details (all samples of all rounds; percentiles by nearest rank over every sample):");
        Line();
        foreach (var f in run.Figures.Where(f => f.Details.Count > 0))
        {
            Line($"- {f.Scenario}: " + string.Join(", ", f.Details.Select(d => $"{d.Key} {Number(d.Value)}")));
        }

        return text.ToString();
    }

    private static string Number(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static string MemoryTotal() =>
        File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() + " RAM"
            : "unknown RAM";
}
