using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Review.Dashboard;

/// <summary>The dashboard's app with every SQL command the app runs recorded, with its parameters.</summary>
public sealed class PlanAppFactory : DashboardAppFactory
{
    public CommandLog Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<RecruitDbContext>(options => options.AddInterceptors(Commands)));
    }
}

/// <summary>Records each command's text and parameters (and how many rows readers returned) while <see cref="Recording"/>.</summary>
public sealed class CommandLog : DbCommandInterceptor
{
    public sealed record Command(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    private readonly ConcurrentQueue<Command> _commands = new();

    public bool Recording { get; set; }

    public IReadOnlyList<Command> Taken => [.. _commands];

    public void Clear() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Take(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Take(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Take(DbCommand command)
    {
        if (Recording)
        {
            _commands.Enqueue(new Command(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        }
    }
}

/// <summary>
/// Every query the review list runs, for each view the benchmark measures and for every filter and
/// sort the list offers, is checked with SQLite's <c>EXPLAIN QUERY PLAN</c>: none may read the
/// applications table row by row (<c>SCAN a</c>); reading it through an index (<c>SCAN a USING
/// INDEX</c>, <c>USING COVERING INDEX</c>) or searching it is what the indexes are for. SQLite plans
/// from the schema alone (no statistics are gathered: no ANALYZE), so the plans on this small
/// database are the plans at 100 000 applications.
/// </summary>
public partial class DashboardQueryPlanTests(PlanAppFactory app) : IClassFixture<PlanAppFactory>
{
    /// <summary>
    /// The benchmark's views (tests/HanZhao.Recruit.Benchmarks/ReviewListScenario.cs), its two-character search
    /// (through the pair index, ListSpeedSql) and one-character searches included.
    /// </summary>
    public static TheoryData<string> BenchmarkViews =>
    [
        "intake={open}&program=PhD",
        "status=UnderReview&page=20",
        "intake={closed}&status=Submitted&sort=name&page=3",
        "interest={interest1}&page=5",
        "q=Wang%20Wei&page=2",
        "q=%E7%8E%8B%E4%BC%9F",
        "q=a&sort=name",
        "q=%E7%8E%8B&program=PhD&sort=score",
        "program=Master&sort=score",
        "tag=strong",
        "intake={open}&reviewer=none&page=4",
    ];

    /// <summary>Each filter alone (with the default sort), as the list offers them.</summary>
    public static TheoryData<string> Filters =>
    [
        "",
        "intake={open}",
        "program=PhD",
        "route=None",
        "status=Interview",
        "interest={interest2}",
        "tag=follow%20up",
        "reviewer={reviewerB}",
        "reviewer=none",
        "minScore=3",
        "maxScore=4",
        "minScore=2&maxScore=4.5",
        "from=2031-01-05",
        "to=2031-01-20",
        "scored=me",
        "scored=notme",
        "letters=missing",
    ];

    /// <summary>Every sort, both ways.</summary>
    public static TheoryData<string> Sorts()
    {
        var data = new TheoryData<string>();
        // Not "myscore": the viewer's own score is a value per viewer, so no index of the applications
        // table can hold its order; ordering by it reads every application the viewer sees.
        foreach (var sort in new[] { "submitted", "reference", "name", "institution", "major", "intake", "program", "status", "score", "route", "gpa", "rank", "english" })
        {
            data.Add($"sort={sort}&dir=asc");
            data.Add($"sort={sort}&dir=desc");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BenchmarkViews))]
    [MemberData(nameof(Filters))]
    [MemberData(nameof(Sorts))]
    public async Task No_query_of_the_list_scans_the_applications_table(string view)
    {
        var scans = await ScansAsync("/review?" + Fill(view));

        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    [Theory]
    [InlineData("sort=name")]
    [InlineData("status=Submitted&sort=score&page=1")]
    public async Task Previous_and_next_on_the_reader_scan_nothing_either(string view)
    {
        var id = app.Visible.First().Id;

        // The walk's own queries (a count and a window of ids); the reader's other parts (such as the
        // possible duplicates) are not the list's.
        var scans = await ScansAsync($"/review/applications/{id}?" + Fill(view), sql => sql.Contains("LIMIT", StringComparison.Ordinal) || sql.Contains("COUNT(*)", StringComparison.Ordinal));

        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    [Fact]
    public async Task The_score_sort_within_a_program_reads_its_page_in_order_from_one_index_and_takes_its_total_from_the_stored_counts()
    {
        var plans = await PlansAsync("/review?program=Master&sort=score", ListQuery);

        // No COUNT of the applications: the total is the stored counts' (ApplicationCounts), read anyway for the tables.
        Assert.DoesNotContain(plans, p => ListCount(p.Sql));
        var page = Assert.Single(plans, p => ListPage(p.Sql));
        Assert.True(page.Plan.Any(line => line.Contains("USING INDEX IX_Applications_Program_AverageScore_Id_Status (Program=?)", StringComparison.Ordinal))
            && !page.Plan.Any(line => line.Contains("TEMP B-TREE", StringComparison.Ordinal)), $"{string.Join("\n", page.Plan)}\n{page.Sql}");
    }

    [Fact]
    public async Task The_interest_filter_reads_its_page_in_the_list_order_and_counts_from_indexes_alone()
    {
        var plans = await PlansAsync("/review?" + Fill("interest={interest1}&page=5"), ListQuery);

        // The page: the submitted-time index walked in order, the interest probed by key per row; never every
        // chooser gathered and sorted first.
        var page = Assert.Single(plans, p => ListPage(p.Sql));
        Assert.True(page.Plan.Any(line => line.StartsWith("SCAN a USING INDEX IX_Applications_SubmittedAtUtc_Status", StringComparison.Ordinal))
            && !page.Plan.Contains("USE TEMP B-TREE FOR ORDER BY") && !page.Plan.Any(line => line.Contains("LIST SUBQUERY", StringComparison.Ordinal)),
            $"{string.Join("\n", page.Plan)}\n{page.Sql}");
        // The total: the interest's index less the drafts (from the status index); no application read by id.
        var count = Assert.Single(plans, p => ListCount(p.Sql));
        Assert.Contains("FROM \"ApplicationInterests\"", count.Sql, StringComparison.Ordinal);
        var reads = count.Plan.Where(line => line.StartsWith("SCAN ", StringComparison.Ordinal) || line.StartsWith("SEARCH ", StringComparison.Ordinal)).ToList();
        Assert.True(reads.Count > 0 && reads.All(line => line.Contains("USING COVERING INDEX", StringComparison.Ordinal)), $"{string.Join("\n", count.Plan)}\n{count.Sql}");
    }

    [Theory]
    [InlineData("intake={open}&program=PhD", "IX_Applications_IntakeId_SubmittedAtUtc_Status_Program")]
    [InlineData("intake={closed}&status=Submitted&sort=name&page=3", "IX_Applications_IntakeId_Status_FullName")]
    [InlineData("intake={open}&reviewer=none&page=4", "IX_Applications_IntakeId_SubmittedAtUtc_Status_Program")]
    public async Task An_intakes_list_is_read_in_its_order_from_an_index_never_gathered_and_sorted(string view, string index)
    {
        var plans = await PlansAsync("/review?" + Fill(view), ListQuery);

        var page = Assert.Single(plans, p => ListPage(p.Sql));
        Assert.True(page.Plan.Any(line => line.Contains($"INDEX {index} (IntakeId=?", StringComparison.Ordinal))
            && !page.Plan.Contains("USE TEMP B-TREE FOR ORDER BY"), $"{string.Join("\n", page.Plan)}\n{page.Sql}");
    }

    [Theory]
    [InlineData("%E7%8E%8B%E4%BC%9F")]
    [InlineData("a")]
    public async Task A_short_search_counts_and_pages_through_the_pair_index(string search)
    {
        // That neither reads the applications row by row: No_query_of_the_list_scans_the_applications_table.
        var plans = await PlansAsync("/review?q=" + search, ListQuery);

        Assert.Equal(2, plans.Count);
        Assert.All(plans, p => Assert.Contains(p.Plan, line => line.Contains("ApplicationShortSearch VIRTUAL TABLE INDEX", StringComparison.Ordinal)));
    }

    /// <summary>The list's own count and page (not the counts tables, tags, letters, saved views or "new since your last visit").</summary>
    private static bool ListQuery(string sql) => ListPage(sql) || ListCount(sql);

    private static bool ListPage(string sql) => sql.Contains("LIMIT", StringComparison.Ordinal) && sql.Contains("\"ReferenceNumber\"", StringComparison.Ordinal);

    private static bool ListCount(string sql) =>
        sql.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal) && !sql.Contains("\"SubmittedAtUtc\" >", StringComparison.Ordinal);

    [Fact]
    public async Task The_erased_soon_count_reads_only_indexes_of_the_applications_and_their_status_changes()
    {
        // The professor's dashboard line (RetentionPolicy.CountDueAsync): its queries name KeepUntilUtc or the changes' times.
        var plans = await PlansAsync("/review", sql => sql.Contains("\"KeepUntilUtc\"", StringComparison.Ordinal) || sql.Contains("\"ChangedAtUtc\" >", StringComparison.Ordinal));

        // The applications kept longer, those changed lately (and, when there are any, their rows by id):
        // each a search of an index holding only those, never a table walked from its start; the kept
        // ones and the lately changed ones from the index alone.
        Assert.InRange(plans.Count, 2, 4);
        foreach (var (sql, plan) in plans)
        {
            var reads = plan.Where(line => line.StartsWith("SCAN ", StringComparison.Ordinal) || line.StartsWith("SEARCH ", StringComparison.Ordinal)).ToList();
            Assert.True(reads.Count > 0 && reads.All(line => line.StartsWith("SEARCH ", StringComparison.Ordinal)), $"{string.Join("\n", plan)}\n{sql}");
        }

        var kept = Assert.Single(plans, p => p.Sql.Contains("\"KeepUntilUtc\" >", StringComparison.Ordinal));
        Assert.Contains(kept.Plan, line => line.Contains("COVERING INDEX IX_Applications_KeepUntilUtc", StringComparison.Ordinal));
        var changed = Assert.Single(plans, p => p.Sql.Contains("ChangedAtUtc", StringComparison.Ordinal));
        Assert.All(changed.Plan.Where(line => line.StartsWith("SEARCH ", StringComparison.Ordinal)), line => Assert.Contains("COVERING INDEX", line, StringComparison.Ordinal));
    }

    /// <summary>The SQL and query plan of each command a request sends that <paramref name="only"/> accepts.</summary>
    private async Task<List<(string Sql, List<string> Plan)>> PlansAsync(string url, Func<string, bool> only)
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        List<CommandLog.Command> commands;
        lock (app.Commands)
        {
            app.Commands.Clear();
            app.Commands.Recording = true;
        }

        try
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            commands = [.. app.Commands.Taken];
            app.Commands.Recording = false;
        }

        var plans = new List<(string, List<string>)>();
        await using var connection = new SqliteConnection(app.SqliteConnectionString);
        await connection.OpenAsync();
        foreach (var command in commands.Where(c => only(c.Sql)))
        {
            plans.Add((command.Sql, await PlanAsync(connection, command)));
        }

        return plans;
    }

    /// <summary>The query plans, with their SQL, of the queries on the applications table that read it row by row.</summary>
    private async Task<List<string>> ScansAsync(string url, Func<string, bool>? only = null)
    {
        var plans = await PlansAsync(url, sql => sql.Contains("\"Applications\"", StringComparison.Ordinal) && (only is null || only(sql)));
        var found = new List<string>();
        foreach (var (sql, plan) in plans)
        {
            var aliases = ApplicationsAlias().Matches(sql).Select(m => m.Groups["alias"].Value).Append("Applications").ToHashSet(StringComparer.Ordinal);
            var scans = plan.Where(line => TableScan().Match(line) is { Success: true } m && aliases.Contains(m.Groups["alias"].Value)).ToList();
            if (scans.Count > 0)
            {
                found.Add($"{url}: {string.Join("; ", scans)}\nplan:\n  {string.Join("\n  ", plan)}\nsql:\n{sql}");
            }
        }

        Assert.NotEmpty(plans);
        return found;
    }

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, CommandLog.Command command)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    private string Fill(string view) => view
        .Replace("{open}", app.OpenIntakeId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{closed}", app.Applications.First(a => a.IntakeId != app.OpenIntakeId).IntakeId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{interest1}", app.Interest1.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{interest2}", app.Interest2.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{reviewerB}", app.ReviewerB.Id, StringComparison.Ordinal);

    [GeneratedRegex("\"Applications\" AS \"(?<alias>[^\"]+)\"")]
    private static partial Regex ApplicationsAlias();

    /// <summary>A scan of a table by its rows: "SCAN a", not "SCAN a USING INDEX …" nor "USING COVERING INDEX …".</summary>
    [GeneratedRegex(@"^SCAN (?<alias>\S+)$")]
    private static partial Regex TableScan();
}
