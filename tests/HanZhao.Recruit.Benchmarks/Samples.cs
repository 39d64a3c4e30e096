using System.Diagnostics;

namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// Latencies of every request of a measurement, kept whole so percentiles come from all samples
/// (never averages of per-worker percentiles), plus the wall time the measurement took.
/// </summary>
public sealed class Samples
{
    private readonly List<double> _milliseconds = [];

    public int Count
    {
        get
        {
            lock (_milliseconds)
            {
                return _milliseconds.Count;
            }
        }
    }

    public int Errors { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Completed operations per second of wall time.</summary>
    public double PerSecond => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : 0;

    public void Add(double milliseconds)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(milliseconds);
        }
    }

    public void AddError()
    {
        lock (_milliseconds)
        {
            Errors++;
        }
    }

    public void AddElapsed(TimeSpan elapsed) => Elapsed += elapsed;

    /// <summary>Adds another measurement's samples and time (rounds of the same scenario).</summary>
    public void Merge(Samples other)
    {
        lock (other._milliseconds)
        {
            lock (_milliseconds)
            {
                _milliseconds.AddRange(other._milliseconds);
                Errors += other.Errors;
            }
        }

        Elapsed += other.Elapsed;
    }

    /// <summary>Nearest-rank percentile over all samples.</summary>
    public double Percentile(double p)
    {
        lock (_milliseconds)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _milliseconds.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }

    /// <summary>Times one operation, from <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) or else its own start, and records it (or an error) here.</summary>
    public async Task TimeAsync(Func<Task<bool>> operation, long? since = null)
    {
        var start = since ?? Stopwatch.GetTimestamp();
        var ok = await operation();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (ok)
        {
            Add(elapsed);
        }
        else
        {
            AddError();
        }
    }
}
