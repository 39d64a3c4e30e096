using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Database;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// This process's SQLite writers take turns: one at a time, in the order they came, a waiter that
/// gives up leaves the line without taking anyone's turn, and on SQL Server nobody waits. No test
/// here waits for time to pass: each asserts what has or has not completed at a given step.
/// </summary>
public sealed class SqliteWriteGateTests
{
    private static SqliteWriteGate Gate(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(new DatabaseConnection(provider, "Data Source=unused.db"));

    [Fact]
    public async Task Writers_get_their_turns_one_at_a_time_in_the_order_they_came()
    {
        var gate = Gate();
        var first = await gate.EnterAsync(CancellationToken.None);
        var waiting = Enumerable.Range(0, 5).Select(_ => gate.EnterAsync(CancellationToken.None).AsTask()).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        var current = first;
        for (var i = 0; i < waiting.Count; i++)
        {
            await current.DisposeAsync();
            current = await waiting[i].WaitAsync(Patience.Limit);
            // Only the next in line got the turn; everyone behind still waits.
            Assert.All(waiting.Skip(i + 1), w => Assert.False(w.IsCompleted));
        }

        await current.DisposeAsync();
        // Free again: the next writer goes straight in.
        await (await gate.EnterAsync(CancellationToken.None)).DisposeAsync();
    }

    [Fact]
    public async Task A_writer_that_gives_up_while_waiting_leaves_the_line_and_the_one_behind_it_gets_the_turn()
    {
        var gate = Gate();
        var holder = await gate.EnterAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var quitter = gate.EnterAsync(giveUp.Token).AsTask();
        var patient = gate.EnterAsync(CancellationToken.None).AsTask();

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => quitter.WaitAsync(Patience.Limit));
        Assert.False(patient.IsCompleted);

        await holder.DisposeAsync();
        await (await patient.WaitAsync(Patience.Limit)).DisposeAsync();
    }

    [Fact]
    public async Task A_turn_disposed_twice_passes_on_once()
    {
        var gate = Gate();
        var holder = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        var third = gate.EnterAsync(CancellationToken.None).AsTask();

        await holder.DisposeAsync();
        await holder.DisposeAsync();
        var turn = await second.WaitAsync(Patience.Limit);
        Assert.False(third.IsCompleted);
        await turn.DisposeAsync();
        await (await third.WaitAsync(Patience.Limit)).DisposeAsync();
    }

    [Fact]
    public async Task An_already_cancelled_writer_never_gets_a_turn()
    {
        var gate = Gate();
        var holder = await gate.EnterAsync(CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(new CancellationToken(canceled: true)).AsTask());
        await holder.DisposeAsync();
        await (await gate.EnterAsync(CancellationToken.None)).DisposeAsync();
    }

    [Fact]
    public async Task Many_writers_at_once_never_overlap_and_all_get_through()
    {
        var gate = Gate();
        var inside = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            await using var turn = await gate.EnterAsync(CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        }))).WaitAsync(Patience.Limit);
        Assert.Equal(1, most);
    }

    [Fact]
    public async Task On_SQL_Server_nobody_waits()
    {
        var gate = Gate(DatabaseProvider.SqlServer);
        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None);
        Assert.True(second.IsCompleted);
        await first.DisposeAsync();
        await (await second).DisposeAsync();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
