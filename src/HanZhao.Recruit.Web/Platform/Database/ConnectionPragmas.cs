using System.Data.Common;
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
/// </list>
/// </summary>
public sealed class ConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA secure_delete = ON; PRAGMA wal_autocheckpoint = 0;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
