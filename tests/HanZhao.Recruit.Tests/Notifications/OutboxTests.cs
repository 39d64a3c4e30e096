using System.Net;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Tests.PublicSite.Contact;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace HanZhao.Recruit.Tests.Notifications;

/// <summary>The outbox against the real SMTP test server; each test has its own app, database and server.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();

    public Task InitializeAsync() => _smtp.StartAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task A_queued_email_is_sent_in_the_background_with_text_and_html_and_marked_sent()
    {
        using var app = Outbox.App(_smtp, jobs: true);

        var id = Assert.Single(await Outbox.QueueAsync(app, 1, name: _ => "李雷 Li Lei"));

        var received = Assert.Single(await _smtp.WaitForMessagesToAsync("student0@recruit.test"));
        Assert.Equal("Message 0", received.Subject);
        Assert.Equal(Outbox.MessageId(id), received.MessageId);
        Assert.Equal("李雷 Li Lei", received.To.Mailboxes.Single().Name);
        Assert.Equal("noreply@hanzhao.test", received.From.Mailboxes.Single().Address);
        var alternatives = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal("en", alternatives.Headers[HeaderId.ContentLanguage]);
        Assert.Equal(["text/plain", "text/html"], alternatives.Select(part => part.ContentType.MimeType));
        Assert.Contains("Your application has been received.", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h1", received.HtmlBody, StringComparison.Ordinal);

        var row = await WaitForStatusAsync(app, id, EmailStatus.Sent);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentAtUtc);
        Assert.Equal($"smtp:{_smtp.Host}:{_smtp.Port}", row.SentTo);
    }

    [Fact]
    public async Task Smtp_down_keeps_all_ten_messages_pending_with_one_attempt_and_the_error()
    {
        using var app = Outbox.App(_smtp);
        // Stopped: the retry is computed from the app's clock, not from how long the attempt took on a busy machine.
        app.Clock.Freeze();
        await _smtp.StopAsync();
        await Outbox.QueueAsync(app, 10);

        Assert.Equal(0, await Outbox.SendDueAsync(app));

        await using var db = app.CreateDbContext();
        var rows = await db.EmailMessages.ToListAsync();
        Assert.Equal(10, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(EmailStatus.Pending, row.Status);
            Assert.Equal(1, row.Attempts);
            Assert.Contains("refused", row.LastError, StringComparison.OrdinalIgnoreCase);
            // The first retry waits 30 seconds.
            Assert.InRange(row.NextAttemptAtUtc - row.CreatedAtUtc, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(60));
        });
    }

    [Fact]
    public async Task After_an_outage_each_message_is_delivered_exactly_once_and_later_sweeps_send_nothing_again()
    {
        using var app = Outbox.App(_smtp);
        await _smtp.StopAsync();
        var ids = await Outbox.QueueAsync(app, 10);
        await Outbox.SendDueAsync(app);
        await _smtp.StartAsync();

        // The backoff is respected: nothing is due yet.
        Assert.Equal(0, await Outbox.SendDueAsync(app));
        Assert.Empty(_smtp.Messages());

        await BackoffPassesAsync(app);
        Assert.Equal(10, await Outbox.SendDueAsync(app));
        Assert.Equal(0, await Outbox.SendDueAsync(app));
        await BackoffPassesAsync(app);
        Assert.Equal(0, await Outbox.SendDueAsync(app));

        var byMessageId = _smtp.Messages().GroupBy(m => m.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(ids.Select(id => Outbox.MessageId(id)).Order(), byMessageId.Keys.Order());
        Assert.All(byMessageId.Values, count => Assert.Equal(1, count));
        await using var db = app.CreateDbContext();
        Assert.All(await db.EmailMessages.ToListAsync(), row =>
        {
            Assert.Equal(EmailStatus.Sent, row.Status);
            Assert.Equal(2, row.Attempts);
        });
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_send_each_message_once()
    {
        using var app = Outbox.App(_smtp);
        var ids = await Outbox.QueueAsync(app, 30);

        var sent = await Task.WhenAll(Outbox.SendDueAsync(app), Outbox.SendDueAsync(app), Outbox.SendDueAsync(app));

        Assert.Equal(30, sent.Sum());
        var messages = _smtp.Messages();
        Assert.Equal(30, messages.Count);
        Assert.Equal(ids.Select(id => Outbox.MessageId(id)).Order(), messages.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Twenty_messages_go_over_one_smtp_connection()
    {
        using var app = Outbox.App(_smtp);
        await Outbox.QueueAsync(app, 20);
        var connections = _smtp.ConnectionCount;

        Assert.Equal(20, await Outbox.SendDueAsync(app));

        Assert.Equal(20, _smtp.Messages().Count);
        Assert.Equal(connections + 1, _smtp.ConnectionCount);
    }

    [Fact]
    public async Task More_messages_than_a_batch_go_over_one_smtp_connection_too()
    {
        using var app = Outbox.App(_smtp);
        var ids = await Outbox.QueueAsync(app, OutboxDispatcher.BatchSize + 10);
        var connections = _smtp.ConnectionCount;

        Assert.Equal(ids.Count, await Outbox.SendDueAsync(app));

        Assert.Equal(ids.Count, _smtp.Messages().Count);
        // A new connection costs the server a reverse DNS lookup: one per run, not one per batch.
        Assert.Equal(connections + 1, _smtp.ConnectionCount);
    }

    [Fact]
    public async Task A_message_that_fails_ten_times_is_failed()
    {
        using var app = Outbox.App(_smtp);
        await _smtp.StopAsync();
        var id = Assert.Single(await Outbox.QueueAsync(app, 1));
        await using (var db = app.CreateDbContext())
        {
            await db.EmailMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, OutboxDispatcher.MaxAttempts - 1));
        }

        await Outbox.SendDueAsync(app);

        var row = await FindAsync(app, id);
        Assert.Equal(EmailStatus.Failed, row.Status);
        Assert.Equal(OutboxDispatcher.MaxAttempts, row.Attempts);
        Assert.NotNull(row.LastError);
    }

    [Fact]
    public void Retries_wait_30_seconds_doubling_up_to_an_hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDispatcher.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxDispatcher.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(32), OutboxDispatcher.Backoff(7));
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.Backoff(8));
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.Backoff(100));
    }

    [Fact]
    public async Task The_professor_answers_a_contact_message_with_reply_and_it_goes_to_the_visitor()
    {
        using var app = Outbox.App(_smtp);
        app.Settings["Recruit:ProfessorEmail"] = "hanzhao@sjtu.test";
        using var client = app.CreateHttpsClient();

        using var response = await client.SendMessageAsync("Li Wei", "li.wei@example.com", "May I ask about a PhD position in 2027?");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await Outbox.SendDueAsync(app));

        var received = Assert.Single(await _smtp.WaitForMessagesToAsync("hanzhao@sjtu.test"));
        Assert.Equal("li.wei@example.com", Assert.Single(received.ReplyTo.Mailboxes).Address);
        Assert.Equal("noreply@hanzhao.test", received.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_line_break_in_the_recipient_name_cannot_add_a_header()
    {
        using var app = Outbox.App(_smtp);
        await Outbox.QueueAsync(app, 1, name: _ => "Mallory\r\nBcc: evil@x.test");

        Assert.Equal(1, await Outbox.SendDueAsync(app));

        var received = Assert.Single(_smtp.Messages());
        Assert.Empty(received.Bcc);
        Assert.DoesNotContain(received.Headers, header => header.Id == HeaderId.Bcc);
        var to = Assert.Single(received.To.Mailboxes);
        Assert.Equal("student0@recruit.test", to.Address);
        Assert.StartsWith("Mallory", to.Name, StringComparison.Ordinal);
        using var raw = new MemoryStream();
        await received.WriteToAsync(raw);
        Assert.DoesNotContain("\nBcc:", System.Text.Encoding.UTF8.GetString(raw.ToArray()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_row_that_cannot_be_composed_fails_for_good_and_the_messages_around_it_go()
    {
        using var app = Outbox.App(_smtp);
        // Oldest first: the broken row is composed while the first message is on the wire.
        var first = Assert.Single(await Outbox.QueueAsync(app, 1));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var broken = Assert.Single(await Outbox.QueueAsync(app, 1, address: _ => "two@@at-signs.test"));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var last = Assert.Single(await Outbox.QueueAsync(app, 1));

        Assert.Equal(2, await Outbox.SendDueAsync(app));

        Assert.Equal([Outbox.MessageId(first), Outbox.MessageId(last)], _smtp.Messages().Select(m => m.MessageId).Order());
        var failed = await FindAsync(app, broken);
        Assert.Equal(EmailStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("FormatException: Cannot compose the message", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(EmailStatus.Sent, (await FindAsync(app, last)).Status);
    }

    private static async Task BackoffPassesAsync(RecruitAppFactory app)
    {
        await using var db = app.CreateDbContext();
        await db.EmailMessages.Where(m => m.Status == EmailStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1)));
    }

    internal static async Task<EmailMessage> FindAsync(RecruitAppFactory app, Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.EmailMessages.SingleAsync(m => m.Id == id);
    }

    private static async Task<EmailMessage> WaitForStatusAsync(RecruitAppFactory app, Guid id, EmailStatus status)
    {
        var deadline = DateTime.UtcNow + Patience.Limit;
        while (true)
        {
            var row = await FindAsync(app, id);
            if (row.Status == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, row.Status);
                return row;
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>A server that refuses one recipient for good.</summary>
public sealed class OutboxRefusalTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = SmtpTestServer.Rejecting("^bounce@");

    public Task InitializeAsync() => _smtp.StartAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task A_recipient_refused_with_550_is_failed_with_the_reason_and_never_retried()
    {
        using var app = Outbox.App(_smtp);
        var ids = await Outbox.QueueAsync(app, 2, address: i => i == 0 ? "bounce@recruit.test" : "student@recruit.test");

        Assert.Equal(1, await Outbox.SendDueAsync(app));
        await using (var db = app.CreateDbContext())
        {
            // Even when its time comes round again.
            await db.EmailMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, app.Clock.GetUtcNow().UtcDateTime.AddDays(-1)));
        }

        Assert.Equal(0, await Outbox.SendDueAsync(app));

        var bounced = await OutboxTests.FindAsync(app, ids[0]);
        Assert.Equal(EmailStatus.Failed, bounced.Status);
        Assert.Equal(1, bounced.Attempts);
        Assert.StartsWith("550", bounced.LastError, StringComparison.Ordinal);
        Assert.Contains("bounce@recruit.test unavailable", bounced.LastError, StringComparison.Ordinal);
        // The refusal did not spoil the connection for the next message.
        Assert.Equal(EmailStatus.Sent, (await OutboxTests.FindAsync(app, ids[1])).Status);
        Assert.Equal(Outbox.MessageId(ids[1]), Assert.Single(_smtp.Messages()).MessageId);
    }
}

/// <summary>No SMTP host: the site keeps every message as a file.</summary>
public sealed class OutboxWithoutSmtpTests
{
    [Fact]
    public async Task Without_an_smtp_host_messages_are_written_as_eml_files_in_the_data_folder_and_marked_sent()
    {
        using var app = Outbox.App(smtp: null);
        var ids = await Outbox.QueueAsync(app, 3);

        Assert.Equal(3, await Outbox.SendDueAsync(app));

        var folder = Path.Combine(app.DataPath, "mail");
        foreach (var id in ids)
        {
            var row = await OutboxTests.FindAsync(app, id);
            Assert.Equal(EmailStatus.Sent, row.Status);
            Assert.Equal(folder, Path.GetDirectoryName(row.SentTo));
            var saved = await MimeMessage.LoadAsync(row.SentTo!);
            Assert.Equal(Outbox.MessageId(id), saved.MessageId);
            Assert.NotNull(saved.TextBody);
            Assert.NotNull(saved.HtmlBody);
        }

        Assert.Equal(3, Directory.GetFiles(folder, "*.eml").Length);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }
}
