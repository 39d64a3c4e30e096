namespace HanZhao.Recruit.Benchmarks;

/// <summary>One row of the report: a scenario's figure, its baseline from the same run, the goal and whether it is met.</summary>
public sealed record Figure
{
    public required string Scenario { get; init; }

    /// <summary>What was measured, e.g. "requests/s".</summary>
    public required string Measure { get; init; }

    public required double Value { get; init; }

    public string? BaselineName { get; init; }

    public double? Baseline { get; init; }

    /// <summary>Value / baseline (or baseline / value for times, so that bigger is better stays readable in <see cref="RatioMeaning"/>).</summary>
    public double? Ratio { get; init; }

    public string? RatioMeaning { get; init; }

    public string Unit { get; init; } = string.Empty;

    public required string Goal { get; init; }

    /// <summary>True, false, or null when the goal is "report".</summary>
    public bool? Met { get; init; }

    public string? Note { get; init; }

    /// <summary>Further numbers behind the figure (percentiles, counts), for the JSON and the details section.</summary>
    public IReadOnlyDictionary<string, double> Details { get; init; } = new Dictionary<string, double>();
}
