using HanZhao.Recruit.Data;

namespace HanZhao.Recruit.Web.Platform.Database;

/// <summary>
/// One writer at a time into the SQLite file, waited for without holding a thread. SQLite has a
/// single write lock; a transaction that finds it taken gets SQLITE_BUSY, and Microsoft.Data.Sqlite
/// retries on the calling thread, sleeping between tries, until the lock is free or the timeout ends.
/// Fifty uploads at once on two cores meant dozens of pool threads asleep in those retries, the
/// thread pool starved, and requests queued before they even started: a submission's median was 15.7 s
/// against 67 ms for the same writes in ADO.NET (docs/PERFORMANCE.md, notes). Busy writes in this
/// process take their turn here instead, asynchronously and in arrival order, and find the lock free;
/// SQLite's own busy wait remains for writers in other processes. On SQL Server, which locks rows, it
/// lets every caller through at once.
/// </summary>
/// <remarks>
/// The turn is handed on as a work item on the releasing thread's own queue, not through the thread
/// pool's shared queue (where a <see cref="SemaphoreSlim"/> puts its waiters): under load that queue
/// holds every other request's work, and the lock would stand idle until the next writer's turn came
/// up in it. The releasing holder then steps aside (it yields, its own rest going to the shared queue), so
/// that thread takes up the next writer at once instead of first finishing its own request (the
/// response, the disposals: about a millisecond): under the submit load those handovers added up to
/// 100-300 ms of each round of 200 writes, with the lock free (docs/PERFORMANCE.md). A holder that hands
/// the turn to no one goes on without yielding.
/// </remarks>
public sealed class SqliteWriteGate(DatabaseConnection connection)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = [];
    private bool _held;

    /// <summary>Waits for this process's turn to write (at once on SQL Server); dispose the answer to pass the turn on.</summary>
    public async ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (connection.Provider != DatabaseProvider.Sqlite)
        {
            return Turn.None;
        }

        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return new Turn(this);
            }

            // Completed from a work item of its own (see Release), so its continuation may run inline there.
            node = _waiting.AddLast(new TaskCompletionSource());
        }

        await using (cancellationToken.Register(() => Abandon(node, cancellationToken)))
        {
            await node.Value.Task;
        }

        return new Turn(this);
    }

    /// <summary>A waiter that gives up before its turn leaves the line; one already handed the turn keeps it (and passes it on when disposed).</summary>
    private void Abandon(LinkedListNode<TaskCompletionSource> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                return;
            }

            _waiting.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }

    /// <summary>Frees the turn or hands it to the first waiter; true when handed on.</summary>
    private bool Release()
    {
        TaskCompletionSource next;
        lock (_lock)
        {
            if (_waiting.First is not { } first)
            {
                _held = false;
                return false;
            }

            next = first.Value;
            _waiting.RemoveFirst();
        }

        ThreadPool.UnsafeQueueUserWorkItem(static waiter => waiter.TrySetResult(), next, preferLocal: true);
        return true;
    }

    private sealed class Turn(SqliteWriteGate? gate) : IAsyncDisposable
    {
        public static readonly Turn None = new(null);

        private SqliteWriteGate? _gate = gate;

        public async ValueTask DisposeAsync()
        {
            // Passed on once, however often the holder disposes it.
            if (Interlocked.Exchange(ref _gate, null)?.Release() == true)
            {
                await Task.Yield();
            }
        }
    }
}
