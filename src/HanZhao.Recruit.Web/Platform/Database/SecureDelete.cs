using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanZhao.Recruit.Web.Platform.Database;

/// <summary>
/// SQLite leaves the bytes of deleted and rewritten rows in free space of the file until something
/// overwrites them, so an erased applicant's name could still be read from recruit.db (or a backup of
/// it). With secure_delete on, SQLite overwrites that space with zeros as it frees it. It is a setting
/// of each connection, not of the file, so every connection the app opens turns it on; SQL Server
/// needs nothing here.
/// </summary>
public sealed class SecureDelete : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
