using System.Data;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Tests.Platform;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Notifications;

/// <summary>
/// The dispatcher's claim and outcome are two commands of its own (<see cref="OutboxRows"/>), not EF
/// change tracking: what they write must read back through EF as before, a row another dispatcher
/// claims between two messages must be skipped and left alone, and the SQL must suit SQL Server too.
/// The server here is slow (it stores each message, then waits before answering), so the test can
/// act while a message is on the wire.
/// </summary>
public sealed class OutboxRowsTests : IAsyncLifetime
{
    private static readonly TimeSpan OnTheWire = TimeSpan.FromSeconds(3);

    private readonly SmtpTestServer _smtp = SmtpTestServer.Slow(OnTheWire);

    public Task InitializeAsync() => _smtp.StartAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task Rows_another_dispatcher_claims_while_a_message_is_on_the_wire_are_skipped_and_left_as_that_dispatcher_set_them()
    {
        using var app = Outbox.App(_smtp);
        app.Clock.Freeze();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var ids = await Outbox.QueueAsync(app, 3);

        var run = Outbox.SendDueAsync(app);
        var first = Assert.Single(await _smtp.WaitForMessagesAsync(_ => true));
        var sending = ids.Single(id => Outbox.MessageId(id) == first.MessageId);
        var others = ids.Where(id => id != sending).ToList();
        var otherLease = now + OutboxDispatcher.Lease + TimeSpan.FromSeconds(7);
        await using (var db = app.CreateDbContext())
        {
            // The claim written by the dispatcher's own command reads back through EF to the tick.
            Assert.Equal(now + OutboxDispatcher.Lease, (await db.EmailMessages.SingleAsync(m => m.Id == sending)).NextAttemptAtUtc);
            // Another dispatcher takes the other two rows, as its claim would, while the first message waits for its 250.
            var taken = await db.EmailMessages
                .Where(m => others.Contains(m.Id) && m.Status == EmailStatus.Pending && m.NextAttemptAtUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, otherLease));
            Assert.True(taken == 2, $"The test's claim came after the dispatcher's ({taken} of 2 taken); the server waits {OnTheWire} per message.");
        }

        Assert.Equal(1, await run);

        Assert.Equal(first.MessageId, Assert.Single(_smtp.Messages()).MessageId);
        await using (var db = app.CreateDbContext())
        {
            var sent = await db.EmailMessages.SingleAsync(m => m.Id == sending);
            Assert.Equal(EmailStatus.Sent, sent.Status);
            Assert.Equal(1, sent.Attempts);
            Assert.Equal(now, sent.SentAtUtc);
            Assert.Null(sent.LastError);
            Assert.All(await db.EmailMessages.Where(m => others.Contains(m.Id)).ToListAsync(), row =>
            {
                Assert.Equal(EmailStatus.Pending, row.Status);
                Assert.Equal(0, row.Attempts);
                Assert.Equal(otherLease, row.NextAttemptAtUtc);
                Assert.Null(row.SentAtUtc);
            });
        }
    }

    [Fact]
    public async Task A_row_erased_while_its_message_is_on_the_wire_does_not_stop_the_run()
    {
        using var app = Outbox.App(_smtp);
        var ids = await Outbox.QueueAsync(app, 2);

        var run = Outbox.SendDueAsync(app);
        var first = Assert.Single(await _smtp.WaitForMessagesAsync(_ => true));
        var erased = ids.Single(id => Outbox.MessageId(id) == first.MessageId);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.EmailMessages.Where(m => m.Id == erased).ExecuteDeleteAsync());
        }

        // The outcome finds no row to write to; the next message still goes.
        Assert.Equal(2, await run);
        Assert.Equal(2, _smtp.Messages().Count);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(EmailStatus.Sent, (await db.EmailMessages.SingleAsync()).Status);
        }
    }
}

/// <summary>The same commands built for SQL Server (no server needed): T-SQL that parses, parameters of the columns' types.</summary>
public sealed class OutboxRowsOnSqlServerTests
{
    [Fact]
    public async Task The_claim_and_the_outcome_are_T_SQL_with_parameters_of_the_columns_types()
    {
        await using var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.SqlServer, SqlServerModelRulesTests.UnusedSqlServer));
        await using var rows = new OutboxRows(db);

        foreach (var command in rows.Commands)
        {
            var errors = SqlServerModelRulesTests.TransactSql.Errors(command.CommandText);
            Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + command.CommandText);
            Assert.StartsWith("UPDATE [EmailMessages] SET ", command.CommandText, StringComparison.Ordinal);
        }

        var claim = rows.Commands[0].Parameters.Cast<SqlParameter>().ToDictionary(p => p.ParameterName);
        Assert.Equal(["@id", "@leaseEnd", "@pending", "@now"], claim.Keys);
        Assert.Equal(SqlDbType.UniqueIdentifier, claim["@id"].SqlDbType);
        Assert.Equal(SqlDbType.DateTime2, claim["@now"].SqlDbType);
        Assert.Equal(SqlDbType.NVarChar, claim["@pending"].SqlDbType);
        Assert.Equal("Pending", claim["@pending"].Value);
        var outcome = rows.Commands[1].Parameters.Cast<SqlParameter>().ToDictionary(p => p.ParameterName);
        Assert.Equal(10, outcome["@status"].Size);
        Assert.Equal(2000, outcome["@lastError"].Size);
        Assert.Equal(SqlDbType.Int, outcome["@attempts"].SqlDbType);
        Assert.Equal(SqlDbType.DateTime2, outcome["@sentAt"].SqlDbType);
    }
}
