using HanZhao.Recruit.Web.Platform.Caching;

namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// Several instances on one SQLite file (docs/SCALING.md): a second instance B is started on the
/// first one's data folder, and the load generator sends each request to the next instance in turn
/// (a round-robin load balancer). The cached homepage on A and B against A alone; submissions
/// (<see cref="SubmitScenario"/>'s timed part, 50 at once) split over A and B against all on A; and
/// the cost of the public-content version check (docs/SCALING.md): A (checking every second, the
/// default) against C, a third instance with the check off. Alternating round by round.
/// </summary>
public static class InstancesScenario
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchApp app, BenchOptions options, Action<string> log)
    {
        await using var b = await app.StartAnotherInstanceAsync();
        await using var c = await app.StartAnotherInstanceAsync(new Dictionary<string, string?> { [PublicContentVersions.IntervalSetting] = "00:00:00" });
        using var onA = LoadGenerator.CreateClient(app.BaseAddress, BenchOptions.PageConnections);
        using var onB = LoadGenerator.CreateClient(b.BaseAddress, BenchOptions.PageConnections);
        using var onC = LoadGenerator.CreateClient(c.BaseAddress, BenchOptions.PageConnections);
        (string Name, HttpClient[] Clients)[] loads = [("A", [onA]), ("A+B", [onA, onB]), ("C (no check)", [onC])];
        foreach (var load in loads)
        {
            await LoadGenerator.GetAsync(load.Clients, "/", BenchOptions.PageConnections, options.PageMaxRequests, options.PageWarmUp);
        }

        var pages = loads.ToDictionary(l => l.Name, _ => new Samples());
        var one = new Samples();
        var two = new Samples();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var load in loads)
            {
                var samples = await LoadGenerator.GetAsync(load.Clients, "/", BenchOptions.PageConnections, options.PageMaxRequests, options.PageDuration);
                log($"  round {round} homepage on {load.Name}: {samples.PerSecond:F0} requests/s, p99 {samples.Percentile(99):F1} ms, {samples.Errors} errors");
                pages[load.Name].Merge(samples);
            }

            var alone = await SubmitScenario.SubmitOnAsync(app, [app.BaseAddress], $"one{round}-", BenchOptions.SubmitUsers);
            var split = await SubmitScenario.SubmitOnAsync(app, [app.BaseAddress, b.BaseAddress], $"two{round}-", BenchOptions.SubmitUsers);
            log($"  round {round} submissions: A {alone.PerSecond:F1}/s ({alone.Errors} errors), A+B {split.PerSecond:F1}/s ({split.Errors} errors)");
            one.Merge(alone);
            two.Merge(split);
        }

        var (a, ab, off) = (pages["A"], pages["A+B"], pages["C (no check)"]);
        return
        [
            new Figure
            {
                Scenario = "homepage, cached, two instances on one database, round-robin",
                Measure = "requests/s",
                Value = ab.PerSecond,
                BaselineName = "one instance",
                Baseline = a.PerSecond,
                Ratio = ab.PerSecond / a.PerSecond,
                RatioMeaning = "two instances / one",
                Unit = "requests/s",
                Goal = "report",
                Note = $"p99 {ab.Percentile(99):F1} ms (one instance {a.Percentile(99):F1} ms); the instances share the machine's cores with the load generator",
                Details = PublicPagesScenario.Details(ab, "twoInstances").Concat(PublicPagesScenario.Details(a, "oneInstance")).ToDictionary(),
            },
            new Figure
            {
                Scenario = "submit an application, 50 at once, split over two instances on one SQLite file",
                Measure = "submissions/s",
                Value = two.PerSecond,
                BaselineName = "all 50 on one instance",
                Baseline = one.PerSecond,
                Ratio = two.PerSecond / one.PerSecond,
                RatioMeaning = "two instances / one",
                Unit = "submissions/s",
                Goal = "report (SQLite has one writer)",
                Note = $"p99 {two.Percentile(99):F0} ms (one instance {one.Percentile(99):F0} ms); {two.Errors + one.Errors} failed",
                Details = PublicPagesScenario.Details(two, "twoInstances").Concat(PublicPagesScenario.Details(one, "oneInstance")).ToDictionary(),
            },
            new Figure
            {
                Scenario = "homepage, cached, with the public-content version check (every 1 s)",
                Measure = "requests/s",
                Value = a.PerSecond,
                BaselineName = "an instance with the check off",
                Baseline = off.PerSecond,
                Ratio = a.PerSecond / off.PerSecond,
                RatioMeaning = "checked / unchecked",
                Unit = "requests/s",
                // Report only: C starts last and has had the least traffic (tiered JIT), so on a busy machine
                // it reads slower than A for reasons that are not the check (docs/SCALING.md).
                Goal = "report",
                Note = "C is started last: on a busy machine it is less warmed up than A",
                Details = PublicPagesScenario.Details(a, "checked").Concat(PublicPagesScenario.Details(off, "unchecked")).ToDictionary(),
            },
        ];
    }
}
