namespace HanZhao.Recruit.Testing;

/// <summary>
/// The app's one <see cref="TimeProvider"/> in tests: real time unless a test freezes it (so a
/// duration computed by the app does not depend on how busy the machine is) or moves it forward
/// (to reach a retry, a deadline or an expiry without waiting).
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>
    /// A Monday morning in Shanghai in the spring of 2026, when the homepage's intakes were current:
    /// 2026.09 takes applications (its enrollment is months away) and 2025.09 has begun. The app in
    /// tests starts here, so what is open does not depend on the day the tests run.
    /// </summary>
    public static readonly DateTimeOffset Spring2026 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly Lock _lock = new();
    private DateTimeOffset? _frozenAt;
    private TimeSpan _offset;

    /// <summary>Real time.</summary>
    public TestClock()
    {
    }

    /// <summary>Time running from <paramref name="start"/> at the real pace.</summary>
    public TestClock(DateTimeOffset start) => _offset = start - base.GetUtcNow();

    /// <summary>Stops the clock at the current moment (or at <paramref name="at"/>); <see cref="Advance"/> still moves it.</summary>
    public void Freeze(DateTimeOffset? at = null)
    {
        lock (_lock)
        {
            _frozenAt = at ?? GetUtcNow();
            _offset = TimeSpan.Zero;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            if (_frozenAt is { } frozen)
            {
                _frozenAt = frozen + by;
            }
            else
            {
                _offset += by;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _frozenAt ?? base.GetUtcNow() + _offset;
        }
    }
}
