using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>Applicants submit while the mail server is down; nothing is lost and nothing is sent twice.</summary>
public sealed class SubmissionWhileSmtpDownTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private ApplicationFormApp _app = null!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _app = new ApplicationFormApp();
        _app.Settings["Smtp:Host"] = _smtp.Host;
        _app.Settings["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _smtp.StopAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<int> SendDueAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().SendDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Every_application_is_saved_and_each_email_is_delivered_exactly_once_when_smtp_returns()
    {
        var applicants = Enumerable.Range(1, 3).Select(n => $"down{n}@example.edu").ToList();
        var ids = new List<int>();
        foreach (var email in applicants)
        {
            // The sign-in link itself cannot be delivered: read it from the outbox, as a patient operator could.
            using var client = await _app.SignedInApplicantAsync(email);
            var id = await client.FillCompleteApplicationAsync(_app);
            using var submit = await client.SubmitAsync(id);
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
            ids.Add(id);
        }

        await SendDueAsync(); // SMTP is down: every attempt fails and is rescheduled

        await using (var db = _app.CreateDbContext())
        {
            Assert.All(await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync(), a => Assert.Equal(ApplicationStatus.Submitted, a.Status));
            var pending = await db.EmailMessages.Where(m => m.ApplicationId != null).ToListAsync();
            Assert.Equal(6, pending.Count); // a confirmation and a professor alert per application
            Assert.All(pending, m => Assert.Equal(EmailStatus.Pending, m.Status));
            Assert.All(pending, m => Assert.NotNull(m.LastError));
            // Let the backoff pass.
            await db.EmailMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, _app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        }

        await _smtp.StartAsync();
        await SendDueAsync();
        await SendDueAsync();
        await SendDueAsync();

        var received = _smtp.Messages();
        foreach (var email in applicants)
        {
            Assert.Single(received, m => m.To.Mailboxes.Any(x => x.Address == email) && (m.Subject ?? "").StartsWith("Application received", StringComparison.Ordinal));
        }

        Assert.Equal(3, received.Count(m => m.To.Mailboxes.Any(x => x.Address == ApplicationFormApp.ProfessorEmail)));
        Assert.Equal(received.Count, received.Select(m => m.MessageId).Distinct().Count());
        await using var after = _app.CreateDbContext();
        Assert.False(await after.EmailMessages.AnyAsync(m => m.Status != EmailStatus.Sent));
    }
}
