namespace HanZhao.Recruit.Benchmarks;

/// <summary>How long and how much: <c>--quick</c> (under 3 minutes on 2 cores) or the full run.</summary>
public sealed record BenchOptions(bool Quick)
{
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

    public int Emails => Quick ? 300 : 1000;

    public const int ReviewApplications = 100_000;

    public int ReviewRequests => Quick ? 30 : 200;

    public static BenchOptions Parse(string[] args)
    {
        var unknown = args.Where(a => a is not ("--quick" or "--only-review")).ToList();
        return unknown.Count > 0
            ? throw new ArgumentException($"Unknown argument(s): {string.Join(' ', unknown)}. Usage: [--quick]")
            : new BenchOptions(args.Contains("--quick"));
    }
}
