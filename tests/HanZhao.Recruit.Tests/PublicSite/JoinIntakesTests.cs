using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.Apply;

namespace HanZhao.Recruit.Tests.PublicSite;

/// <summary>
/// /join and the homepage follow the app's clock: an intake stops taking applications at its
/// enrollment date (or deadline), is shown closed with the day it closed, upcoming ones with when
/// they open, open ones first; and a cached page never outlives the moment an intake changes.
/// Each test sets the clock and uses intake codes of its own.
/// </summary>
public partial class JoinIntakesTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task An_intake_without_a_deadline_stops_taking_applications_at_its_enrollment_date_and_join_shows_it_closed_with_the_date()
    {
        await AddIntakeAsync(new Intake { Code = "2033.09", EnrollmentDate = new DateOnly(2033, 9, 1), Programs = StudyPrograms.PhD | StudyPrograms.Master, IsOpen = true });
        app.Clock.Freeze(new DateTimeOffset(2033, 8, 31, 23, 59, 0, Shanghai));
        using var anonymous = app.CreateHttpsClient();
        using var applicant = await app.SignedInApplicantAsync($"enrolment-{Guid.NewGuid():N}@example.edu");

        Assert.Equal("Open", State(await anonymous.GetStringAsync("/join?at=before"), "2033.09"));
        using (var before = await applicant.GetAsync("/apply?intake=2033.09&program=PhD"))
        {
            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var join = await anonymous.GetStringAsync("/join?at=after");
        Assert.Equal("Closed", State(join, "2033.09"));
        Assert.Contains("2033.09 PhD and Master None Closed since 2033-09-01", PageText.Of(join), StringComparison.Ordinal);
        using var after = await applicant.GetAsync("/apply?intake=2033.09&program=Master");
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
        Assert.Contains("This intake is not open for applications.", PageText.Of(await after.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("intake=2033.09", await applicant.GetStringAsync("/apply"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_lists_the_open_intakes_first_then_those_opening_later_with_when_then_the_closed_ones_with_when()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var opens = new DateTime(2026, 4, 1, 1, 0, 0, DateTimeKind.Utc);
        await AddIntakeAsync(new Intake { Code = "2034.03", EnrollmentDate = new DateOnly(2034, 3, 1), Programs = StudyPrograms.PhD, IsOpen = true, OpensAtUtc = opens });
        await AddIntakeAsync(new Intake
        {
            Code = "2034.09", EnrollmentDate = new DateOnly(2034, 9, 1), Programs = StudyPrograms.Master, IsOpen = false,
            ClosedAtUtc = new DateTime(2026, 2, 10, 2, 0, 0, DateTimeKind.Utc),
        });
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/join?at=order");
        var text = PageText.Of(html);

        Assert.Equal("Open", State(html, "2026.09"));
        Assert.Equal("Upcoming", State(html, "2034.03"));
        Assert.Equal("Closed", State(html, "2034.09"));
        Assert.Equal("Closed", State(html, "2025.09"));
        Assert.Contains("2034.03 PhD None Opens on 2026-04-01 09:00 (UTC+8)", text, StringComparison.Ordinal);
        Assert.Contains("2034.09 Master None Closed since 2026-02-10", text, StringComparison.Ordinal);
        Assert.Contains("2025.09 PhD and Master None Closed since 2025-09-01", text, StringComparison.Ordinal);
        var rows = Rows(html);
        Assert.True(rows.IndexOf("2026.09") < rows.IndexOf("2034.03"), string.Join(", ", rows));
        Assert.True(rows.IndexOf("2034.03") < rows.IndexOf("2034.09"), string.Join(", ", rows));
        Assert.True(rows.IndexOf("2034.09") < rows.IndexOf("2025.09"), "closed ones latest first: " + string.Join(", ", rows));
        Assert.Contains("href=\"/apply\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_join_page_or_homepage_is_not_served_as_open_after_the_enrollment_moment_passes()
    {
        await AddIntakeAsync(new Intake { Code = "2036.09", EnrollmentDate = new DateOnly(2036, 9, 1), Programs = StudyPrograms.PhD, IsOpen = true });
        var enrollment = new DateTimeOffset(2036, 9, 1, 0, 0, 0, Shanghai);
        // Ten seconds before: the cached copies of /join and / may live ten seconds (not the cache's five minutes).
        app.Clock.Freeze(enrollment.AddSeconds(-10));
        using var client = app.CreateHttpsClient();
        Assert.Equal("Open", State(await client.GetStringAsync("/join"), "2036.09"));
        Assert.Contains("2036.09", JoinBox(await client.GetStringAsync("/")), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(20));

        // Same addresses, so the same cache entries: they expire by themselves when the intake closes.
        // The output cache expires entries by the machine's clock, not the app's: poll until it has.
        await Patience.UntilAsync(
            async () => State(await client.GetStringAsync("/join"), "2036.09") == "Closed" && !JoinBox(await client.GetStringAsync("/")).Contains("2036.09", StringComparison.Ordinal),
            () => "/join or / still showed 2036.09 open");
    }

    private async Task AddIntakeAsync(Intake intake)
    {
        // The app makes its database when it starts.
        app.StartServer();
        await using var db = app.CreateDbContext();
        db.Intakes.Add(intake);
        await db.SaveChangesAsync();
    }

    /// <summary>The state /join gives the intake's row (data-state="Open", "Upcoming" or "Closed").</summary>
    internal static string State(string html, string code)
    {
        var match = Regex.Match(html, $"<tr data-intake=\"{Regex.Escape(code)}\" data-state=\"(?<state>\\w+)\">");
        Assert.True(match.Success, $"/join has no row for {code}");
        return match.Groups["state"].Value;
    }

    /// <summary>The intake codes of /join's table, in order.</summary>
    internal static List<string> Rows(string html) => [.. IntakeRow().Matches(html).Select(m => m.Groups["code"].Value)];

    /// <summary>The homepage's Join box.</summary>
    internal static string JoinBox(string html)
    {
        var match = Regex.Match(html, "<section class=\"join-call\".*?</section>", RegexOptions.Singleline);
        Assert.True(match.Success, "the homepage has no Join box");
        return match.Value;
    }

    [GeneratedRegex("<tr data-intake=\"(?<code>[0-9.]+)\"")]
    private static partial Regex IntakeRow();
}

/// <summary>The app on a day when no intake takes applications: the seeded 2025.09 and 2026.09 have both begun (as on a fresh start today).</summary>
public class NothingOpenTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    /// <summary>The day the product owner tried the site.</summary>
    public static readonly DateTimeOffset LateNovember2026 = new(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("en", "No intake is open right now.", "Register your interest")]
    [InlineData("zh-CN", "目前没有开放申请的招生批次。", "登记意向")]
    public async Task With_nothing_open_join_and_the_homepage_say_so_and_link_to_the_registration_of_interest(string culture, string saying, string button)
    {
        app.Clock.Freeze(LateNovember2026);
        using var client = app.CreateHttpsClient();

        var join = await client.GetStringAsync($"/join?culture={culture}");
        var home = await client.GetStringAsync($"/?culture={culture}");

        Assert.Equal("Closed", JoinIntakesTests.State(join, "2025.09"));
        Assert.Equal("Closed", JoinIntakesTests.State(join, "2026.09"));
        Assert.Contains(culture == "en" ? "2026.09 PhD and Master None Closed since 2026-09-01" : "2026.09 博士和硕士 无 已于 2026-09-01 关闭",
            PageText.Of(join), StringComparison.Ordinal);
        Assert.Contains(saying, PageText.Of(join), StringComparison.Ordinal);
        Assert.Contains($"<a class=\"button\" href=\"/join/interest\">{button}</a>", join, StringComparison.Ordinal);
        Assert.Contains("href=\"/join/interest?program=PhD\"", join, StringComparison.Ordinal);
        Assert.Contains("href=\"/join/interest?program=Master\"", join, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/apply\"", join, StringComparison.Ordinal);

        var box = JoinIntakesTests.JoinBox(home);
        Assert.Contains(saying, PageText.Of(box), StringComparison.Ordinal);
        Assert.Contains("href=\"/join/interest\"", box, StringComparison.Ordinal);
        Assert.DoesNotContain("2026.09", box, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_open_the_routes_on_join_are_every_route_with_what_each_needs()
    {
        app.Clock.Freeze(LateNovember2026);
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/join?culture=en&routes=all");

        foreach (var route in AdmissionRoutes.Each)
        {
            Assert.Contains($"data-route=\"{route}\"", html, StringComparison.Ordinal);
        }

        var text = PageText.Of(html);
        Assert.Contains("Direct PhD (直博) For students finishing a bachelor's degree", text, StringComparison.Ordinal);
        Assert.Contains("Official step: the national 推免 system, usually in late September Documents: CV, Transcript, Ranking certificate", text, StringComparison.Ordinal);
        Assert.Contains("Documents: CV, Transcript, Research proposal", text, StringComparison.Ordinal);
    }
}
