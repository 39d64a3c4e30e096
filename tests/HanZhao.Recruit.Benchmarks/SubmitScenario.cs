using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// Submitting an application with two 1 MB PDFs, 50 applicants at once. Ahead of the timing, each
/// applicant signs in (emailed link) and fills every step of a draft. One timed "submission" is
/// what a browser posts after that: the CV upload (multipart, 1 MB), the transcript upload (1 MB),
/// the ranking certificate (the drafts' route asks for one; the transcript's bytes) and the submit
/// form, four POSTs answered by redirects (not followed). The baseline writes the same rows and
/// bytes with ADO.NET on the same SQLite file, in the same four transactions, 50 at once: each
/// document as the app stores it (the replaced one deleted, the row, the application touched, the
/// bytes through incremental blob I/O), then the submission (status, reference number, status
/// history, the applicant's confirmation and the professor's alert).
/// </summary>
public static class SubmitScenario
{
    private const int PdfBytes = 1024 * 1024;

    private sealed record Applicant(string Email, HttpClient Client, int ApplicationId, string Token);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchApp app, BenchOptions options, Action<string> log)
    {
        var cv = ApplicationDrafts.Pdf(PdfBytes);
        var transcript = ApplicationDrafts.Pdf(PdfBytes);
        transcript[20] = (byte)'T';
        var users = BenchOptions.SubmitUsers;
        var warmUps = options.SubmitWarmUpRounds;
        var total = users * (warmUps + options.SubmitRounds);

        var prepare = Stopwatch.StartNew();
        var applicants = new Applicant[total];
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, total).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    applicants[i] = await PrepareAsync(app, $"submitter{i}@bench.test");
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        log($"  prepared {total} signed-in applicants with complete drafts in {prepare.Elapsed.TotalSeconds:F1} s");
        var baselineDrafts = await BaselineDraftsAsync(app, applicants);

        var submissions = new Samples();
        var requests = new Samples();
        var baseline = new Samples();
        var failures = new List<string>();
        // The goal's memory figure is the peak while submissions run, warm-up rounds included, not the
        // whole run's (the list's 100,000 applications and the page loads have peaks of their own, reported apart).
        app.App.ResetPeakWorkingSet();
        var restingBytes = app.App.PeakWorkingSet;
        var warmUpErrors = 0;
        for (var round = 0; round < warmUps + options.SubmitRounds; round++)
        {
            var warmUp = round < warmUps;
            var batch = applicants.Skip(round * users).Take(users).ToList();
            await OutboxSentAsync(app);
            var baselineCpu = new CpuUse(app.App.ProcessId);
            var baselineRound = await TimedAsync(batch.Select((a, i) => (Func<Task<bool>>)(() => BaselineSubmitAsync(app, baselineDrafts[a.Email], i, cv, transcript))));
            baselineCpu.Stop();
            var roundRequests = new Samples();
            using var traceClient = new HttpClient { BaseAddress = app.BaseAddress };
            await SubmitTrace.ReadAsync(traceClient);
            var appCpu = new CpuUse(app.App.ProcessId);
            var appRound = await TimedAsync(batch.Select(a => (Func<Task<bool>>)(() => SubmitAsync(a, cv, transcript, roundRequests, failures))));
            appCpu.Stop();
            log($"  {(warmUp ? "warm-up round" : "round")} {(warmUp ? round + 1 : round - warmUps + 1)}: app {appRound.PerSecond:F1} submissions/s, p50 {appRound.Percentile(50):F0} ms, p99 {appRound.Percentile(99):F0} ms, {appRound.Errors} errors; "
                + $"ADO.NET {baselineRound.PerSecond:F1}/s, p50 {baselineRound.Percentile(50):F0} ms, p99 {baselineRound.Percentile(99):F0} ms");
            log($"    CPU per submission: app round {appCpu.Describe(users)}; ADO.NET round {baselineCpu.Describe(users)}");
            if (await SubmitTrace.ReadAsync(traceClient) is { } trace)
            {
                log("  where the app's POSTs spent their time (BENCH_TRACE=1):\n" + trace.TrimEnd());
            }

            warmUpErrors += warmUp ? appRound.Errors : 0;
            if (!warmUp)
            {
                submissions.Merge(appRound);
                requests.Merge(roundRequests);
                baseline.Merge(baselineRound);
            }
        }

        if (failures.Count > 0)
        {
            log("  first failure: " + failures[0]);
        }

        var peak = app.App.PeakWorkingSet;
        log($"  peak working set while submitting, warm-up rounds included, {peak / 1024.0 / 1024.0:F0} MB (resident when the warm-up began: {restingBytes / 1024.0 / 1024.0:F0} MB)");
        var p99 = submissions.Percentile(99);
        var ratio = p99 / baseline.Percentile(99);
        return
        [
            new Figure
            {
                Scenario = "submit an application with two 1 MB PDFs, 50 concurrent users",
                Measure = "p50/p99 of a submission, submissions/s",
                Value = p99,
                Unit = "ms (p99)",
                BaselineName = "the same rows and bytes inserted with ADO.NET directly (same four transactions, 50 at once)",
                Baseline = baseline.Percentile(99),
                Ratio = ratio,
                RatioMeaning = "app p99 / ADO.NET p99",
                Goal = "p99 ≤ 1.5× ADO.NET p99",
                Met = ratio <= 1.5 && submissions.Errors == 0 && warmUpErrors == 0,
                Note = $"p50 {submissions.Percentile(50):F0} ms; {submissions.PerSecond:F1} submissions/s (ADO.NET: p50 {baseline.Percentile(50):F0} ms, {baseline.PerSecond:F1}/s); "
                    + $"per POST p50 {requests.Percentile(50):F0} ms, p99 {requests.Percentile(99):F0} ms; {submissions.Count} submissions, {submissions.Errors} failed; "
                    + $"timed after {warmUps} untimed warm-up round(s) of {users} on each side ({warmUpErrors} failed)",
                Details = PublicPagesScenario.Details(submissions, "submission")
                    .Concat(PublicPagesScenario.Details(requests, "post"))
                    .Concat(PublicPagesScenario.Details(baseline, "adoNet")).ToDictionary(),
            },
            StartupFigure.Memory(
                "memory under the submit load", peak, $"warm-up rounds included; the app's resident set when they began: {restingBytes / 1024.0 / 1024.0:F0} MB", "< 300 MB"),
        ];
    }

    /// <summary>
    /// <paramref name="users"/> applicants prepared (signed in, drafts filled), the i-th on
    /// <paramref name="instances"/>[i mod n], then all submitting at once: one round of the timed part
    /// of <see cref="RunAsync"/> spread over several instances (InstancesScenario).
    /// </summary>
    public static async Task<Samples> SubmitOnAsync(BenchApp app, IReadOnlyList<Uri> instances, string prefix, int users)
    {
        var cv = ApplicationDrafts.Pdf(PdfBytes);
        var transcript = ApplicationDrafts.Pdf(PdfBytes);
        transcript[20] = (byte)'T';
        var applicants = new List<Applicant>();
        for (var i = 0; i < users; i++)
        {
            applicants.Add(await PrepareAsync(app, $"{prefix}{i}@bench.test", instances[i % instances.Count]));
        }

        var requests = new Samples();
        var failures = new List<string>();
        var samples = await TimedAsync(applicants.Select(a => (Func<Task<bool>>)(() => SubmitAsync(a, cv, transcript, requests, failures))));
        foreach (var applicant in applicants)
        {
            applicant.Client.Dispose();
        }

        return samples;
    }

    /// <summary>
    /// Runs every operation at once (one task each), timing each from the moment all were let go, and
    /// the whole. From that common moment, not from when a task got a thread: an operation that blocks
    /// its thread (ADO.NET on SQLite is synchronous under its async methods) holds back the tasks queued
    /// behind it, and a user who pressed "submit" waits for that queue too, as the app's clients wait
    /// in the server's.
    /// </summary>
    private static async Task<Samples> TimedAsync(IEnumerable<Func<Task<bool>>> operations)
    {
        var samples = new Samples();
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(operations.Select(operation => Task.Run(() => samples.TimeAsync(operation, start))));
        samples.AddElapsed(clock.Elapsed);
        return samples;
    }

    private static async Task<Applicant> PrepareAsync(BenchApp app, string email, Uri? instance = null)
    {
        var client = await app.SignInApplicantAsync(email, 1, instance);
        int id;
        using (var start = await client.GetAsync(new Uri($"/apply?intake={app.IntakeCode}&program=PhD", UriKind.Relative)))
        {
            id = int.Parse(start.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
        }

        // The signed-in applicant's token serves every form of the application.
        var token = await client.GetAntiforgeryTokenAsync($"/apply/{id}/personal");
        foreach (var (step, fields) in ApplicationDrafts.ValidSteps)
        {
            var values = fields.Append(new("go", "next"));
            if (step == "choice")
            {
                values = values.Append(new("ResearchInterestIds", "1"));
            }

            using var form = BenchApp.Form(values, token);
            using var saved = await client.PostAsync(new Uri($"/apply/{id}/{step}", UriKind.Relative), form);
            if (saved.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Saving step {step} for {email} answered {(int)saved.StatusCode}.");
            }
        }

        return new Applicant(email, client, id, token);
    }

    private static async Task<bool> SubmitAsync(Applicant applicant, byte[] cv, byte[] transcript, Samples requests, List<string> failures)
    {
        async Task<bool> Post(HttpContent content, string path)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await applicant.Client.PostAsync(new Uri(path, UriKind.Relative), content);
            await response.Content.ReadAsByteArrayAsync();
            requests.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                return true;
            }

            lock (failures)
            {
                failures.Add($"{path}: {(int)response.StatusCode}");
            }

            return false;
        }

        MultipartFormDataContent Upload(string kind, byte[] bytes, string name)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new("application/pdf");
            return new MultipartFormDataContent
            {
                { new StringContent(applicant.Token), HtmlForms.AntiforgeryField },
                { new StringContent(kind), "kind" },
                { file, "file", name },
            };
        }

        var documents = $"/apply/{applicant.ApplicationId}/documents";
        using var first = Upload("Cv", cv, "cv.pdf");
        using var second = Upload("Transcript", transcript, "transcript.pdf");
        // The drafts' route (直博) asks for a ranking certificate too.
        using var third = Upload("RankingCertificate", transcript, "ranking.pdf");
        using var submit = new FormUrlEncodedContent([new("consent", "true"), new(HtmlForms.AntiforgeryField, applicant.Token)]);
        return await Post(first, documents) && await Post(second, documents) && await Post(third, documents)
            && await Post(submit, $"/apply/{applicant.ApplicationId}/submit");
    }

    /// <summary>A second draft (the Master program) per applicant for the baseline to submit, written ahead like the app's drafts.</summary>
    private static async Task<Dictionary<string, long>> BaselineDraftsAsync(BenchApp app, IEnumerable<Applicant> applicants)
    {
        var drafts = new Dictionary<string, long>();
        await using var db = app.OpenDatabase();
        // Every column but the key, as the schema has them now (other parts add columns): a copy of the app's draft.
        var columns = new List<string>();
        await using (var info = db.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('Applications') WHERE name <> 'Id'";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select(c => c == "Program" ? "'Master'" : $"\"{c}\""));
        await using var transaction = db.BeginTransaction();
        foreach (var applicant in applicants)
        {
            await using var insert = db.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO Applications ({names}) SELECT {values} FROM Applications WHERE Id = $id; SELECT last_insert_rowid();";
            insert.Parameters.AddWithValue("$id", applicant.ApplicationId);
            var draft = (long)(await insert.ExecuteScalarAsync())!;
            // The interests chosen are rows of their own (ApplicationInterests).
            await using var interests = db.CreateCommand();
            interests.Transaction = transaction;
            interests.CommandText = "INSERT INTO ApplicationInterests (ApplicationId, ResearchInterestId) SELECT $draft, ResearchInterestId FROM ApplicationInterests WHERE ApplicationId = $id";
            interests.Parameters.AddWithValue("$draft", draft);
            interests.Parameters.AddWithValue("$id", applicant.ApplicationId);
            await interests.ExecuteNonQueryAsync();
            drafts[applicant.Email] = draft;
        }

        await transaction.CommitAsync();
        return drafts;
    }

    private static async Task<bool> BaselineSubmitAsync(BenchApp app, long applicationId, int n, byte[] cv, byte[] transcript)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        await using var db = app.OpenDatabase();

        // As the app stores an upload: in one write transaction, the replaced document of that kind
        // deleted, the row inserted, the application touched, the bytes inserted as zeroblob(n) and
        // written through incremental blob I/O in 64 KB pieces.
        async Task Document(string kind, string name, byte[] bytes)
        {
            await using var transaction = db.BeginTransaction();
            await using var command = db.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                "DELETE FROM ApplicationDocuments WHERE ApplicationId = $app AND Kind = $kind; "
                + "INSERT INTO ApplicationDocuments (ApplicationId, Kind, Slot, FileName, SizeBytes, Sha256, UploadedAtUtc, PageCount, ActiveContent) VALUES ($app, $kind, 0, $name, $size, $sha, $now, 1, 0); "
                + "UPDATE Applications SET UpdatedAtUtc = $now WHERE Id = $app; "
                + "INSERT INTO DocumentContents (DocumentId, Bytes) SELECT Id, zeroblob($size) FROM ApplicationDocuments WHERE ApplicationId = $app AND Kind = $kind; "
                + "SELECT Id FROM ApplicationDocuments WHERE ApplicationId = $app AND Kind = $kind;";
            command.Parameters.AddWithValue("$app", applicationId);
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$size", bytes.Length);
            command.Parameters.AddWithValue("$sha", Convert.ToHexStringLower(SHA256.HashData(bytes)));
            command.Parameters.AddWithValue("$now", now);
            var documentId = (long)(await command.ExecuteScalarAsync())!;
            using (var blob = new SqliteBlob(db, "DocumentContents", "Bytes", documentId))
            {
                for (var offset = 0; offset < bytes.Length; offset += 64 * 1024)
                {
                    blob.Write(bytes, offset, Math.Min(64 * 1024, bytes.Length - offset));
                }
            }

            await transaction.CommitAsync();
        }

        await Document("Cv", "cv.pdf", cv);
        await Document("Transcript", "transcript.pdf", transcript);
        await Document("RankingCertificate", "ranking.pdf", transcript);

        await using (var transaction = db.BeginTransaction())
        await using (var command = db.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText =
                "UPDATE Applications SET Status = 'Submitted', ConsentedAtUtc = $now, SubmittedAtUtc = $now, UpdatedAtUtc = $now, ReferenceNumber = $reference WHERE Id = $app; "
                + "INSERT INTO ApplicationStatusChanges (ApplicationId, \"From\", \"To\", ChangedAtUtc) VALUES ($app, 'Draft', 'Submitted', $now); "
                + "INSERT INTO EmailMessages (Id, Kind, ToAddress, Subject, HtmlBody, TextBody, Culture, ApplicationId, Status, Attempts, CreatedAtUtc, NextAttemptAtUtc) "
                + "VALUES ($mail1, 'BaselineConfirmation', 'applicant@bench.test', $subject, $html, $text, 'en', $app, 'Sent', 1, $now, $now), "
                + "($mail2, 'BaselineAlert', 'hanzhao@bench.test', $subject, $html, $text, 'en', $app, 'Sent', 1, $now, $now);";
            command.Parameters.AddWithValue("$app", applicationId);
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$reference", $"BASE-{applicationId}");
            command.Parameters.AddWithValue("$mail1", Guid.CreateVersion7().ToString().ToUpperInvariant());
            command.Parameters.AddWithValue("$mail2", Guid.CreateVersion7().ToString().ToUpperInvariant());
            command.Parameters.AddWithValue("$subject", $"Application received: BASE-{applicationId}");
            var message = EmailScenario.Message(n);
            command.Parameters.AddWithValue("$html", message.HtmlBody);
            command.Parameters.AddWithValue("$text", message.TextBody);
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        return true;
    }

    /// <summary>
    /// Waits until the app has sent the mail of the round before (two messages per submission): the
    /// baseline's round must not share the machine with the app's outbox at work.
    /// </summary>
    private static Task OutboxSentAsync(BenchApp app) =>
        Patience.UntilAsync(() => PendingEmails(app) == 0, () => $"{PendingEmails(app)} emails are still waiting to be sent", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(20));

    private static long PendingEmails(BenchApp app)
    {
        using var db = app.OpenDatabase();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM EmailMessages WHERE Status = 'Pending'";
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>
    /// The CPU the app's process and this one (the load generator, or the ADO.NET baseline itself) use
    /// over a round: what a submission costs each side, steadier than its wall-clock time on two shared cores.
    /// </summary>
    private sealed class CpuUse(int appProcessId)
    {
        private readonly TimeSpan _appStart = BenchApp.CpuTime(appProcessId);
        private readonly TimeSpan _benchStart = BenchApp.CpuTime(Environment.ProcessId);
        private readonly long _start = Stopwatch.GetTimestamp();
        private TimeSpan _app;
        private TimeSpan _bench;
        private TimeSpan _wall;

        public void Stop()
        {
            _app = BenchApp.CpuTime(appProcessId) - _appStart;
            _bench = BenchApp.CpuTime(Environment.ProcessId) - _benchStart;
            _wall = Stopwatch.GetElapsedTime(_start);
        }

        public string Describe(int submissions) =>
            $"app process {_app.TotalMilliseconds / submissions:F1} ms, benchmark process {_bench.TotalMilliseconds / submissions:F1} ms "
            + $"(both {(_app + _bench).TotalSeconds / _wall.TotalSeconds:F2} of {Environment.ProcessorCount} cores over {_wall.TotalSeconds:F1} s)";
    }
}
