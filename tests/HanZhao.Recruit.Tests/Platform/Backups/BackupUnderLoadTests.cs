using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Tests.Apply;
using HanZhao.Recruit.Tests.Apply.SignIn;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HanZhao.Recruit.Tests.Platform.Backups;

/// <summary>
/// The operator's promise: a backup taken while applicants submit restores to a working app that has
/// every application submitted before the backup began, each document byte for byte, and nothing
/// half-written. Real processes: the app, the <c>backup</c> command beside it, <c>restore</c>, the app again.
/// </summary>
public sealed class BackupUnderLoadTests(ITestOutputHelper output)
{
    private const int Clients = 3;
    private const int Each = 10;
    private const int SubmittedBeforeBackup = 8;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Jobs:Enabled"] = "false",
        // Every client of the test comes from 127.0.0.1.
        ["Recruit:SignIn:ClientPermitLimit"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private sealed record Submission(int Id, string Email, TimeSpan CompletedAt, Dictionary<DocumentKind, string> Sha256);

    [Fact]
    public async Task A_backup_taken_while_applications_are_submitted_restores_to_an_app_with_every_earlier_application_and_identical_documents()
    {
        using var data = new TemporaryDirectory("backup-live");
        using var backups = new TemporaryDirectory("backup-copies");
        using var restoredData = new TemporaryDirectory("backup-restored");
        var clock = Stopwatch.StartNew();
        var submissions = new ConcurrentBag<Submission>();
        TimeSpan backupBegan;
        await using (var app = await AppProcess.StartAsync(data.Path, Settings))
        {
            var intake = await AppProcess.OpenNextIntakeAsync(data.Path);
            int interest;
            await using (var db = AppProcess.Database(data.Path))
            {
                interest = await ApplicationFormSteps.FirstResearchInterestAsync(db);
            }

            // Set by the submitter whose submission makes the count: the backup starts at once, no polling.
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var submitters = Enumerable.Range(0, Clients)
                .Select(c => Task.Run(() => SubmitAsync(app, data.Path, intake, interest, c, submissions, enough, clock))).ToList();
            // A submitter that fails ends the wait too; its exception surfaces at Task.WhenAll below.
            await Task.WhenAny(enough.Task, Task.WhenAll(submitters)).WaitAsync(Patience.Limit);
            backupBegan = clock.Elapsed;
            var backup = await OperatorCommand.RunAsync(data.Path, "backup", "--to", backups.Path);
            var backupEnded = clock.Elapsed;
            await Task.WhenAll(submitters);
            output.WriteLine($"backup from {backupBegan} to {backupEnded}: {backup.Output.Trim()}");
            output.WriteLine($"{submissions.Count(s => s.CompletedAt < backupBegan)} submitted before it began, {submissions.Count(s => s.CompletedAt > backupEnded)} after it ended, all done at {clock.Elapsed}");
            Assert.Equal(0, backup.ExitCode);
            Assert.Contains(submissions, s => s.CompletedAt > backupBegan);
            await app.StopAsync();
        }

        var copy = Assert.Single(Directory.GetFiles(backups.Path));
        var restore = await OperatorCommand.RunAsync(restoredData.Path, "restore", "--from", copy);
        Assert.True(restore.ExitCode == 0, restore.Output);

        await using var restored = await AppProcess.StartAsync(restoredData.Path, Settings);
        var before = submissions.Where(s => s.CompletedAt < backupBegan).ToList();
        Assert.True(before.Count >= SubmittedBeforeBackup);
        await AssertNothingHalfWrittenAsync(restoredData.Path, before);
        // Each applicant signs in to the restored app and downloads their documents: the bytes they uploaded.
        foreach (var submission in before)
        {
            await AssertDocumentsServedAsync(restored, restoredData.Path, submission);
        }
    }

    /// <summary>One client: <see cref="Each"/> applicants one after the other, each signing in, filling in, uploading three distinct PDFs and submitting.</summary>
    private static async Task SubmitAsync(AppProcess app, string dataPath, string intake, int interest, int client, ConcurrentBag<Submission> submissions, TaskCompletionSource enough, Stopwatch clock)
    {
        for (var n = 0; n < Each; n++)
        {
            var email = $"backup-{client}-{n}@example.edu";
            using var browser = await SignedInAsync(app, dataPath, email);
            var token = await browser.GetAntiforgeryTokenAsync("/apply/signin");
            var id = await browser.StartAsync(intake, "PhD");
            foreach (var (step, fields) in ApplicationFormSteps.ValidSteps)
            {
                var values = step == "choice" ? fields.Append(new("ResearchInterestIds", interest.ToString(System.Globalization.CultureInfo.InvariantCulture))) : fields;
                using var saved = await browser.SaveStepAsync(id, step, values, antiforgeryToken: token);
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            var hashes = new Dictionary<DocumentKind, string>();
            foreach (var (kind, fileName, size) in ApplicationDrafts.RequiredDocuments)
            {
                // A size of its own per application and kind: every document's bytes differ.
                var pdf = ApplicationFormSteps.Pdf(size + (((client * Each) + n) * 8));
                using var upload = await browser.UploadAsync(id, kind, pdf, fileName, antiforgeryToken: token);
                Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
                hashes[Enum.Parse<DocumentKind>(kind)] = Convert.ToHexStringLower(SHA256.HashData(pdf));
            }

            using var submit = await browser.PostFormAsync($"/apply/{id}/submit", [new("consent", "true")], token);
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
            submissions.Add(new(id, email, clock.Elapsed, hashes));
            if (submissions.Count >= SubmittedBeforeBackup)
            {
                enough.TrySetResult();
            }
        }
    }

    /// <summary>The restored database: every earlier application submitted with its documents as uploaded; no submitted application without all of its documents.</summary>
    private static async Task AssertNothingHalfWrittenAsync(string dataPath, IReadOnlyList<Submission> before)
    {
        await using var db = AppProcess.Database(dataPath);
        var stored = await db.Applications.AsNoTracking().Include(a => a.Documents).ThenInclude(d => d.Content).ToDictionaryAsync(a => a.Id);
        Assert.All(before, s =>
        {
            var application = stored[s.Id];
            Assert.Equal(ApplicationStatus.Submitted, application.Status);
            Assert.Equal(s.Sha256, application.Documents.ToDictionary(d => d.Kind, d => Convert.ToHexStringLower(SHA256.HashData(d.Content!.Bytes))));
        });
        Assert.All(stored.Values.Where(a => a.Status != ApplicationStatus.Draft), a =>
        {
            Assert.Equal(3, a.Documents.Count);
            Assert.All(a.Documents, d => Assert.Equal(d.Sha256, Convert.ToHexStringLower(SHA256.HashData(d.Content!.Bytes))));
        });
    }

    private static async Task AssertDocumentsServedAsync(AppProcess app, string dataPath, Submission submission)
    {
        using var browser = await SignedInAsync(app, dataPath, submission.Email);
        await using var db = AppProcess.Database(dataPath);
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == submission.Id).Select(d => new { d.Id, d.Kind }).ToListAsync();
        foreach (var document in documents)
        {
            var bytes = await browser.GetByteArrayAsync(new Uri($"/applicant/documents/{document.Id}", UriKind.Relative));
            Assert.Equal(submission.Sha256[document.Kind], Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    /// <summary>Signs in as a person does: asks for a link, reads it from the outbox (jobs are off, so it stays there), presses Continue.</summary>
    private static async Task<HttpClient> SignedInAsync(AppProcess app, string dataPath, string email)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
            Timeout = Patience.Limit,
        };
        using (var request = await browser.RequestLinkAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        }

        string? text;
        await using (var db = AppProcess.Database(dataPath))
        {
            text = await db.EmailMessages.Where(m => m.Kind == "SignInLink" && m.ToAddress == email)
                .OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync();
        }

        using var confirm = await browser.UseLinkAsync(SignInSteps.LinkIn(text));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        return browser;
    }
}
