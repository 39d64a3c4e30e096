using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Tests.Review.Dashboard;

namespace HanZhao.Recruit.Tests.Review.Applications;

/// <summary>
/// Previous/next on an application's page walk the very list the dashboard showed: each test opens
/// the dashboard, follows the link of its first row and then the "next" links, and compares.
/// Nothing here changes data.
/// </summary>
public partial class ListNeighbourTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    /// <summary>Bounds the walk: the seeded list has a dozen rows.</summary>
    private const int MaxSteps = 50;

    [Fact]
    public async Task Sorted_by_name_descending_with_a_tag_filter_next_leads_to_the_second_row_and_the_first_has_no_previous()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        var dashboard = await client.GetStringAsync("/review?tag=strong&sort=name&dir=desc");
        var rows = DashboardTests.RowIds(dashboard);
        var expected = app.Visible.Where(a => a.Tags.Contains("strong")).OrderByDescending(a => a.FullName, StringComparer.Ordinal).Select(a => a.Id).ToList();
        Assert.Equal(expected, rows);
        Assert.True(rows.Count >= 3, "the test needs at least three rows");

        var first = await client.GetStringAsync(RowLink(dashboard, rows[0]));

        Assert.DoesNotContain("data-previous", first, StringComparison.Ordinal);
        Assert.Equal(rows[1], NextId(first));
        Assert.Contains($"1 of {rows.Count}", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/review?tag=strong&amp;sort=name&amp;dir=desc\"", first, StringComparison.Ordinal);
        var second = await client.GetStringAsync(Link(first, "next"));
        Assert.Equal(rows[0], PreviousId(second));
        Assert.Equal(rows[2], NextId(second));
    }

    [Theory]
    [InlineData("tag=strong&sort=name&dir=desc")]
    [InlineData("q=university&sort=score")]
    [InlineData("q=UNIVERSITY&sort=score&dir=asc")]
    [InlineData("program=PhD&sort=institution")]
    [InlineData("status=Submitted&sort=reference&dir=desc")]
    [InlineData("intake={open}&sort=status")]
    [InlineData("interest={interest1}&sort=major&dir=desc")]
    [InlineData("reviewer={reviewerB}&sort=program")]
    [InlineData("reviewer=none&sort=intake")]
    [InlineData("minScore=3&maxScore=4.5&sort=score&dir=asc")]
    [InlineData("from=2031-01-05&to=2031-01-20&sort=submitted&dir=asc")]
    [InlineData("tag=follow%20up&size=1")]
    [InlineData("")]
    public async Task Walking_next_from_the_first_row_visits_the_dashboard_list_in_order(string listQuery)
    {
        listQuery = listQuery.Replace("{open}", app.OpenIntakeId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{interest1}", app.Interest1.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{reviewerB}", app.ReviewerB.Id, StringComparison.Ordinal);
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        // The whole list as the dashboard orders it, page after page.
        var expected = await AllPagesAsync(client, listQuery);
        var dashboard = await client.GetStringAsync("/review?" + listQuery);
        var rows = DashboardTests.RowIds(dashboard);
        Assert.NotEmpty(rows);

        var walked = await WalkAsync(client, RowLink(dashboard, rows[0]));

        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task A_reviewer_moves_only_through_the_applications_assigned_to_them()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.ReviewerA);
        var assigned = app.Visible.Where(a => a.ReviewerIds.Contains(app.ReviewerA.Id)).Select(a => a.Id).ToHashSet();
        Assert.True(assigned.Count >= 2 && assigned.Count < app.Visible.Count(), "the test needs a partial assignment");

        // A reviewer filter for someone else is the professor's; the list ignores it, so does the walk.
        foreach (var listQuery in new[] { "sort=name", $"reviewer={app.ReviewerB.Id}&sort=name", "reviewer=none" })
        {
            var dashboard = await client.GetStringAsync("/review?" + listQuery);
            var rows = DashboardTests.RowIds(dashboard);
            Assert.Equal(assigned.Order(), rows.Order());

            var walked = await WalkAsync(client, RowLink(dashboard, rows[0]));

            Assert.Equal(rows, walked);
        }

        // An application assigned to someone else answers 404 whatever list it claims to come from.
        var other = app.Visible.First(a => !a.ReviewerIds.Contains(app.ReviewerA.Id));
        using var response = await client.GetAsync($"/review/applications/{other.Id}?sort=name");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("?sort=%ZZ&dir=sideways&page=-1&size=99999999999999&intake=abc&program=3&status=1&interest=0&minScore=NaN&maxScore=9&from=2031-13-40&to=yesterday")]
    [InlineData("?%=&&&=x&sort&dir&page=&size=0&q=%00%FF")]
    [InlineData("?sort=name&sort=score&dir=asc&dir=desc&tag=&tag=strong")]
    [InlineData("?q=%25%5F%5B%5C&reviewer=%3Cscript%3E")]
    [InlineData("?tag=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&page=2147483648")]
    public async Task A_malformed_list_query_string_is_ignored_not_an_error(string query)
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        var id = app.Visible.First().Id;

        using var response = await client.GetAsync($"/review/applications/{id}{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // The links carry the list rebuilt from what parsed, never the raw input.
        foreach (Match link in HrefToReview().Matches(html))
        {
            var href = WebUtility.HtmlDecode(link.Groups["href"].Value);
            if (href.Contains("culture=", StringComparison.Ordinal))
            {
                // The language switcher of the layout repeats the address as requested; not the list's links.
                continue;
            }

            Assert.DoesNotContain("%ZZ", href, StringComparison.Ordinal);
            Assert.DoesNotContain("sideways", href, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", href, StringComparison.Ordinal);
            Assert.DoesNotContain("%3Cscript", href, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task With_the_default_list_previous_and_next_match_the_unfiltered_dashboard()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        var rows = DashboardTests.RowIds(await client.GetStringAsync("/review"));
        var middle = rows.Count / 2;

        var page = await client.GetStringAsync($"/review/applications/{rows[middle]}?sort=%ZZ&page=abc");

        Assert.Equal(rows[middle - 1], PreviousId(page));
        Assert.Equal(rows[middle + 1], NextId(page));
        Assert.Contains($"{middle + 1} of {rows.Count}", page, StringComparison.Ordinal);
    }

    private static async Task<List<int>> WalkAsync(HttpClient client, string start)
    {
        var visited = new List<int>();
        var url = start;
        for (var step = 0; step < MaxSteps && url is not null; step++)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            visited.Add(int.Parse(ApplicationId().Match(url).Groups[1].Value, CultureInfo.InvariantCulture));
            var html = await response.Content.ReadAsStringAsync();
            if (visited.Count > 1)
            {
                Assert.Equal(visited[^2], PreviousId(html));
            }

            url = html.Contains("data-next", StringComparison.Ordinal) ? Link(html, "next") : null;
        }

        Assert.Null(url);
        return visited;
    }

    private static async Task<List<int>> AllPagesAsync(HttpClient client, string listQuery)
    {
        var ids = new List<int>();
        for (var page = 1; page <= MaxSteps; page++)
        {
            var rows = DashboardTests.RowIds(await client.GetStringAsync($"/review?{listQuery}&page={page}"));
            if (rows.Count == 0 || ids.Contains(rows[0]))
            {
                break;
            }

            ids.AddRange(rows);
        }

        return ids;
    }

    /// <summary>The link the dashboard puts on a row (its list query string included).</summary>
    private static string RowLink(string dashboard, int id)
    {
        var match = Regex.Match(dashboard, $"href=\"(/review/applications/{id}(?:\\?[^\"#]*)?)\"");
        Assert.True(match.Success, $"no link to application {id}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string Link(string html, string rel)
    {
        var match = Regex.Match(html, $"rel=\"{(rel == "next" ? "next\" data-next" : "prev\" data-previous")} href=\"(?<href>[^\"]+)\"");
        Assert.True(match.Success, $"no {rel} link");
        return WebUtility.HtmlDecode(match.Groups["href"].Value);
    }

    private static int? NextId(string html) => IdOf(html, "next");

    private static int? PreviousId(string html) => IdOf(html, "prev");

    private static int? IdOf(string html, string rel)
    {
        var marker = rel == "next" ? "data-next" : "data-previous";
        return html.Contains(marker, StringComparison.Ordinal)
            ? int.Parse(ApplicationId().Match(Link(html, rel)).Groups[1].Value, CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex("""/review/applications/(\d+)""")]
    private static partial Regex ApplicationId();

    [GeneratedRegex("""href="(?<href>/review[^"]*)""")]
    private static partial Regex HrefToReview();
}
