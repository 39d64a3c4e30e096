namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// The cached homepage against the same bytes served as a static file by the same process; the
/// filtered publications page against the cached homepage; the cached homepage asked with
/// <c>Accept-Encoding: br</c> against the same Brotli bytes written from memory by an endpoint ahead
/// of every middleware (<see cref="StartupHook.MemoryPath"/>). All alternate round by round.
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

        // The wire: the same page asked with br and gzip (read as sent, not decompressed), and its Brotli copy in memory.
        var brotli = await WireAsync(client, "/", Brotli);
        var gzip = await WireAsync(client, "/", "gzip");
        await File.WriteAllBytesAsync(Path.Combine(app.StaticRoot, StartupHook.MemoryFile), brotli);
        if (!(await WireAsync(client, StartupHook.MemoryPath, Brotli)).AsSpan().SequenceEqual(brotli))
        {
            throw new InvalidOperationException("The in-memory copy differs from the Brotli homepage.");
        }

        (string Name, string Path, string? Encoding)[] loads =
        [
            (staticPath, staticPath, null), ("/", "/", null), (FilteredPublications, FilteredPublications, null),
            (BrotliHome, "/", Brotli), (StartupHook.MemoryPath, StartupHook.MemoryPath, Brotli),
        ];
        foreach (var load in loads)
        {
            await LoadGenerator.GetAsync(client, load.Path, BenchOptions.PageConnections, options.PageMaxRequests, options.PageWarmUp, load.Encoding);
        }

        var results = loads.ToDictionary(l => l.Name, _ => new Samples());
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var load in loads)
            {
                var samples = await LoadGenerator.GetAsync(client, load.Path, BenchOptions.PageConnections, options.PageMaxRequests, options.PageDuration, load.Encoding);
                log($"  round {round} {load.Name}: {samples.PerSecond:F0} requests/s, p99 {samples.Percentile(99):F1} ms, {samples.Errors} errors");
                results[load.Name].Merge(samples);
            }
        }

        var staticFile = results[staticPath];
        var cached = results["/"];
        var publications = results[FilteredPublications];
        var cachedBrotli = results[BrotliHome];
        var memory = results[StartupHook.MemoryPath];
        return
        [
            new Figure
            {
                Scenario = "homepage, cached, bytes on the wire",
                Measure = "body bytes with Accept-Encoding: br",
                Value = brotli.Length,
                BaselineName = "the same page without Accept-Encoding (identity)",
                Baseline = home.Length,
                Ratio = (double)brotli.Length / home.Length,
                RatioMeaning = "br / identity",
                Unit = "bytes",
                Goal = "report",
                Note = $"gzip {gzip.Length:N0} bytes ({(double)gzip.Length / home.Length:F2} of identity)",
                Details = new Dictionary<string, double> { ["br.bytes"] = brotli.Length, ["gzip.bytes"] = gzip.Length, ["identity.bytes"] = home.Length },
            },
            new Figure
            {
                Scenario = "homepage, cached, Accept-Encoding: br",
                Measure = "requests/s",
                Value = cachedBrotli.PerSecond,
                BaselineName = $"the same {brotli.Length:N0} Brotli bytes written from memory by an endpoint ahead of every middleware",
                Baseline = memory.PerSecond,
                Ratio = cachedBrotli.PerSecond / memory.PerSecond,
                RatioMeaning = "homepage br / minimal endpoint",
                Unit = "requests/s",
                Goal = "report (the limit for this server)",
                Note = $"p99 {cachedBrotli.Percentile(99):F1} ms (minimal endpoint p99 {memory.Percentile(99):F1} ms)",
                Details = Details(cachedBrotli, "homepageBr").Concat(Details(memory, "memory")).ToDictionary(),
            },
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

    private const string Brotli = "br";
    private const string BrotliHome = "/ (br)";

    /// <summary>One response's body exactly as sent (this client never decompresses), checked to be in <paramref name="coding"/>.</summary>
    private static async Task<byte[]> WireAsync(HttpClient client, string path, string coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        if (!response.Content.Headers.ContentEncoding.SequenceEqual([coding]))
        {
            throw new InvalidOperationException($"{path} asked with {coding} came as '{string.Join(",", response.Content.Headers.ContentEncoding)}'.");
        }

        return await response.Content.ReadAsByteArrayAsync();
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
