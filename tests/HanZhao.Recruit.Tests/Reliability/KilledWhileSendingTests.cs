using System.Net;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Tests.Apply.SignIn;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HanZhao.Recruit.Tests.Reliability;

/// <summary>
/// The app is killed with SIGKILL while it sends a batch, twice, and started again on the same
/// database each time. The SMTP server is slow (it stores a message, then waits before saying so),
/// so each kill lands mid-batch, usually while a message has arrived but is not yet marked sent:
/// that message may go out twice, and nothing else may.
/// </summary>
public sealed class KilledWhileSendingTests(ITestOutputHelper output)
{
    private const int Applicants = 30;
    private const int Kills = 2;

    [Fact]
    public async Task Every_email_of_a_batch_interrupted_by_SIGKILL_is_delivered_and_each_kill_sends_at_most_one_twice()
    {
        await using var site = await ProcessSite.StartAsync(SmtpTestServer.Slow(TimeSpan.FromMilliseconds(300)));
        // The batch: sign-in links for many applicants at once, each queued by the app itself.
        var browser = site.CreateBrowser();
        for (var i = 0; i < Applicants; i++)
        {
            using var request = await browser.RequestLinkAsync($"batch{i}@example.edu");
            Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        }

        var received = 0;

        for (var kill = 1; kill <= Kills; kill++)
        {
            // A few messages into the batch, long before its end.
            received = (await site.Smtp.WaitForMessagesAsync(_ => true, count: received + 3)).Count;
            await site.StopAsync(kill: true);
            int pending, inFlight;
            await using (var db = site.CreateDbContext())
            {
                pending = await db.EmailMessages.CountAsync(m => m.Status == EmailStatus.Pending);
                inFlight = await LetLeasesPassAsync(db);
            }

            output.WriteLine($"Kill {kill}: {site.Smtp.Messages().Count} messages received, {pending} pending, {inFlight} in flight.");
            Assert.True(pending > 0, "The kill came after the batch was sent; it tests nothing.");
            // One sender at a time: at most the message on the wire was claimed and not marked sent.
            Assert.InRange(inFlight, 0, 1);

            await site.StartAgainAsync();
            // The next applicant's link starts a send job at once; without one the sweeper would
            // start sending within a minute.
            using var nudge = await browser.RequestLinkAsync($"after-kill{kill}@example.edu");
            Assert.Equal(HttpStatusCode.Redirect, nudge.StatusCode);
        }

        await site.WaitUntilOutboxIsEmptyAsync();

        List<Guid> rows;
        await using (var db = site.CreateDbContext())
        {
            Assert.False(await db.EmailMessages.AnyAsync(m => m.Status != EmailStatus.Sent));
            rows = await db.EmailMessages.Select(m => m.Id).ToListAsync();
        }

        Assert.Equal(Applicants + Kills, rows.Count);
        var copies = Delivery.Copies(site.Smtp.Messages());
        var duplicates = copies.Values.Sum(n => n - 1);
        output.WriteLine($"{rows.Count} emails, {copies.Values.Sum()} received, {duplicates} duplicate(s) after {Kills} kills.");
        Assert.All(rows, id => Assert.True(copies.ContainsKey(Tests.Notifications.Outbox.MessageId(id, site.App.BaseAddress.Host)), $"Email {id} was never delivered."));
        Assert.Equal(rows.Count, copies.Count);
        Assert.True(duplicates <= Kills, $"{duplicates} duplicates after {Kills} kills: more than one per kill.");
    }

    /// <summary>
    /// A message claimed by the killed process is left alone for <see cref="OutboxDispatcher.Lease"/>;
    /// instead of waiting five minutes, the test moves those claims to now (the app is down, so no
    /// one holds them). Returns how many there were.
    /// </summary>
    private static async Task<int> LetLeasesPassAsync(HanZhao.Recruit.Data.RecruitDbContext db)
    {
        var now = DateTime.UtcNow;
        return await db.EmailMessages
            .Where(m => m.Status == EmailStatus.Pending && m.NextAttemptAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, now));
    }
}
