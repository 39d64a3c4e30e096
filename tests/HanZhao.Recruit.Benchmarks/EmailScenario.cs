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
/// connect, send and disconnect per message, one after another like the dispatcher.
/// </summary>
public static class EmailScenario
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchApp app, BenchOptions options, Action<string> log)
    {
        var count = options.Emails;
        var now = DateTime.UtcNow.AddSeconds(-1);
        var rows = Enumerable.Range(1, count).Select(i => Row(i, now)).ToList();

        // Baseline first: one connection per message.
        var sender = new EmailSender(
            Options.Create(new SmtpOptions { Host = app.Smtp.Host, Port = app.Smtp.Port, From = "noreply@bench.test" }),
            Options.Create(new RecruitOptions()),
            // A configured address needs neither a server nor a lifetime to answer.
            new SiteAddress(Options.Create(new RecruitOptions { PublicUrl = "http://bench.test/" }), null!, null!),
            new HostingEnvironment(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EmailSender>.Instance);
        var before = Received(app);
        var baselineClock = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(app.Smtp.Host, app.Smtp.Port, SecureSocketOptions.None);
            await client.SendAsync(sender.Compose(row));
            await client.DisconnectAsync(quit: true);
        }

        var baselineTime = baselineClock.Elapsed;
        var baselineRate = count / baselineTime.TotalSeconds;
        await WaitForAsync(app, before + count, TimeSpan.FromSeconds(30));
        log($"  baseline: {count} messages in {baselineTime.TotalSeconds:F2} s ({baselineRate:F0}/s), {app.Smtp.ConnectionCount} connections so far");

        // The app's outbox.
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

        var connectionsBefore = app.Smtp.ConnectionCount;
        before = Received(app);
        var clock = Stopwatch.StartNew();
        using (var client = LoadGenerator.CreateClient(app.BaseAddress, 1, new System.Net.CookieContainer()))
        using (await client.PostFormAsync("/apply/signin", "/apply/signin", [new("email", "outbox-trigger@bench.test"), new("website", string.Empty)]))
        {
        }

        // The trigger's own sign-in email is the last of the queue (it is the newest row).
        await WaitForAsync(app, before + count + 1, TimeSpan.FromSeconds(options.Quick ? 60 : 180));
        var appTime = clock.Elapsed;
        var appRate = (count + 1) / appTime.TotalSeconds;
        var connections = app.Smtp.ConnectionCount - connectionsBefore;
        log($"  outbox: {count + 1} messages in {appTime.TotalSeconds:F2} s ({appRate:F0}/s) over {connections} connections");

        return
        [
            new Figure
            {
                Scenario = $"{count:N0} emails to the SMTP server",
                Measure = "messages/s",
                Value = appRate,
                Unit = "messages/s",
                BaselineName = "one connection per message (MailKit connect, send, disconnect), one after another",
                Baseline = baselineRate,
                Ratio = appRate / baselineRate,
                RatioMeaning = "outbox / baseline",
                Goal = "≥ 10× baseline",
                Met = appRate / baselineRate >= 10,
                Note = $"the app's outbox dispatcher sent {count + 1} messages over {connections} SMTP connections in {appTime.TotalSeconds:F2} s, from the commit that triggers it to the last message on the server",
                Details = new Dictionary<string, double>
                {
                    ["messages"] = count,
                    ["appSeconds"] = appTime.TotalSeconds,
                    ["appConnections"] = connections,
                    ["baselineSeconds"] = baselineTime.TotalSeconds,
                },
            },
        ];
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

    private static int Received(BenchApp app) => Directory.EnumerateFiles(app.Smtp.MailboxPath, "*.eml").Count();

    private static async Task WaitForAsync(BenchApp app, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (Received(app) < count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The SMTP server has {Received(app)} of {count} messages after {timeout}.");
            }

            await Task.Delay(20);
        }
    }
}
