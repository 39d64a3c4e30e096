using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Tests.Review.Applications;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Settings.Scoring;

/// <summary>Blind scoring is the professor's to turn off and on (its own app: the setting is global).</summary>
public class ScoringSettingsTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private const string Page = "/review/settings/scoring";

    [Fact]
    public async Task The_professor_turns_blind_scoring_off_and_on_audited_and_reviewers_see_the_difference()
    {
        var first = await app.CreateStaffAsync(Roles.Reviewer, "Open Reviewer A");
        var second = await app.CreateStaffAsync(Roles.Reviewer, "Open Reviewer B");
        var application = await app.CreateApplicationAsync();
        await app.AssignAsync(application, first);
        await app.AssignAsync(application, second);
        var reader = $"/review/applications/{application.Id}";
        using (var firstClient = await app.CreateClientSignedInAsAsync(first))
        {
            using var saved = await firstClient.PostFormAsync(reader, $"{reader}/score", [new("All", "5")]);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using var secondClient = await app.CreateClientSignedInAsAsync(second);

        Assert.Contains("data-blind=\"on\"", await professor.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.DoesNotContain("Open Reviewer A", await secondClient.GetStringAsync(reader), StringComparison.Ordinal);

        using var off = await professor.PostFormAsync(Page, Page, [new("blind", "off")]);
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("data-blind=\"off\"", await professor.GetStringAsync(Page), StringComparison.Ordinal);
        var open = await secondClient.GetStringAsync(reader);
        Assert.Contains("Open Reviewer A", open, StringComparison.Ordinal);
        Assert.Contains("<strong data-average>5.00</strong>", open, StringComparison.Ordinal);
        Assert.Contains("(1 reviewer)", open, StringComparison.Ordinal);

        using var again = await professor.PostFormAsync(Page, Page, [new("blind", "off")]);
        using var on = await professor.PostFormAsync(Page, Page, [new("blind", "on")]);
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.DoesNotContain("Open Reviewer A", await secondClient.GetStringAsync(reader), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.True((await db.ReviewSettings.SingleAsync(s => s.Id == ReviewSettings.SingletonId)).BlindScoring);
        // Off, then on: setting "off" twice is recorded once.
        var audited = await db.AuditEntries.Where(e => e.Action == "Settings" && e.Target == "Scoring").OrderBy(e => e.Id).Select(e => e.Details).ToListAsync();
        Assert.Equal(["Blind scoring off", "Blind scoring on"], audited);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("true")]
    [InlineData("OFF")]
    [InlineData("maybe")]
    public async Task A_choice_that_is_neither_on_nor_off_is_refused_with_400_and_changes_nothing(string? value)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await SettingAsync();

        using var response = await professor.PostFormAsync(Page, Page, value is null ? [] : [new("blind", value)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose on or off.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SettingAsync());
    }

    [Fact]
    public async Task A_co_reviewer_can_neither_see_nor_change_the_setting()
    {
        var reviewer = await app.CreateStaffAsync(Roles.Reviewer);
        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        var before = await SettingAsync();

        using var page = await client.GetAsync(Page);
        using var post = await client.PostFormAsync("/review", Page, [new("blind", "off")]);

        Assert.Equal("/error/403", page.Headers.Location?.AbsolutePath);
        Assert.Equal("/error/403", post.Headers.Location?.AbsolutePath);
        Assert.Equal(before, await SettingAsync());
    }

    private async Task<bool?> SettingAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.ReviewSettings.Where(s => s.Id == ReviewSettings.SingletonId).Select(s => (bool?)s.BlindScoring).SingleOrDefaultAsync();
    }
}
