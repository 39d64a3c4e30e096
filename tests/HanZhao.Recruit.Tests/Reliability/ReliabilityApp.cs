using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Tests.Apply;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HanZhao.Recruit.Tests.Reliability;

/// <summary>
/// The app in-process with its job server on (mail leaves the way it does in production: a job
/// after each commit, the sweeper) and a clock the test can move forward, so a backoff passes
/// without the test waiting for it.
/// </summary>
internal sealed class ReliabilityApp : RecruitAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";

    public ReliabilityApp(SmtpTestServer smtp)
    {
        Settings["Jobs:Enabled"] = "true";
        Settings["Smtp:Host"] = smtp.Host;
        Settings["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        Settings["Recruit:ProfessorEmail"] = ProfessorEmail;
        // Every client of a test comes from the same address.
        Settings["Recruit:SignIn:ClientPermitLimit"] = "100000";
    }

    /// <summary>
    /// <paramref name="submitters"/> applicants' browsers at once, each of which signs in, fills and
    /// submits <paramref name="each"/> applications one after the other (a new applicant each time,
    /// as one person has one application per intake and program). Submit is pressed twice at once,
    /// as a double click does. Returns the applicants' addresses and application ids.
    /// </summary>
    public async Task<IReadOnlyList<(string Email, int Id)>> SubmitManyAsync(string prefix, int submitters, int each)
    {
        StartServer();
        int interest;
        await using (var db = CreateDbContext())
        {
            interest = await ApplicationFormSteps.FirstResearchInterestAsync(db);
        }

        var submitted = new ConcurrentBag<(string Email, int Id)>();
        await Task.WhenAll(Enumerable.Range(0, submitters).Select(s => Task.Run(async () =>
        {
            for (var n = 0; n < each; n++)
            {
                var email = $"{prefix}-{s}-{n}@example.edu";
                using var client = await this.SignedInApplicantAsync(email);
                // One token for the whole session: the form pages are not what this test measures.
                var token = await client.GetAntiforgeryTokenAsync("/apply/signin");
                var id = await client.FillCompleteApplicationAsync(interest, antiforgeryToken: token);
                var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
                {
                    using var response = await client.PostFormAsync($"/apply/{id}/submit", [new("consent", "true")], token);
                    return response.StatusCode;
                }));
                Assert.True(clicks.Contains(HttpStatusCode.Redirect) && clicks.All(c => (int)c < 500),
                    $"{email}: submit answered {string.Join(", ", clicks)}");
                submitted.Add((email, id));
            }
        })));
        return [.. submitted];
    }

    /// <summary>Waits until the job server has nothing queued or running.</summary>
    public async Task WaitUntilJobsAreIdleAsync()
    {
        var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Patience.UntilAsync(
            () => monitoring.EnqueuedCount("default") == 0 && monitoring.ProcessingCount() == 0,
            () => $"jobs still busy: {monitoring.EnqueuedCount("default")} queued, {monitoring.ProcessingCount()} running");
    }
}

/// <summary>What the mail tests of this suite count.</summary>
internal static class Delivery
{
    /// <summary>Waits until no outbox row is pending, or fails with what is still pending and why.</summary>
    public static async Task UntilOutboxIsEmptyAsync(Func<RecruitDbContext> database, Func<string>? context = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = database();
            var pending = await db.EmailMessages.Where(m => m.Status == EmailStatus.Pending)
                .Select(m => new { m.ToAddress, m.Attempts, m.NextAttemptAtUtc, m.LastError }).ToListAsync();
            if (pending.Count == 0)
            {
                return;
            }

            if (clock.Elapsed > Patience.Limit)
            {
                Assert.Fail($"{pending.Count} email(s) still pending after {Patience.Limit}, e.g. "
                    + string.Join("; ", pending.Take(3).Select(p => $"{p.ToAddress} attempts {p.Attempts} next {p.NextAttemptAtUtc:O}: {p.LastError}"))
                    + context?.Invoke());
            }

            await Task.Delay(200);
        }
    }

    /// <summary>How many copies of each Message-Id arrived (the id is derived from the outbox row).</summary>
    public static Dictionary<string, int> Copies(IEnumerable<MimeMessage> messages) =>
        messages.GroupBy(m => m.MessageId ?? string.Empty).ToDictionary(g => g.Key, g => g.Count());

    public static bool IsTo(this MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase));

    public static bool IsConfirmation(this MimeMessage message) =>
        (message.Subject ?? string.Empty).StartsWith("Application received", StringComparison.Ordinal);
}
