using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanZhao.Recruit.Web.Platform.Database;

/// <summary>
/// Settings SQLite keeps per connection, not per file, so every connection the app opens sets them
/// (SQL Server needs nothing here):
/// <list type="bullet">
/// <item>secure_delete: SQLite leaves the bytes of deleted and rewritten rows in free space of the
/// file until something overwrites them, so an erased applicant's name could still be read from
/// recruit.db (or a backup of it); with it on, SQLite overwrites that space with zeros as it frees it.</item>
/// <item>wal_autocheckpoint off: the commit that pushes the write-ahead log past 1,000 pages would
/// otherwise copy the log into the file and wait for the disk before it returns (SQLite does it
/// right after releasing its write lock, on the committing connection), so the request, and the
/// turn it holds in <see cref="SqliteWriteGate"/>, waited too, and every writer queued behind it.
/// <see cref="WalCheckpoints"/> does that copying on its own connection after commits instead.</item>
/// <item>busy_timeout, as long as the connection's own timeout: a write that finds another writer's lock
/// (another process, or a background job of this one that does not take a turn in <see cref="SqliteWriteGate"/>)
/// waits in SQLite, which looks again after 1, 2, 5, 10... ms, not in Microsoft.Data.Sqlite's retry, which
/// sleeps 150 ms between tries. Under the submit load such a wait came while holding the write turn, and
/// every upload behind it waited 150 ms too (docs/PERFORMANCE.md).</item>
/// </list>
/// </summary>
public sealed class ConnectionPragmas : DbConnectionInterceptor
{
    private static string Pragmas(SqliteConnection connection) => string.Create(
        CultureInfo.InvariantCulture, $"PRAGMA secure_delete = ON; PRAGMA wal_autocheckpoint = 0; PRAGMA busy_timeout = {connection.DefaultTimeout * 1000};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas(sqlite);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas(sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
