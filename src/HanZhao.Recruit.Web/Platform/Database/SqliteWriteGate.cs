using HanZhao.Recruit.Data;

namespace HanZhao.Recruit.Web.Platform.Database;

/// <summary>
/// One writer at a time into the SQLite file, waited for without holding a thread. SQLite has a
/// single write lock; a transaction that finds it taken gets SQLITE_BUSY, and Microsoft.Data.Sqlite
/// retries on the calling thread, sleeping between tries, until the lock is free or the timeout ends.
/// Fifty uploads at once on two cores meant dozens of pool threads asleep in those retries, the
/// thread pool starved, and requests queued before they even started: a submission's median was 15.7 s
/// against 67 ms for the same writes in ADO.NET (docs/PERFORMANCE.md, notes). Busy writes in this
/// process take their turn here instead, asynchronously and in order, and find the lock free; SQLite's
/// own busy wait remains for writers in other processes. On SQL Server, which locks rows, it lets every
/// caller through at once.
/// </summary>
public sealed class SqliteWriteGate(DatabaseConnection connection) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this process's turn to write (at once on SQL Server); dispose the answer to pass the turn on.</summary>
    public async ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (connection.Provider != DatabaseProvider.Sqlite)
        {
            return Turn.None;
        }

        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim? turn) : IAsyncDisposable
    {
        public static readonly Turn None = new(null);

        private SemaphoreSlim? _turn = turn;

        public ValueTask DisposeAsync()
        {
            // Passed on once, however often the holder disposes it.
            Interlocked.Exchange(ref _turn, null)?.Release();
            return ValueTask.CompletedTask;
        }
    }
}
