using System.Buffers;
using System.Data;
using System.Data.Common;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HanZhao.Recruit.Web.Platform.Database;

/// <summary>
/// A document's bytes (<see cref="DocumentContent"/>) written and read as streams, never as one array:
/// on SQLite with incremental blob I/O (a row inserted with <c>zeroblob(n)</c>, then written and read
/// through <see cref="SqliteBlob"/> in 64 KB pieces); on SQL Server with a streaming parameter
/// (varbinary(max) with a <see cref="Stream"/> value) and a sequential reader. Both go through the
/// context's own connection and transaction, so a document row and its bytes commit or vanish together.
/// </summary>
public static class DocumentBlobs
{
    /// <summary>Under the large object heap's 85,000 bytes, borrowed from the pool for each copy.</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// Inserts the bytes of document <paramref name="documentId"/> from <paramref name="source"/>, which
    /// holds exactly <paramref name="length"/> bytes, inside the context's current transaction.
    /// </summary>
    public static async Task WriteAsync(RecruitDbContext db, int documentId, long length, Stream source, CancellationToken cancellationToken)
    {
        var (table, column, key) = Names(db);
        var connection = db.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A document's bytes are written inside the transaction that adds its row.");
        Parameter(insert, "@id", DbType.Int32, documentId);
        if (connection is SqliteConnection sqlite)
        {
            insert.CommandText = $"INSERT INTO \"{table}\" (\"{key}\", \"{column}\") VALUES (@id, zeroblob(@length))";
            Parameter(insert, "@length", DbType.Int64, length);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            // The key is the table's INTEGER PRIMARY KEY, which SQLite uses as the rowid.
            await using var blob = new SqliteBlob(sqlite, table, column, documentId);
            Copy(source, blob, length, cancellationToken);
        }
        else
        {
            insert.CommandText = $"INSERT INTO [{table}] ([{key}], [{column}]) VALUES (@id, @bytes)";
            // Size -1 is varbinary(max): SqlClient reads the stream as it sends, in packets.
            var bytes = Parameter(insert, "@bytes", DbType.Binary, new LengthCheckedStream(source, length));
            bytes.Size = -1;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The bytes of document <paramref name="documentId"/> as a stream read from the database as it is
    /// read (the caller disposes it; the context's connection stays open until then), or null.
    /// </summary>
    public static async Task<Stream?> OpenReadAsync(RecruitDbContext db, int documentId, CancellationToken cancellationToken)
    {
        var (table, column, key) = Names(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        Parameter(command, "@id", DbType.Int32, documentId);
        if (connection is SqliteConnection sqlite)
        {
            await using (command)
            {
                command.CommandText = $"SELECT 1 FROM \"{table}\" WHERE \"{key}\" = @id";
                return await command.ExecuteScalarAsync(cancellationToken) is null ? null : new SqliteBlob(sqlite, table, column, documentId, readOnly: true);
            }
        }

        command.CommandText = $"SELECT [{column}] FROM [{table}] WHERE [{key}] = @id";
        var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
            return null;
        }

        return new ReaderStream(reader.GetStream(0), reader, command);
    }

    private static (string Table, string Column, string Key) Names(RecruitDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(DocumentContent))!;
        var table = entity.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
        return (table, entity.FindProperty(nameof(DocumentContent.Bytes))!.GetColumnName(store)!,
            entity.FindProperty(nameof(DocumentContent.DocumentId))!.GetColumnName(store)!);
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>
    /// Copies exactly <paramref name="length"/> bytes in pooled pieces; a source that ends early or runs
    /// long is an error, not a short document. Synchronous on purpose: this runs while the writer holds
    /// SQLite's one write lock (and this process's <see cref="SqliteWriteGate"/>), and the source is the
    /// form reader's temporary file, which Linux serves from its page cache in microseconds. Awaiting
    /// each piece (an asynchronous file read is a thread-pool work item on Unix) put every 64 KB behind
    /// the other requests' queued work, and every other writer waited the whole time: under 50
    /// uploads at once a 1 MB turn took several times its own work (docs/PERFORMANCE.md, notes).
    /// SQLite's blob writes are synchronous calls into the library too.
    /// </summary>
    private static void Copy(Stream source, Stream destination, long length, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            long copied = 0;
            int read;
            while ((read = source.Read(chunk, 0, (int)Math.Min(ChunkBytes, length - copied + 1))) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                copied += read;
                if (copied > length)
                {
                    throw new InvalidDataException($"The document holds more than the {length} bytes it was checked with.");
                }

                destination.Write(chunk, 0, read);
            }

            if (copied != length)
            {
                throw new InvalidDataException($"The document ended after {copied} of its {length} bytes.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>A source that must hold exactly the length it was checked with (SqlClient reads it to its end).</summary>
    private sealed class LengthCheckedStream(Stream inner, long length) : ReadOnlyStream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        private int Count(int read)
        {
            _read += read;
            return _read > length || (read == 0 && _read != length)
                ? throw new InvalidDataException($"The document does not hold the {length} bytes it was checked with.")
                : read;
        }
    }

    /// <summary>A column's stream that disposes its reader and command with it.</summary>
    private sealed class ReaderStream(Stream inner, DbDataReader reader, DbCommand command) : ReadOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await reader.DisposeAsync();
            await command.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                reader.Dispose();
                command.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>The parts of <see cref="Stream"/> a forward-only reader does not have.</summary>
    private abstract class ReadOnlyStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
