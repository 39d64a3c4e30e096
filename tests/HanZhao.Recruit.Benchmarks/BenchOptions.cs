namespace HanZhao.Recruit.Benchmarks;

/// <summary>How long and how much: <c>--quick</c> (under 3 minutes on 2 cores) or the full run.</summary>
public sealed record BenchOptions(bool Quick, IReadOnlyList<string> Only)
{
    public static readonly IReadOnlyList<string> Scenarios = ["startup", "pages", "emails", "submit", "review", "instances"];

    public string Mode => Quick ? "quick" : "full";

    /// <summary>Baseline and scenario alternate this many times, so drifting machine load hits both alike.</summary>
    public int Rounds => Quick ? 2 : 3;

    /// <summary>Keep-alive connections for the page scenarios.</summary>
    public const int PageConnections = 8;

    public TimeSpan PageWarmUp => TimeSpan.FromSeconds(Quick ? 1 : 3);

    public TimeSpan PageDuration => TimeSpan.FromSeconds(Quick ? 3 : 10);

    /// <summary>The upper bound on requests per measurement, whatever the time limit.</summary>
    public int PageMaxRequests => Quick ? 50_000 : 200_000;

    public const int SubmitUsers = 50;

    public int SubmitRounds => Quick ? 1 : 4;

    /// <summary>
    /// Untimed rounds of the submit scenario before the timed ones, for both sides: in a fresh process the
    /// upload and submit code starts as unoptimised JIT code and is compiled again while the first rounds
    /// run (the app's p99 fell round by round, 2,063 → 1,653 → 1,422 → 1,266 ms, while the baseline's stayed
    /// at 0.9–1.1 s). The timed rounds measure a running server; the cold start has its own figure.
    /// </summary>
    public int SubmitWarmUpRounds => Quick ? 1 : 2;

    public int Emails => Quick ? 200 : 1000;

    public const int ReviewApplications = 100_000;

    public int ReviewRequests => Quick ? 24 : 240;

    /// <summary>Whether this scenario runs: all of them unless <c>--only</c> names some (for working on one).</summary>
    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    /// <summary><c>[--quick] [--only startup,pages,emails,submit,review,instances]</c>.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var quick = false;
        var only = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
            }
            else if (args[i] == "--only" && i + 1 < args.Length && args[i + 1].Split(',') is var names && names.All(Scenarios.Contains))
            {
                only.AddRange(names);
                i++;
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--quick] [--only {string.Join(',', Scenarios)}]");
            }
        }

        return new BenchOptions(quick, only);
    }
}
