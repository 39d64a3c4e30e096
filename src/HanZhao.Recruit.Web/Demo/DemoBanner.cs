using System.Data.Common;
using HanZhao.Recruit.Data;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Demo;

/// <summary>
/// Whether pages show the "demo data" banner: while the database holds demo applications. Known at
/// start (<see cref="DemoSeeder"/>), then looked up again at most once a minute, in the background,
/// so no page waits for it and another instance's demo data (or its removal) shows within a minute.
/// </summary>
public sealed class DemoBanner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoBanner> logger)
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    private State? _state;
    private int _refreshing;

    /// <summary>Whether demo applications exist, as last looked up.</summary>
    public async ValueTask<bool> IsShownAsync()
    {
        if (Volatile.Read(ref _state) is not { } state)
        {
            return await RefreshAsync();
        }

        var age = clock.GetUtcNow().UtcDateTime - state.CheckedAtUtc;
        if ((age < TimeSpan.Zero || age >= Recheck) && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await RefreshAsync();
                }
                finally
                {
                    Volatile.Write(ref _refreshing, 0);
                }
            });
        }

        return state.Shown;
    }

    /// <summary>What the seeder found or made at start.</summary>
    public void Remember(bool shown) => Volatile.Write(ref _state, new State(shown, clock.GetUtcNow().UtcDateTime));

    private async Task<bool> RefreshAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
            var shown = await db.Applications.AnyAsync(a => a.IsDemo);
            Remember(shown);
            return shown;
        }
        catch (Exception error) when (error is DbException or ObjectDisposedException)
        {
            // A banner is not worth a failed page (the error page itself has the layout); the last answer stands.
            logger.LogWarning(error, "Could not check for demo data");
            return Volatile.Read(ref _state)?.Shown ?? false;
        }
    }

    private sealed record State(bool Shown, DateTime CheckedAtUtc);
}
