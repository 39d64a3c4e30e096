namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// The cached homepage against the same bytes served as a static file by the same process, and the
/// filtered publications page against the cached homepage. The three alternate round by round.
/// </summary>
public static class PublicPagesScenario
{
    public const string FilteredPublications = "/publications?year=2024&type=conference";

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchApp app, BenchOptions options, Action<string> log)
    {
        using var client = LoadGenerator.CreateClient(app.BaseAddress, BenchOptions.PageConnections);

        // The static copy: exactly the bytes the cached homepage sends.
        var home = await client.GetByteArrayAsync(new Uri("/", UriKind.Relative));
        await File.WriteAllBytesAsync(Path.Combine(app.StaticRoot, "home.html"), home);
        var staticPath = StartupHook.RequestPath + "/home.html";
        var copy = await client.GetByteArrayAsync(new Uri(staticPath, UriKind.Relative));
        if (!copy.AsSpan().SequenceEqual(home))
        {
            throw new InvalidOperationException("The static copy differs from the homepage.");
        }

        var paths = new[] { staticPath, "/", FilteredPublications };
        foreach (var path in paths)
        {
            await LoadGenerator.GetAsync(client, path, BenchOptions.PageConnections, options.PageMaxRequests, options.PageWarmUp);
        }

        var results = paths.ToDictionary(p => p, _ => new Samples());
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var path in paths)
            {
                var samples = await LoadGenerator.GetAsync(client, path, BenchOptions.PageConnections, options.PageMaxRequests, options.PageDuration);
                log($"  round {round} {path}: {samples.PerSecond:F0} requests/s, p99 {samples.Percentile(99):F1} ms, {samples.Errors} errors");
                results[path].Merge(samples);
            }
        }

        var staticFile = results[staticPath];
        var cached = results["/"];
        var publications = results[FilteredPublications];
        return
        [
            new Figure
            {
                Scenario = "homepage, cached",
                Measure = "requests/s",
                Value = cached.PerSecond,
                BaselineName = $"the same {home.Length:N0} bytes as a static file from the same app",
                Baseline = staticFile.PerSecond,
                Ratio = cached.PerSecond / staticFile.PerSecond,
                RatioMeaning = "homepage / static file",
                Unit = "requests/s",
                Goal = "≥ 0.9 of baseline",
                Met = cached.PerSecond / staticFile.PerSecond >= 0.9,
                Details = Details(cached, "homepage").Concat(Details(staticFile, "static")).ToDictionary(),
            },
            new Figure
            {
                Scenario = $"publications page, filtered ({FilteredPublications})",
                Measure = "requests/s and p99",
                Value = publications.PerSecond,
                BaselineName = "cached homepage",
                Baseline = cached.PerSecond,
                Ratio = publications.PerSecond / cached.PerSecond,
                RatioMeaning = "publications / homepage",
                Unit = "requests/s",
                Goal = "report",
                Note = $"p99 {publications.Percentile(99):F1} ms (homepage p99 {cached.Percentile(99):F1} ms)",
                Details = Details(publications, "publications").Concat(Details(cached, "homepage")).ToDictionary(),
            },
        ];
    }

    /// <summary>Count, errors, rate (when the samples were timed as a whole) and percentiles, named with a prefix.</summary>
    public static IEnumerable<KeyValuePair<string, double>> Details(Samples samples, string prefix)
    {
        yield return new($"{prefix}.count", samples.Count);
        yield return new($"{prefix}.errors", samples.Errors);
        if (samples.Elapsed > TimeSpan.Zero)
        {
            yield return new($"{prefix}.seconds", samples.Elapsed.TotalSeconds);
            yield return new($"{prefix}.perSecond", samples.PerSecond);
        }

        yield return new($"{prefix}.p50Ms", samples.Percentile(50));
        yield return new($"{prefix}.p95Ms", samples.Percentile(95));
        yield return new($"{prefix}.p99Ms", samples.Percentile(99));
    }
}
