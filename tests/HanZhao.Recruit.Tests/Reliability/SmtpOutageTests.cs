using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Reliability;

/// <summary>
/// The mail server is down for the first half of a run of concurrent submissions and up for the
/// second. The job server sends as it would in production; the mail that failed waits for its
/// backoff, which the test lets pass by moving the app's clock, then the sweeper runs.
/// </summary>
public sealed class SmtpOutageTests : IAsyncLifetime
{
    private const int Submitters = 5;
    private const int ApplicationsEach = 4;
    private readonly SmtpTestServer _smtp = new();
    private ReliabilityApp _app = null!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _app = new ReliabilityApp(_smtp);
        await _smtp.StopAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task With_smtp_down_for_the_first_half_of_a_run_and_up_for_the_second_no_email_is_lost_and_none_is_sent_twice()
    {
        var down = await _app.SubmitManyAsync("down", Submitters, ApplicationsEach);
        await _app.WaitUntilJobsAreIdleAsync();
        await using (var db = _app.CreateDbContext())
        {
            // Every message was tried and failed: the outage was real.
            var rows = await db.EmailMessages.ToListAsync();
            Assert.Equal(down.Count * 3, rows.Count); // sign-in link, confirmation, professor's alert
            Assert.All(rows, m => Assert.Equal(EmailStatus.Pending, m.Status));
            Assert.All(rows, m => Assert.NotNull(m.LastError));
        }

        await _smtp.StartAsync();
        var up = await _app.SubmitManyAsync("up", Submitters, ApplicationsEach);
        await _app.WaitUntilJobsAreIdleAsync();

        // The first half's mail waits for its backoff (an hour at most); an hour passes, the sweeper runs.
        _app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        _app.Services.GetRequiredService<IRecurringJobManager>().Trigger(OutboxDispatcher.SweeperJobId);
        await Delivery.UntilOutboxIsEmptyAsync(_app.CreateDbContext);

        int rowCount;
        await using (var db = _app.CreateDbContext())
        {
            Assert.False(await db.EmailMessages.AnyAsync(m => m.Status != EmailStatus.Sent));
            rowCount = await db.EmailMessages.CountAsync();
            var downAddresses = down.Select(d => d.Email).ToList();
            Assert.All(await db.EmailMessages.Where(m => downAddresses.Contains(m.ToAddress)).ToListAsync(), m => Assert.True(m.Attempts >= 2));
        }

        var received = _smtp.Messages();
        Assert.All(Delivery.Copies(received), copies => Assert.Equal(1, copies.Value));
        Assert.Equal(rowCount, received.Count);
        foreach (var (email, _) in down.Concat(up))
        {
            Assert.Single(received, m => m.IsTo(email) && m.IsConfirmation());
            Assert.Single(received, m => m.IsTo(email) && (m.TextBody ?? string.Empty).Contains("/apply/signin/confirm?token=", StringComparison.Ordinal));
        }

        Assert.Equal(down.Count + up.Count, received.Count(m => m.IsTo(ReliabilityApp.ProfessorEmail)));
    }
}
