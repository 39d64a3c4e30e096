using System.Data.Common;
using System.Threading.Channels;
using HanZhao.Recruit.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanZhao.Recruit.Web.Platform.Database;

/// <summary>
/// Copies SQLite's write-ahead log into the database file after commits, on a connection of its own,
/// so no request waits for it inside its commit while holding this process's write turn
/// (<see cref="ConnectionPragmas"/> turns the automatic checkpoint off). A committed transaction nudges it; nudges that arrive while it works
/// fold into one more pass. PASSIVE: it copies what no reader still needs and never waits for, or
/// blocks, readers and writers; what it could not copy goes with the next pass. The log is never
/// lost either way: SQLite reads through it, and checkpoints it when the last connection closes.
/// On SQL Server it does nothing.
/// </summary>
public sealed class WalCheckpoints(DatabaseConnection connection, ILogger<WalCheckpoints> logger) : BackgroundService, IDbTransactionInterceptor
{
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => _nudges.Writer.TryWrite(true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _nudges.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connection.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        try
        {
            await foreach (var _ in _nudges.Reader.ReadAllAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: SQLite checkpoints when the last connection closes.
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var sqlite = new SqliteConnection(connection.ConnectionString);
            await sqlite.OpenAsync(cancellationToken);
            await using var command = sqlite.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException error)
        {
            // The log stays and the next commit brings another pass; a checkpoint that keeps failing is worth a look.
            logger.LogWarning(error, "Copying SQLite's write-ahead log into the database file failed; it is tried again after the next commit");
        }
    }
}
