using System.Security.Cryptography;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HanZhao.Recruit.Tests.Reliability;

/// <summary>
/// Fifty applicants' browsers submit at the same time, twenty applications each, with the job
/// server sending mail as they go: nothing accepted is missing, no email is missing or doubled.
/// </summary>
public sealed class ConcurrentSubmissionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Submitters = 50;
    private const int ApplicationsEach = 20;
    private readonly SmtpTestServer _smtp = new();
    private ReliabilityApp _app = null!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _app = new ReliabilityApp(_smtp);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Every_application_of_fifty_concurrent_submitters_is_stored_with_its_documents_and_each_applicant_gets_exactly_one_confirmation()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var submitted = await _app.SubmitManyAsync("concurrent", Submitters, ApplicationsEach);
        output.WriteLine($"{submitted.Count} applications submitted in {clock.Elapsed}.");
        Assert.Equal(Submitters * ApplicationsEach, submitted.Count);

        await using (var db = _app.CreateDbContext())
        {
            var stored = await db.Applications.AsNoTracking().Include(a => a.Documents).ThenInclude(d => d.Content)
                .Include(a => a.StatusHistory).ToDictionaryAsync(a => a.Id);
            Assert.Equal(submitted.Count, stored.Count);
            Assert.All(submitted, s =>
            {
                var application = stored[s.Id];
                Assert.Equal(ApplicationStatus.Submitted, application.Status);
                Assert.Single(application.StatusHistory, h => h.To == ApplicationStatus.Submitted);
                Assert.Equal([DocumentKind.Cv, DocumentKind.Transcript, DocumentKind.RankingCertificate], application.Documents.Select(d => d.Kind).Order());
                Assert.All(application.Documents, d =>
                {
                    Assert.Equal(d.SizeBytes, d.Content!.Bytes.Length);
                    Assert.Equal(d.Sha256, Convert.ToHexStringLower(SHA256.HashData(d.Content.Bytes)));
                });
            });
            Assert.Equal(stored.Count, stored.Values.Select(a => a.ReferenceNumber).Distinct().Count());
            // CV, transcript and the 直博 route's ranking certificate: three contents per application.
            Assert.Equal(Submitters * ApplicationsEach * 3, await db.DocumentContents.CountAsync());
        }

        await Delivery.UntilOutboxIsEmptyAsync(_app.CreateDbContext);
        output.WriteLine($"All mail sent after {clock.Elapsed}.");

        int rows;
        await using (var db = _app.CreateDbContext())
        {
            Assert.False(await db.EmailMessages.AnyAsync(m => m.Status != EmailStatus.Sent));
            rows = await db.EmailMessages.CountAsync();
        }

        var received = _smtp.Messages();
        Assert.All(Delivery.Copies(received), copies => Assert.Equal(1, copies.Value));
        Assert.Equal(rows, received.Count);
        var confirmations = received.Where(m => m.IsConfirmation()).ToLookup(m => m.To.Mailboxes.Single().Address);
        Assert.All(submitted, s => Assert.Single(confirmations[s.Email]));
        Assert.Equal(submitted.Count, confirmations.Count);
        Assert.Equal(submitted.Count, received.Count(m => m.IsTo(ReliabilityApp.ProfessorEmail)));
    }
}
