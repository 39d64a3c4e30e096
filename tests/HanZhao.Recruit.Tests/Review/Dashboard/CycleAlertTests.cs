using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.Dashboard;

/// <summary>
/// The professor's dashboard watches the recruiting cycle by the app's clock: a banner when no intake
/// takes applications, with "Open the next intake" leading to the add form filled with the next
/// September; a warning when the homepage text names a closed intake. This class only reads intakes
/// (the clock decides what is open); the profile's text is set by each test that reads it.
/// </summary>
public partial class CycleAlertTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task The_no_intake_banner_appears_only_when_nothing_takes_applications_and_only_for_the_professor()
    {
        // Each client signs in at the moment it is used: a session from months earlier (or from a later
        // moment another test of the class left on the clock) would rightly be refused.
        app.Clock.Freeze(TestClock.Spring2026);
        using (var spring = await app.CreateClientSignedInAsync(Roles.Professor))
        {
            Assert.DoesNotContain("data-no-intake-banner", await spring.GetStringAsync("/review"), StringComparison.Ordinal);
        }

        app.Clock.Freeze(NothingOpenTests.LateNovember2026);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using var reviewer = await app.CreateClientSignedInAsync(Roles.Reviewer);
        var dashboard = await professor.GetStringAsync("/review");
        Assert.Contains("data-no-intake-banner", dashboard, StringComparison.Ordinal);
        Assert.Contains("No intake is open", PageText.Of(dashboard), StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/review/settings/intakes?prefill=next#add\" data-open-next>Open the next intake (2027.09)</a>", dashboard, StringComparison.Ordinal);
        Assert.Contains("没有开放的招生批次", await professor.GetStringAsync("/review?culture=zh-CN"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-no-intake-banner", await reviewer.GetStringAsync("/review"), StringComparison.Ordinal);
    }

    public static TheoryData<DateTimeOffset, string> NextSeptembers() => new()
    {
        // Before September: this year's.
        { new DateTimeOffset(2026, 3, 2, 9, 0, 0, Shanghai), "2026.09" },
        { new DateTimeOffset(2026, 8, 31, 23, 30, 0, Shanghai), "2026.09" },
        // From September 1st in Shanghai (still August 31st in UTC): next year's.
        { new DateTimeOffset(2026, 9, 1, 0, 30, 0, Shanghai), "2027.09" },
        { new DateTimeOffset(2026, 11, 29, 10, 0, 0, Shanghai), "2027.09" },
        // New Year in Shanghai while UTC is still in the old year.
        { new DateTimeOffset(2027, 1, 1, 0, 10, 0, Shanghai), "2027.09" },
    };

    [Theory]
    [MemberData(nameof(NextSeptembers))]
    public async Task The_next_intake_form_is_filled_with_the_first_september_after_today_in_Shanghai_both_programs_every_route_open_now(DateTimeOffset now, string code)
    {
        app.Clock.Freeze(now);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        var html = await professor.GetStringAsync("/review/settings/intakes?prefill=next");
        var fields = AddFormFields(html);

        Assert.Contains(("code", code), fields);
        Assert.Contains(("programs", "PhD"), fields);
        Assert.Contains(("programs", "Master"), fields);
        Assert.All(AdmissionRoutes.Each, route => Assert.Contains(("routes", route.ToString()), fields));
        Assert.Contains(("open", "true"), fields);
        Assert.DoesNotContain(fields, f => f.Name is "opensAt" or "deadline" or "phdQuota" or "masterQuota" && f.Value.Length > 0);
        Assert.Contains($"The form is filled in for the next intake, {code}", PageText.Of(html), StringComparison.Ordinal);
        // Without the request the form is blank.
        Assert.DoesNotContain(("code", code), AddFormFields(await professor.GetStringAsync("/review/settings/intakes")));
    }

    [Theory]
    [InlineData("next=1")]
    [InlineData("prefill=all")]
    [InlineData("prefill=NEXT")]
    public async Task An_unknown_prefill_leaves_the_add_form_blank(string query)
    {
        app.Clock.Freeze(NothingOpenTests.LateNovember2026);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await professor.GetAsync("/review/settings/intakes?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(("code", "2027.09"), AddFormFields(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_dashboard_warns_when_the_biography_or_the_notice_names_a_closed_intake_in_either_language_and_not_an_open_one()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        // The seeded notice names 2025.09 (begun, so closed) and 2026.09 (taking applications).
        await SetProfileTextAsync(
            new LocalizedText("I joined SJTU in 2019. Students for 2026.09 are welcome.", "欢迎 2026.09 入学的同学。"),
            new LocalizedText("Enrollment Date: 2025.09 & 2026.09.", "入学时间：2025.09 和 2026.09"));

        var warning = Warning(await professor.GetStringAsync("/review"));
        Assert.Contains("Your recruiting notice mentions 2025.09, which is closed.", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("2026.09", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("biography", warning, StringComparison.Ordinal);
        Assert.Contains("href=\"/review/settings/content/profile\"", warning, StringComparison.Ordinal);

        // Named in the Chinese biography only, and once the clock passes 2026.09's enrollment.
        await SetProfileTextAsync(new LocalizedText("Biography.", "招收 2025.09 入学的学生。"), new LocalizedText("Recruiting.", "招生。"));
        Assert.Contains("Your biography mentions 2025.09, which is closed.", Warning(await professor.GetStringAsync("/review")), StringComparison.Ordinal);
        await SetProfileTextAsync(new LocalizedText("Biography.", "简介。"), new LocalizedText("Apply for 2026.09!", "欢迎申请 2026.09！"));
        Assert.DoesNotContain("data-stale-text", await professor.GetStringAsync("/review"), StringComparison.Ordinal);
        app.Clock.Freeze(NothingOpenTests.LateNovember2026);
        using var later = await app.CreateClientSignedInAsync(Roles.Professor);
        Assert.Contains("您的招生说明提到了 2026.09，该批次已关闭。", Warning(await later.GetStringAsync("/review?culture=zh-CN")), StringComparison.Ordinal);

        // An intake code that is not an intake, or part of a longer number, is not a mention.
        await SetProfileTextAsync(new LocalizedText("Version 12025.091, since 2019.09.", "无"), new LocalizedText("—", "—"));
        Assert.DoesNotContain("data-stale-text", await later.GetStringAsync("/review"), StringComparison.Ordinal);
    }

    private async Task SetProfileTextAsync(LocalizedText biography, LocalizedText notice)
    {
        await using var db = app.CreateDbContext();
        var profile = await db.Profiles.OrderBy(p => p.Id).FirstAsync();
        profile.Biography = biography;
        profile.RecruitingNotice = notice;
        await db.SaveChangesAsync();
    }

    private static string Warning(string html)
    {
        var match = Regex.Match(html, "<div class=\"message message-warning\" role=\"status\" data-stale-text>.*?</div>", RegexOptions.Singleline);
        Assert.True(match.Success, "no stale-text warning: " + PageText.Of(html));
        return PageText.Of(match.Value) + match.Value;
    }

    /// <summary>What the add form would post as it stands: filled inputs and ticked boxes (name, value).</summary>
    internal static List<(string Name, string Value)> AddFormFields(string html)
    {
        var form = Regex.Match(html, "<form method=\"post\" action=\"/review/settings/intakes#add\".*?</form>", RegexOptions.Singleline).Value;
        Assert.False(string.IsNullOrEmpty(form), "no add form");
        return [.. Input().Matches(form)
            .Select(m => m.Value)
            .Where(input => !input.Contains("type=\"checkbox\"", StringComparison.Ordinal) || input.Contains("checked", StringComparison.Ordinal))
            .Select(input => (Attribute(input, "name"), WebUtility.HtmlDecode(Attribute(input, "value"))))
            .Where(f => f.Item1 != "__af" && f.Item1.Length > 0)];
    }

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"(?<v>[^\"]*)\"") is { Success: true } m ? m.Groups["v"].Value : string.Empty;

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex Input();
}

/// <summary>"Open the next intake", end to end: the banner, the form as it comes, saved as it is; then /join and the dashboard see it open.</summary>
public class OpenNextIntakeTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task Opening_the_next_intake_from_the_banner_adds_it_open_with_both_programs_and_every_route_and_the_banner_goes()
    {
        app.Clock.Freeze(NothingOpenTests.LateNovember2026);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        Assert.Contains("data-no-intake", await visitor.GetStringAsync("/join"), StringComparison.Ordinal);
        var banner = await professor.GetStringAsync("/review");
        var link = WebUtility.HtmlDecode(Regex.Match(banner, "href=\"(?<href>[^\"]+)\" data-open-next").Groups["href"].Value);
        var form = CycleAlertTests.AddFormFields(await professor.GetStringAsync(link));

        using var saved = await professor.PostFormAsync("/review/settings/intakes", "/review/settings/intakes",
            form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            var intake = await db.Intakes.SingleAsync(i => i.Code == "2027.09");
            Assert.Equal((new DateOnly(2027, 9, 1), StudyPrograms.PhD | StudyPrograms.Master, AdmissionRoutes.All, true, (DateTime?)null, (DateTime?)null),
                (intake.EnrollmentDate, intake.Programs, intake.Routes, intake.IsOpen, intake.OpensAtUtc, intake.DeadlineUtc));
            Assert.True(intake.IsAcceptingApplications(app.Clock.GetUtcNow().UtcDateTime));
        }

        Assert.DoesNotContain("data-no-intake-banner", await professor.GetStringAsync("/review"), StringComparison.Ordinal);
        var join = await visitor.GetStringAsync("/join");
        Assert.Equal("Open", JoinIntakesTests.State(join, "2027.09"));
        Assert.DoesNotContain("data-no-intake", join, StringComparison.Ordinal);
        Assert.Contains("2027.09", JoinIntakesTests.JoinBox(await visitor.GetStringAsync("/")), StringComparison.Ordinal);
    }
}
