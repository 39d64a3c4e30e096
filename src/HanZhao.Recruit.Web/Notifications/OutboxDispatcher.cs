using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Platform.Database;
using Hangfire;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace HanZhao.Recruit.Web.Notifications;

/// <summary>
/// Sends the outbox: due Pending rows, oldest first, in batches of <see cref="BatchSize"/> over one SMTP connection. Run by a job
/// after each commit that queues mail and by a sweeper every minute; several may be started at
/// once, and they take turns (see <see cref="OutboxSendGate"/>).
/// </summary>
public sealed class OutboxDispatcher(
    RecruitDbContext db, EmailSender sender, OutboxSendGate gate, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    public const string SweeperJobId = "outbox-sweep";

    public const int BatchSize = 50;

    public const int MaxAttempts = 10;

    /// <summary>
    /// How long a claimed row is left alone by other workers. A row is claimed just before it is
    /// sent, so the lease covers one send (each SMTP step times out after Smtp:TimeoutSeconds, at
    /// most 4 minutes); the message in flight when a worker is killed is retried when it ends.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    /// <summary>Sends every due message; returns how many were sent.</summary>
    // No Hangfire retries: the rows carry their own backoff and the sweeper comes back in a minute.
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await SendAllDueAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> SendAllDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        // One database connection and one SMTP connection for the whole run, not one per batch or
        // per command: a new SMTP client costs the server a reverse DNS lookup (~100 ms here). Each
        // message still has its claim and its outcome committed around its send, without waiting
        // for the disk (see UnsyncedCommits): a killed process re-sends at most the one in flight.
        await using var commits = await UnsyncedCommits.OpenAsync(db, cancellationToken);
        await using var rows = new OutboxRows(db);
        await using var batch = sender.StartBatch();
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            // Not tracked: the rows' outcomes are written by OutboxRows, not by SaveChanges.
            var due = await db.EmailMessages.AsNoTracking()
                .Where(m => m.Status == EmailStatus.Pending && m.NextAttemptAtUtc <= now)
                .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return sent;
            }

            Task<MimeMessage>? ahead = null;
            for (var i = 0; i < due.Count; i++)
            {
                var message = due[i];
                // Composed while the previous message was on the wire, or not yet.
                var composed = ahead;
                ahead = null;
                if (!await TryClaimAsync(rows, message, cancellationToken))
                {
                    continue;
                }

                // The next message is composed while this one is on the wire. Composing is no I/O and
                // claims nothing: a process killed meanwhile still has only this message in flight.
                if (i + 1 < due.Count)
                {
                    var next = due[i + 1];
                    ahead = Task.Run(() => batch.Compose(next), CancellationToken.None);
                }

                sent += await SendOneAsync(batch, rows, message, composed, cancellationToken) ? 1 : 0;
            }
        }
    }

    /// <summary>
    /// Moves the row's next attempt past the lease, only if it is still due: of two workers that
    /// read the same row, one updates it and the other sees 0 rows affected and skips it. The lease
    /// runs from the claim, not from the batch's start: a slow batch must not hand out leases that
    /// have already run out, which another instance would take for a free row.
    /// </summary>
    private async Task<bool> TryClaimAsync(OutboxRows rows, EmailMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var leaseEnd = now + Lease;
        if (!await rows.TryClaimAsync(message.Id, now, leaseEnd, cancellationToken))
        {
            return false;
        }

        // The outcome writes the row's next attempt back: the lease, unless a retry sets a later one.
        message.NextAttemptAtUtc = leaseEnd;
        return true;
    }

    private async Task<bool> SendOneAsync(
        EmailBatch batch, OutboxRows rows, EmailMessage message, Task<MimeMessage>? composed, CancellationToken cancellationToken)
    {
        try
        {
            var mime = composed is null ? batch.Compose(message) : await composed;
            var sentTo = await batch.SendAsync(message, mime, cancellationToken);
            message.Status = EmailStatus.Sent;
            message.SentTo = sentTo;
            message.SentAtUtc = time.GetUtcNow().UtcDateTime;
            message.LastError = null;
        }
        catch (Exception error) when (IsPermanent(error))
        {
            message.Status = EmailStatus.Failed;
            message.LastError = Describe(error);
            logger.LogWarning("Email {Id} ({Kind}) refused for good: {Error}", message.Id, message.Kind, message.LastError);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var attempts = message.Attempts + 1;
            message.LastError = Describe(error);
            if (attempts >= MaxAttempts)
            {
                message.Status = EmailStatus.Failed;
            }
            else
            {
                message.NextAttemptAtUtc = time.GetUtcNow().UtcDateTime + Backoff(attempts);
            }

            logger.LogWarning("Email {Id} ({Kind}) not sent, attempt {Attempts}: {Error}",
                message.Id, message.Kind, attempts, message.LastError);
        }

        message.Attempts++;
        // Saved before the next send: a process killed mid-batch re-sends at most the one in flight.
        await rows.SaveOutcomeAsync(message);
        return message.Status == EmailStatus.Sent;
    }

    /// <summary>30 s after the first failure, doubling, at most an hour.</summary>
    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(FirstRetry.Ticks << Math.Min(attempts - 1, 20), LongestRetry.Ticks));

    /// <summary>
    /// A 5xx for this recipient or this message, or a row that cannot be composed, will fail the
    /// same way every time. A 5xx for our sender address is our configuration, which someone can
    /// fix, so it keeps retrying like a transient error.
    /// </summary>
    private static bool IsPermanent(Exception error) =>
        error is FormatException
        || error is SmtpCommandException { ErrorCode: not SmtpErrorCode.SenderNotAccepted } command && (int)command.StatusCode >= 500;

    private static string Describe(Exception error)
    {
        var text = error is SmtpCommandException command
            ? $"{(int)command.StatusCode} {command.StatusCode}: {command.Message}"
            : $"{error.GetType().Name}: {error.Message}";
        return text.Length <= 2000 ? text : text[..2000];
    }
}

/// <summary>
/// One sender at a time in this process. Each sender has at most one message in flight (a row is
/// saved as sent before the next goes out), so a process killed mid-batch re-sends at most one
/// message when it comes back. Senders in other processes are kept apart by the row claims.
/// A job that waits here still runs afterwards, so mail queued meanwhile is not left for the sweeper.
/// </summary>
public sealed class OutboxSendGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    public void Release() => _gate.Release();

    public void Dispose() => _gate.Dispose();
}
