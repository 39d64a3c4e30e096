using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;

namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// The review list (/review as the professor) over 100 000 applications, filtered and paged, one
/// request at a time, cycling through nine typical views; against the same list queries in raw
/// SQL (count, page with intake code and average score, tags and reviewers of the page) run with
/// ADO.NET on the same SQLite file, cycling through the same views.
/// </summary>
public static class ReviewListScenario
{
    /// <summary>One view of the list: its filter, order and page, and (where the app takes its total elsewhere) the count it runs.</summary>
    private sealed record View(string Url, string Where, string OrderBy, int Page, string? Count = null);

    /// <summary>The app's total when the filters are intake, program, status or route alone: the stored counts (ApplicationCounts).</summary>
    private static string StoredCount(string where) => $"SELECT COALESCE(SUM(c.Count), 0) FROM ApplicationCounts c WHERE c.Status <> 'Draft' AND {where}";

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchApp app, BenchOptions options, Action<string> log)
    {
        var seeded = await ReviewSeed.SeedAsync(app, BenchOptions.ReviewApplications);
        log($"  seeded {seeded.Applications:N0} applications of {seeded.Applicants:N0} applicants in {seeded.Took.TotalSeconds:F1} s");
        var views = Views(seeded.IntakeIds);

        using var client = await app.SignInProfessorAsync();
        var appSamples = new Samples();
        var sqlSamples = new Samples();
        // Per view as well: one slow view (a search that scans) hides in the mix's percentiles.
        var appByView = views.ToDictionary(v => v.Url, _ => new Samples());
        var sqlByView = views.ToDictionary(v => v.Url, _ => new Samples());
        await using var db = app.OpenDatabase();
        const int WarmUp = 8;
        var perRound = options.ReviewRequests / options.Rounds;
        for (var round = 0; round < options.Rounds; round++)
        {
            var appRound = new Samples();
            var sqlRound = new Samples();
            for (var i = (round == 0 ? -WarmUp : 0); i < perRound; i++)
            {
                var view = views[((i % views.Count) + views.Count) % views.Count];
                var target = i < 0 ? new Samples() : appRound;
                var single = new Samples();
                await single.TimeAsync(async () =>
                {
                    using var response = await client.GetAsync(new Uri(view.Url, UriKind.Relative));
                    await response.Content.ReadAsByteArrayAsync();
                    return response.StatusCode == HttpStatusCode.OK;
                });
                target.Merge(single);
                if (i >= 0)
                {
                    appByView[view.Url].Merge(single);
                }
            }

            for (var i = (round == 0 ? -WarmUp : 0); i < perRound; i++)
            {
                var view = views[((i % views.Count) + views.Count) % views.Count];
                var target = i < 0 ? new Samples() : sqlRound;
                var single = new Samples();
                await single.TimeAsync(async () => await RawListAsync(db, view) >= 0);
                target.Merge(single);
                if (i >= 0)
                {
                    sqlByView[view.Url].Merge(single);
                }
            }

            log($"  round {round + 1}: app p50 {appRound.Percentile(50):F1} ms p95 {appRound.Percentile(95):F1} ms; raw SQL p50 {sqlRound.Percentile(50):F1} ms p95 {sqlRound.Percentile(95):F1} ms; {appRound.Errors} errors");
            appSamples.Merge(appRound);
            sqlSamples.Merge(sqlRound);
        }

        foreach (var view in views)
        {
            log($"  {view.Url}: app p50 {appByView[view.Url].Percentile(50):F1} ms p95 {appByView[view.Url].Percentile(95):F1} ms; raw SQL p50 {sqlByView[view.Url].Percentile(50):F1} ms ({appByView[view.Url].Count} requests)");
        }

        var p95 = appSamples.Percentile(95);
        return
        [
            new Figure
            {
                Scenario = $"review list, filtered and paged, {seeded.Applications:N0} applications",
                Measure = "p50/p95 (one request at a time)",
                Value = p95,
                Unit = "ms (p95)",
                BaselineName = "the same list queries in raw SQL (ADO.NET, same file)",
                Baseline = sqlSamples.Percentile(95),
                Ratio = p95 / sqlSamples.Percentile(95),
                RatioMeaning = "app p95 / raw SQL p95",
                Goal = "p95 < 50 ms",
                Met = p95 < 50,
                Note = $"p50 {appSamples.Percentile(50):F1} ms; raw SQL p50 {sqlSamples.Percentile(50):F1} ms; views: {string.Join(", ", views.Select(v => "`" + v.Url + "`"))}; seeding took {seeded.Took.TotalSeconds:F1} s",
                // Per view too (view1 … view9 in the order of the note's list): one slow view hides in the mix's percentiles.
                Details = PublicPagesScenario.Details(appSamples, "app").Concat(PublicPagesScenario.Details(sqlSamples, "rawSql"))
                    .Concat(views.SelectMany((v, i) => new KeyValuePair<string, double>[]
                    {
                        new($"view{i + 1}.app.p50", appByView[v.Url].Percentile(50)),
                        new($"view{i + 1}.app.p95", appByView[v.Url].Percentile(95)),
                        new($"view{i + 1}.rawSql.p50", sqlByView[v.Url].Percentile(50)),
                    })).ToDictionary(),
            },
        ];
    }

    private static List<View> Views(IReadOnlyDictionary<string, int> intakes)
    {
        var newest = intakes["2026.09"].ToString(CultureInfo.InvariantCulture);
        var previous = intakes["2025.09"].ToString(CultureInfo.InvariantCulture);
        const string Submitted = "a.SubmittedAtUtc DESC, a.Id DESC";
        return
        [
            new($"/review?intake={newest}&program=PhD", $"a.IntakeId = {newest} AND a.Program = 'PhD'", Submitted, 1,
                StoredCount($"c.IntakeId = {newest} AND c.Program = 'PhD'")),
            new("/review?status=UnderReview&page=20", "a.Status = 'UnderReview'", Submitted, 20, StoredCount("c.Status = 'UnderReview'")),
            new($"/review?intake={previous}&status=Submitted&sort=name&page=3", $"a.IntakeId = {previous} AND a.Status = 'Submitted'", "a.FullName, a.Id", 3,
                StoredCount($"c.IntakeId = {previous} AND c.Status = 'Submitted'")),
            // As the app runs it: the page probes the interest per row in the list's order; the total is the
            // interest's index less the drafts (Review/Dashboard/ReviewDashboard.cs).
            new("/review?interest=2&page=5", "EXISTS (SELECT 1 FROM ApplicationInterests i WHERE i.ApplicationId = a.Id AND i.ResearchInterestId = 2)", Submitted, 5,
                "SELECT COUNT(*) FROM ApplicationInterests i WHERE i.ResearchInterestId = 2 AND i.ApplicationId NOT IN (SELECT d.Id FROM Applications d WHERE d.Status = 'Draft')"),
            // The searches as the app runs them: through the FTS5 trigram index, and (王伟, two characters)
            // through the pair index of the short fields (Review/Dashboard/ApplicationTextSearch.cs, ListSpeedSql).
            new("/review?q=Wang%20Wei&page=2", "a.Id IN (SELECT rowid FROM ApplicationSearch WHERE ApplicationSearch MATCH '\"Wang Wei\"')", Submitted, 2),
            new("/review?q=%E7%8E%8B%E4%BC%9F", "a.Id IN (SELECT rowid FROM ApplicationShortSearch WHERE ApplicationShortSearch MATCH '\"王伟' || char(31) || '\"')", Submitted, 1),
            new("/review?program=Master&sort=score", "a.Program = 'Master'", "a.AverageScore DESC, a.Id DESC", 1, StoredCount("c.Program = 'Master'")),
            new("/review?tag=strong", "a.Id IN (SELECT t.ApplicationId FROM ApplicationTags t WHERE t.Name = 'strong')", Submitted, 1),
            new($"/review?intake={newest}&reviewer=none&page=4", $"a.IntakeId = {newest} AND NOT EXISTS (SELECT 1 FROM ReviewerAssignments r WHERE r.ApplicationId = a.Id)", Submitted, 4),
        ];
    }

    /// <summary>What the list needs, written by hand: the count, the page, the page's tags and reviewers.</summary>
    private static async Task<int> RawListAsync(SqliteConnection db, View view)
    {
        var where = $"a.Status <> 'Draft' AND {view.Where}";
        await using var count = db.CreateCommand();
        count.CommandText = view.Count ?? $"SELECT COUNT(*) FROM Applications a WHERE {where}";
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

        await using var page = db.CreateCommand();
        page.CommandText =
            "SELECT a.Id, a.ReferenceNumber, a.FullName, a.ChineseName, a.Institution, a.Major, i.Code, a.Program, a.Status, a.SubmittedAtUtc, "
            + "a.AverageScore "
            + $"FROM Applications a JOIN Intakes i ON i.Id = a.IntakeId WHERE {where} ORDER BY {view.OrderBy} LIMIT 50 OFFSET {(view.Page - 1) * 50}";
        var ids = new List<long>();
        await using (var reader = await page.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
                for (var column = 1; column < reader.FieldCount; column++)
                {
                    _ = reader.IsDBNull(column) ? null : reader.GetValue(column);
                }
            }
        }

        var idList = ids.Count == 0 ? "0" : string.Join(',', ids);
        await using var extras = db.CreateCommand();
        extras.CommandText =
            $"SELECT ApplicationId, Name FROM ApplicationTags WHERE ApplicationId IN ({idList}); "
            + $"SELECT r.ApplicationId, COALESCE(u.DisplayName, u.Email, u.Id) FROM ReviewerAssignments r JOIN AspNetUsers u ON u.Id = r.ReviewerId WHERE r.ApplicationId IN ({idList})";
        await using (var reader = await extras.ExecuteReaderAsync())
        {
            do
            {
                while (await reader.ReadAsync())
                {
                    _ = reader.GetString(1);
                }
            }
            while (await reader.NextResultAsync());
        }

        return total;
    }
}
