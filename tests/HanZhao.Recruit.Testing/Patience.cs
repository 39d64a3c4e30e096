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

    /// <summary>
    /// Asks <paramref name="condition"/> every <paramref name="every"/> (20 ms unless given) until it holds,
    /// or fails after <paramref name="limit"/> (<see cref="Limit"/> unless given) with <paramref name="what"/>
    /// (asked then, so it can say what it saw last). The one poll loop of the tests and the benchmark:
    /// waits end the moment the condition holds, never after a set time.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan? limit = null, TimeSpan? every = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Xunit.Assert.True(clock.Elapsed < (limit ?? Limit), $"Not within {limit ?? Limit}: {what()}");
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(20));
        }
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, Func{string}, TimeSpan?, TimeSpan?)"/>
    public static Task UntilAsync(Func<bool> condition, Func<string> what, TimeSpan? limit = null, TimeSpan? every = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, limit, every);
}
