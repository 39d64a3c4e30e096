using HanZhao.Recruit.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// No writer copies SQLite's write-ahead log into the file while it holds the write lock (automatic
/// checkpoints are off on every connection of the app); the app's checkpointer does it after commits.
/// Observed from outside: the database file itself grows by what was committed, while the app runs.
/// </summary>
public sealed class WalCheckpointsTests : IClassFixture<RecruitAppFactory>
{
    private readonly RecruitAppFactory _app;

    public WalCheckpointsTests(RecruitAppFactory app)
    {
        _app = app;
        _ = app.Server;
    }

    [Fact]
    public async Task Every_connection_of_the_app_leaves_checkpoints_to_the_checkpointer_overwrites_what_it_deletes_and_waits_for_locks_in_sqlite()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(0L, await ScalarAsync(db, "PRAGMA wal_autocheckpoint;"));
        Assert.Equal(1L, await ScalarAsync(db, "PRAGMA secure_delete;"));
        Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode;"));
        // A write that meets another writer's lock waits in SQLite for as long as the connection's timeout.
        Assert.Equal(60_000L, await ScalarAsync(db, "PRAGMA busy_timeout;"));
    }

    [Fact]
    public async Task What_a_transaction_commits_reaches_the_database_file_without_any_writer_checkpointing()
    {
        var before = new FileInfo(_app.DatabaseFile).Length;
        const int Rows = 8;
        const int Bytes = 256 * 1024;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < Rows; i++)
            {
                // Random bytes as hex do not compress into fewer pages; 'Sent' rows are left alone by the outbox.
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO EmailMessages (Id, Kind, ToAddress, Subject, HtmlBody, TextBody, Culture, Status, Attempts, CreatedAtUtc, NextAttemptAtUtc) "
                    + "VALUES ({0}, 'CheckpointTest', 'someone@example.test', 'Checkpoint', hex(randomblob({1})), '', 'en', 'Sent', 1, '2026-03-02 01:00:00', '2026-03-02 01:00:00')",
                    Guid.NewGuid().ToString().ToUpperInvariant(), Bytes / 2);
            }

            await transaction.CommitAsync();
        }

        // The file grows only when the log is copied into it; with automatic checkpoints off, only the checkpointer does that.
        await Patience.UntilAsync(
            () => new FileInfo(_app.DatabaseFile).Length - before >= Rows * Bytes * 9L / 10,
            () => $"the database file grew by {new FileInfo(_app.DatabaseFile).Length - before} bytes after {Rows * Bytes} bytes were committed");
    }

    private static async Task<object?> ScalarAsync(RecruitDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
