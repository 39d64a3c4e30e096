using HanZhao.Recruit.Data;
using HanZhao.Recruit.Tests.Notifications;
using HanZhao.Recruit.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The outbox's connection commits without waiting for the disk (synchronous NORMAL, safe with
/// write-ahead logging when the process is killed); every other connection of the app keeps
/// waiting (FULL), including the same pooled connection once the dispatcher has handed it back.
/// </summary>
public sealed class UnsyncedCommitsTests
{
    private const long Full = 2;
    private const long Normal = 1;

    [Fact]
    public async Task The_held_connection_commits_without_fsync_and_goes_back_to_the_pool_waiting_for_the_disk()
    {
        using var app = Outbox.App(smtp: null);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
        Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode;"));
        Assert.Equal(Full, await ScalarAsync(db, "PRAGMA synchronous;"));

        await using (await UnsyncedCommits.OpenAsync(db, CancellationToken.None))
        {
            Assert.Equal(Normal, await ScalarAsync(db, "PRAGMA synchronous;"));
            // Another connection at the same time is not affected.
            using var other = app.Services.CreateScope();
            Assert.Equal(Full, await ScalarAsync(other.ServiceProvider.GetRequiredService<RecruitDbContext>(), "PRAGMA synchronous;"));
        }

        // Closed and reopened: the pool hands back the same connection, set as it was.
        Assert.Equal(Full, await ScalarAsync(db, "PRAGMA synchronous;"));
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
    }

    [Fact]
    public async Task A_sending_run_leaves_every_pooled_connection_waiting_for_the_disk()
    {
        using var app = Outbox.App(smtp: null);
        await Outbox.QueueAsync(app, 3);

        Assert.Equal(3, await Outbox.SendDueAsync(app));

        // The pool's connections, several at once so none is left out.
        var scopes = Enumerable.Range(0, 3).Select(_ => app.Services.CreateScope()).ToList();
        try
        {
            var contexts = scopes.Select(s => s.ServiceProvider.GetRequiredService<RecruitDbContext>()).ToList();
            foreach (var db in contexts)
            {
                await db.Database.OpenConnectionAsync();
            }

            foreach (var db in contexts)
            {
                Assert.Equal(Full, await ScalarAsync(db, "PRAGMA synchronous;"));
            }
        }
        finally
        {
            scopes.ForEach(s => s.Dispose());
        }
    }

    private static async Task<object?> ScalarAsync(RecruitDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync();
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
