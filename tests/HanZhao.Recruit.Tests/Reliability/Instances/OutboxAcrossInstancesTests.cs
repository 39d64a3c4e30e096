using System.Net;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Tests.Apply.SignIn;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HanZhao.Recruit.Tests.Reliability.Instances;

/// <summary>
/// Two instances with their job servers on, one outbox table. Each row is claimed by a conditional
/// update before it is sent (OutboxDispatcher), so only one sender at a time holds it. What is
/// guaranteed: every message is delivered at least once; while no instance dies, exactly once;
/// a SIGKILLed instance may re-send the one message it had on the wire when it died (SMTP accepted it,
/// the row was not yet marked sent), once that row's lease has passed, and nothing else twice.
/// </summary>
public sealed class OutboxAcrossInstancesTests(ITestOutputHelper output)
{
    private const int PerInstance = 15;

    [Fact]
    public async Task With_both_job_servers_running_every_queued_email_is_delivered_exactly_once()
    {
        await using var site = await InstancesSite.StartAsync(new SmtpTestServer(), count: 2);
        var browser = site.Browser();
        // Both instances queue mail and start a send job after each commit; both sweepers run each minute.
        await Task.WhenAll(browser.Select((client, instance) => QueueLinksAsync(client, $"once{instance}")));

        await Delivery.UntilOutboxIsEmptyAsync(site.CreateDbContext);
        var rows = await SentRowsAsync(site);
        var copies = Delivery.Copies(site.Smtp.Messages());
        Assert.Equal(PerInstance * browser.Length, rows.Count);
        Assert.All(rows, id => Assert.Equal(1, copies.GetValueOrDefault(Tests.Notifications.Outbox.MessageId(id, site.Instances[0].BaseAddress.Host))));
        Assert.Equal(rows.Count, site.Smtp.Messages().Count);
    }

    [Fact]
    public async Task An_instance_killed_mid_batch_loses_nothing_the_other_sends_the_rest_and_at_most_its_message_on_the_wire_goes_twice()
    {
        await using var site = await InstancesSite.StartAsync(SmtpTestServer.Slow(TimeSpan.FromMilliseconds(300)), count: 2);
        var browser = site.Browser();
        // The whole batch queued on A, so A's send job is the one sending it when A dies.
        await QueueLinksAsync(browser[0], "killed", PerInstance * 2);
        await site.Smtp.WaitForMessagesAsync(_ => true, count: 3);
        await site.Instances[0].KillAsync();
        // After the process is gone: every claim A made is older than this.
        var killedAt = DateTime.UtcNow;
        await using (var db = site.CreateDbContext())
        {
            var pendingAtKill = await db.EmailMessages.CountAsync(m => m.Status == EmailStatus.Pending);
            output.WriteLine($"Killed A after {site.Smtp.Messages().Count} messages, {pendingAtKill} pending.");
            Assert.True(pendingAtKill > 0, "A sent the whole batch before the kill: the test tests nothing.");
        }


        // B's sweeper (each minute) picks up the rest; a link requested on B starts a send job at once.
        using (var nudge = await browser[1].RequestLinkAsync("nudge@example.edu"))
        {
            await nudge.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        // B sends everything except what A had claimed before it died, which waits for its lease.
        List<EmailMessage> stranded = [];
        await Patience.UntilAsync(async () =>
        {
            await using var db = site.CreateDbContext();
            var pending = await db.EmailMessages.Where(m => m.Status == EmailStatus.Pending).ToListAsync();
            stranded = pending;
            // Every pending row claimed (none due) and each claim made before the kill: A's.
            var now = DateTime.UtcNow;
            return pending.All(m => m.NextAttemptAtUtc > now && m.NextAttemptAtUtc - OutboxDispatcher.Lease < killedAt);
        }, () => $"{stranded.Count} rows still pending, e.g. " + string.Join("; ", stranded.Take(3).Select(m => $"next {m.NextAttemptAtUtc:O} attempts {m.Attempts} {m.LastError}")) + $" (killed at {killedAt:O})");
        output.WriteLine($"Left with {stranded.Count} row(s) claimed by A before the kill.");
        Assert.InRange(stranded.Count, 0, 1);

        // The lease (5 minutes) passes: the test moves the claim to now instead of waiting, then B sends it.
        await using (var db = site.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            await db.EmailMessages.Where(m => m.Status == EmailStatus.Pending).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, now));
        }

        using (var nudge = await browser[1].RequestLinkAsync("nudge-again@example.edu"))
        {
            await nudge.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        await Delivery.UntilOutboxIsEmptyAsync(site.CreateDbContext);
        var rows = await SentRowsAsync(site);
        var copies = Delivery.Copies(site.Smtp.Messages());
        var duplicates = copies.Values.Sum(n => n - 1);
        output.WriteLine($"{rows.Count} emails, {copies.Values.Sum()} received, {duplicates} duplicate(s).");
        Assert.Equal(PerInstance * 2 + 2, rows.Count);
        Assert.All(rows, id => Assert.True(copies.ContainsKey(Tests.Notifications.Outbox.MessageId(id, site.Instances[0].BaseAddress.Host)), $"Email {id} was never delivered."));
        Assert.Equal(rows.Count, copies.Count);
        Assert.InRange(duplicates, 0, stranded.Count);
    }

    private static async Task QueueLinksAsync(HttpClient client, string prefix, int count = PerInstance)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await client.RequestLinkAsync($"{prefix}-{i}@example.edu");
            await response.AssertStatusAsync(HttpStatusCode.Redirect);
        }
    }

    private static async Task<List<Guid>> SentRowsAsync(InstancesSite site)
    {
        await using var db = site.CreateDbContext();
        Assert.False(await db.EmailMessages.AnyAsync(m => m.Status != EmailStatus.Sent));
        return await db.EmailMessages.Select(m => m.Id).ToListAsync();
    }
}
