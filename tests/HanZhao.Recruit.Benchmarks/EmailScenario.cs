using System.Diagnostics;
using System.Globalization;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// Emails to the real SMTP server. The app: the messages are queued as outbox rows in one
/// transaction, then one sign-in link request commits a row of its own, which starts the send job
/// (the app's own trigger); timed from there until the SMTP server has written every message. The
/// dispatcher sends them in batches of 50 over one connection each. The baseline: the same messages,
/// composed by the app's <see cref="EmailSender"/>, sent by MailKit from this process with a
/// connect, send and disconnect per message, one after another like the dispatcher. The limit: the
/// same, over one connection in a loop (what the outbox would reach if it cost nothing).
/// </summary>
public static class EmailScenario
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchApp app, BenchOptions options, Action<string> log)
    {
        var count = options.Emails;
        var now = DateTime.UtcNow.AddSeconds(-1);
        var rows = Enumerable.Range(1, count).Select(i => Row(i, now)).ToList();

        var sender = new EmailSender(
            Options.Create(new SmtpOptions { Host = app.Smtp.Host, Port = app.Smtp.Port, From = "noreply@bench.test" }),
            Options.Create(new RecruitOptions()),
            // A configured address needs neither a server nor a lifetime to answer.
            new SiteAddress(Options.Create(new RecruitOptions { PublicUrl = "http://bench.test/" }), null!, null!),
            new HostingEnvironment(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EmailSender>.Instance);
        // Baseline first: one connection per message.
        var baselineTime = await SendDirectAsync(app, sender, rows, oneConnection: false);
        var baselineRate = count / baselineTime.TotalSeconds;
        log($"  baseline: {count} messages in {baselineTime.TotalSeconds:F2} s ({baselineRate:F0}/s), {app.Smtp.ConnectionCount} connections so far");

        // The limit: the same messages over one connection, measured before and after the app's
        // run and averaged, so that the machine's load drifting during the run hits both sides.
        var limitBefore = await SendDirectAsync(app, sender, rows, oneConnection: true);
        log($"  limit (before): {count} messages over one connection in {limitBefore.TotalSeconds:F2} s ({count / limitBefore.TotalSeconds:F0}/s)");

        // The app's outbox: first a warm-up round, not timed, of as many messages as the baseline that
        // warmed the limit's loop (a fresh process runs its first sends in unoptimized code: with a
        // fifth of them, the timed run's first batches of 50 took 5-7 ms a message and its last ~2 ms,
        // the loop's pace); then the run.
        await OutboxRunAsync(app, rows, now, "outbox-warmup@bench.test", TimeSpan.FromSeconds(options.Quick ? 60 : 180));
        var connectionsBefore = app.Smtp.ConnectionCount;
        var (appTime, firstMessage) = await OutboxRunAsync(app, rows, now, "outbox-trigger@bench.test", TimeSpan.FromSeconds(options.Quick ? 60 : 180));
        var appRate = (count + 1) / appTime.TotalSeconds;
        var connections = app.Smtp.ConnectionCount - connectionsBefore;
        log($"  outbox: {count + 1} messages in {appTime.TotalSeconds:F2} s ({appRate:F0}/s) over {connections} connections; the first after {firstMessage.TotalSeconds:F2} s");

        var limitAfter = await SendDirectAsync(app, sender, rows, oneConnection: true);
        log($"  limit (after): {count} messages over one connection in {limitAfter.TotalSeconds:F2} s ({count / limitAfter.TotalSeconds:F0}/s)");
        var limitRate = 2 * count / (limitBefore + limitAfter).TotalSeconds;
        var outboxNote = $"the app's outbox dispatcher sent {count + 1} messages over {connections} SMTP connections in {appTime.TotalSeconds:F2} s, from the POST that triggers it (after a warm-up round) to the last message on the server";
        var details = new Dictionary<string, double>
        {
            ["messages"] = count,
            ["appSeconds"] = appTime.TotalSeconds,
            ["appConnections"] = connections,
            ["appFirstMessageSeconds"] = firstMessage.TotalSeconds,
            ["baselineSeconds"] = baselineTime.TotalSeconds,
            ["limitSecondsBefore"] = limitBefore.TotalSeconds,
            ["limitSecondsAfter"] = limitAfter.TotalSeconds,
        };
        return
        [
            Against($"{count:N0} emails to the SMTP server",
                "one connection per message (MailKit connect, send, disconnect), one after another",
                baselineRate, "outbox / baseline", "≥ 10× baseline", 10, outboxNote),
            Against($"{count:N0} emails to the SMTP server, against the limit",
                "MailKit alone: the same messages composed and sent over one connection in a loop (measured before and after the outbox, averaged)",
                limitRate, "outbox / one-connection loop", "≥ 0.8 of baseline", 0.8,
                $"the loop: {count / limitBefore.TotalSeconds:F0} messages/s before the outbox's run, {count / limitAfter.TotalSeconds:F0} after"),
        ];

        Figure Against(string scenario, string baselineName, double baseline, string meaning, string goal, double goalRatio, string note) => new()
        {
            Scenario = scenario,
            Measure = "messages/s",
            Value = appRate,
            Unit = "messages/s",
            BaselineName = baselineName,
            Baseline = baseline,
            Ratio = appRate / baseline,
            RatioMeaning = meaning,
            Goal = goal,
            Met = appRate / baseline >= goalRatio,
            Note = note,
            Details = details,
        };
    }

    /// <summary>
    /// Queues the rows in the app's outbox in one transaction, then asks for a sign-in link (the form's
    /// token fetched first), whose commit starts the app's send job; timed from that POST until the
    /// SMTP server holds every message, the link included (the newest row, so the last sent).
    /// Returns the time and when the first message arrived (the trigger's latency).
    /// </summary>
    private static async Task<(TimeSpan All, TimeSpan First)> OutboxRunAsync(
        BenchApp app, List<EmailMessage> rows, DateTime now, string trigger, TimeSpan timeout)
    {
        // The previous sender (the loop, or the warm-up's dispatcher) has said QUIT: a dispatcher still
        // in its run would take these rows over its open connection before the clock starts.
        await Patience.UntilAsync(() => app.Smtp.OpenConnectionCount == 0, () => "an SMTP connection is still open", TimeSpan.FromSeconds(60));
        await using (var db = app.OpenDatabase())
        await using (var transaction = db.BeginTransaction())
        {
            await using var insert = db.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT INTO EmailMessages (Id, Kind, ToAddress, ToName, Subject, HtmlBody, TextBody, Culture, Status, Attempts, CreatedAtUtc, NextAttemptAtUtc) "
                + "VALUES ($id, $kind, $to, $name, $subject, $html, $text, $culture, 'Pending', 0, $at, $at)";
            foreach (var name in new[] { "$id", "$kind", "$to", "$name", "$subject", "$html", "$text", "$culture", "$at" })
            {
                insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter(name, null));
            }

            foreach (var row in rows)
            {
                // A fresh id: the baseline's copies were other messages as far as the app is concerned.
                insert.Parameters["$id"].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                insert.Parameters["$kind"].Value = row.Kind;
                insert.Parameters["$to"].Value = row.ToAddress;
                insert.Parameters["$name"].Value = row.ToName;
                insert.Parameters["$subject"].Value = row.Subject;
                insert.Parameters["$html"].Value = row.HtmlBody;
                insert.Parameters["$text"].Value = row.TextBody;
                insert.Parameters["$culture"].Value = row.Culture;
                insert.Parameters["$at"].Value = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
        using var client = LoadGenerator.CreateClient(app.BaseAddress, 1, new System.Net.CookieContainer());
        var token = await client.GetAntiforgeryTokenAsync("/apply/signin");
        var before = Received(app);
        var clock = Stopwatch.StartNew();
        using (await client.PostFormAsync("/apply/signin", [new("email", trigger), new("website", string.Empty)], token))
        {
        }

        var first = await WaitForAsync(app, before + 1, TimeSpan.FromSeconds(60), clock);
        var all = await WaitForAsync(app, before + rows.Count + 1, timeout, clock);
        return (all, first);
    }

    /// <summary>
    /// Sends the messages from this process with MailKit, composed by the app's sender, one after
    /// another: over one connection, or with a connect, send and disconnect per message. Timed
    /// until the SMTP server has written the last one.
    /// </summary>
    private static async Task<TimeSpan> SendDirectAsync(BenchApp app, EmailSender sender, List<EmailMessage> rows, bool oneConnection)
    {
        var before = Received(app);
        var clock = Stopwatch.StartNew();
        var client = new SmtpClient();
        try
        {
            foreach (var row in rows)
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(app.Smtp.Host, app.Smtp.Port, SecureSocketOptions.None);
                }

                await client.SendAsync(sender.Compose(row));
                if (!oneConnection)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }

            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        finally
        {
            client.Dispose();
        }

        await WaitForAsync(app, before + rows.Count, TimeSpan.FromSeconds(180));
        return clock.Elapsed;
    }

    /// <summary>A message like the app's submission confirmation (HTML and text, a table of facts, a button).</summary>
    public static EmailMessage Message(int i) => Row(i, DateTime.UtcNow);

    private static EmailMessage Row(int i, DateTime now)
    {
        var draft = new EmailWriter("en")
            .Heading("Your application has been received")
            .Paragraph($"Dear Applicant {i},")
            .Paragraph("Thank you for applying to Han Zhao's group at Shanghai Jiao Tong University. We will review your application and write to you when its status changes.")
            .Facts([("Reference number", $"HZ-2026-{i:D5}"), ("Program", "PhD"), ("Intake", "2026.09"), ("Institution", "Zhejiang University"), ("Major", "Computer Science")])
            .Button("See your application", "http://127.0.0.1/applicant")
            .Build(EmailCatalogue.SubmissionReceived, $"applicant{i}@bench.test", $"Applicant {i}", $"Application received: HZ-2026-{i:D5}", "Han Zhao's group, Shanghai Jiao Tong University");
        return new EmailMessage
        {
            Id = Guid.CreateVersion7(), Kind = draft.Kind, ToAddress = draft.ToAddress, ToName = draft.ToName, Subject = draft.Subject,
            HtmlBody = draft.HtmlBody, TextBody = draft.TextBody, Culture = draft.Culture, CreatedAtUtc = now, NextAttemptAtUtc = now,
        };
    }

    /// <summary>
    /// Messages the server has stored, from its own count: listing the mailbox (thousands of files by the
    /// outbox's run) every few milliseconds took CPU from the app while it was timed, and from neither
    /// the baseline nor the limit, whose loops ran before their first look.
    /// </summary>
    private static int Received(BenchApp app) => app.Smtp.MessageCount;

    /// <summary>Looks every 5 ms (the run's resolution) until the server holds <paramref name="count"/> messages; returns <paramref name="clock"/>'s time then.</summary>
    private static async Task<TimeSpan> WaitForAsync(BenchApp app, int count, TimeSpan timeout, Stopwatch? clock = null)
    {
        await Patience.UntilAsync(() => Received(app) >= count, () => $"the SMTP server has {Received(app)} of {count} messages", timeout, TimeSpan.FromMilliseconds(5));
        return clock?.Elapsed ?? TimeSpan.Zero;
    }
}
