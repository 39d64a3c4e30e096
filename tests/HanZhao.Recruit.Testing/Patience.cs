namespace HanZhao.Recruit.Testing;

/// <summary>
/// How long a test waits for something that is bound to happen (the app ready, an email delivered, a
/// job finished) before it gives up. Every wait polls and ends the moment its condition holds, so this
/// figure never decides whether a test passes on a healthy machine: it only turns a hang into a
/// failure. It is minutes, not seconds, because a 2-core machine running other work (load average 24
/// has been seen) can take a minute to start the app.
/// </summary>
public static class Patience
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Asks <paramref name="condition"/> every few milliseconds until it holds (true) or <see cref="Limit"/> has passed (false).</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Limit)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
