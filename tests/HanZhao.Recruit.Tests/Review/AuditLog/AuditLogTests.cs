using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Tests.Review.Dashboard;

namespace HanZhao.Recruit.Tests.Review.AuditLog;

/// <summary>The app for audit log tests, background jobs off.</summary>
public sealed class AuditLogAppFactory : RecruitAppFactory
{
    public AuditLogAppFactory() => Settings["Jobs:Enabled"] = "false";
}

public partial class AuditLogTests(AuditLogAppFactory app) : IClassFixture<AuditLogAppFactory>
{
    /// <summary>Seeds entries whose emails and targets carry a tag unique to the test; returns the tag.</summary>
    private async Task<string> SeedAsync(params (DateTime At, string Email, string Action, string? Details)[] entries)
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        _ = app.Services; // starts the app, which creates the database
        await using var db = app.CreateDbContext();
        for (var i = 0; i < entries.Length; i++)
        {
            var (at, email, action, details) = entries[i];
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = at,
                UserEmail = $"{email}-{tag}@recruit.test",
                Action = action,
                Target = $"Target-{tag}-{i}",
                Details = details,
            });
        }

        await db.SaveChangesAsync();
        return tag;
    }

    private async Task<string> GetAsync(string path)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using var response = await professor.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return html;
    }

    /// <summary>The indices of the seeded entries shown, in page order.</summary>
    private static int[] Shown(string html, string tag) =>
        [.. Regex.Matches(html, $"Target-{tag}-(\\d+)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private async Task ExpectAsync(string path, string tag, params int[] expected) =>
        Assert.Equal(expected, Shown(await GetAsync(path), tag));

    [Fact]
    public async Task Entries_are_listed_newest_first_with_every_column()
    {
        var tag = await SeedAsync(
            (new DateTime(2030, 1, 2, 8, 0, 0, DateTimeKind.Utc), "alice", "SignIn", "password"),
            (new DateTime(2030, 1, 5, 9, 30, 15, DateTimeKind.Utc), "alice", "Note", "A note"),
            (new DateTime(2030, 1, 3, 10, 0, 0, DateTimeKind.Utc), "bob", "Score", "5"));

        var html = await GetAsync("/review/audit?user=" + tag);

        Assert.Equal([1, 2, 0], Shown(html, tag));
        Assert.Contains("2030-01-05 17:30:15 (Shanghai, UTC+8)", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"alice-{tag}@recruit.test", html, StringComparison.Ordinal);
        Assert.Contains("A note", html, StringComparison.Ordinal);
        Assert.Contains("<td data-action=\"Score\">Score saved</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_filter_returns_exactly_the_matching_rows()
    {
        var action = "AuditTest" + Guid.NewGuid().ToString("N")[..8];
        var tag = await SeedAsync(
            // Days are Shanghai's (UTC+8): the first entry is 03-01 00:00 there, the second the last second of 03-02.
            (new DateTime(2001, 2, 28, 16, 0, 0, DateTimeKind.Utc), "carol", action, null),
            (new DateTime(2001, 3, 2, 15, 59, 59, DateTimeKind.Utc), "carol", "Note", null),
            (new DateTime(2001, 3, 2, 16, 0, 0, DateTimeKind.Utc), "dave", action, null),
            (new DateTime(2001, 3, 4, 4, 0, 0, DateTimeKind.Utc), "DAVE", "Score", null));

        await ExpectAsync($"/review/audit?action={action}", tag, 2, 0);
        await ExpectAsync($"/review/audit?user=dave-{tag}", tag, 3, 2);
        await ExpectAsync($"/review/audit?user=Carol-{tag}", tag, 1, 0);
        await ExpectAsync($"/review/audit?user={tag}&from=2001-03-02", tag, 3, 2, 1);
        await ExpectAsync($"/review/audit?user={tag}&to=2001-03-02", tag, 1, 0);
        await ExpectAsync($"/review/audit?user={tag}&from=2001-03-02&to=2001-03-03", tag, 2, 1);
        await ExpectAsync($"/review/audit?user=dave-{tag}&action={action}&from=2001-03-03&to=2001-03-03", tag, 2);

        var filtered = await GetAsync($"/review/audit?action={action}");
        Assert.Contains($"<option value=\"{action}\" selected=\"selected\">", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_hold_one_hundred_entries()
    {
        var start = new DateTime(2002, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var tag = await SeedAsync([.. Enumerable.Range(0, 105).Select(i => (start.AddMinutes(i), "erin", "Paged", (string?)null))]);

        var first = Shown(await GetAsync($"/review/audit?user={tag}"), tag);
        var second = Shown(await GetAsync($"/review/audit?user={tag}&page=2"), tag);

        Assert.Equal(Enumerable.Range(5, 100).Reverse(), first);
        Assert.Equal([4, 3, 2, 1, 0], second);
    }

    [Theory]
    [InlineData("from=2024-13-45", "Dates must look like")]
    [InlineData("to=yesterday", "Dates must look like")]
    [InlineData("action=NoSuchAction", "That action is not in the log")]
    [InlineData("page=abc", "That page number is not valid")]
    [InlineData("page=-1", "That page number is not valid")]
    public async Task Invalid_filters_are_ignored_with_a_message(string query, string message)
    {
        var tag = await SeedAsync((new DateTime(2003, 1, 1, 0, 0, 0, DateTimeKind.Utc), "frank", "SignIn", null));

        var html = await GetAsync($"/review/audit?user={tag}&{query}");

        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal([0], Shown(html, tag));
    }

    [Fact]
    public async Task A_very_long_user_filter_is_ignored_with_a_message()
    {
        var html = await GetAsync("/review/audit?user=" + new string('x', 5000));

        Assert.Contains("The user filter is too long", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"" + new string('x', 101), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_are_shown_encoded()
    {
        var tag = await SeedAsync((new DateTime(2004, 1, 1, 0, 0, 0, DateTimeKind.Utc), "mallory", "Note", "<script>alert(1)</script>"));

        var html = await GetAsync("/review/audit?user=" + tag);

        Assert.Equal([0], Shown(html, tag));
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviewers_applicants_and_anonymous_visitors_are_refused()
    {
        using var anonymous = app.CreateHttpsClient();
        using var signIn = await anonymous.GetAsync("/review/audit");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/signin", signIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        foreach (var role in new[] { Roles.Reviewer, Roles.Applicant })
        {
            using var client = await app.CreateClientSignedInAsync(role);
            using var denied = await client.GetAsync("/review/audit");
            DashboardTests.AssertDenied(denied);
        }
    }
}
