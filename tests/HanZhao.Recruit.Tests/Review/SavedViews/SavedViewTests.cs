using System.Net;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Review.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.SavedViews;

/// <summary>Saved views of the list: named, one's own only, re-read through the list's query model, one row however often saved at once.</summary>
public class SavedViewTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task A_saved_view_is_a_link_at_the_top_of_the_list_with_only_what_the_list_understands()
    {
        var owner = await app.CreateUserAsync(Roles.Professor);
        using var client = await app.CreateClientSignedInAsAsync(owner);

        using var saved = await client.PostFormAsync("/review", "/review/saved-views",
            [new("name", "PhD, not yet scored by me"), new("query", "program=PhD&scored=notme&bogus=<script>&page=3&sort=DROP TABLE")]);

        await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/review?program=PhD&scored=notme", saved.Headers.Location!.OriginalString);
        await using (var db = app.CreateDbContext())
        {
            var view = await db.SavedViews.SingleAsync(v => v.OwnerId == owner.Id);
            Assert.Equal("program=PhD&scored=notme", view.Query);
        }

        var list = await DashboardTests.GetOkAsync(client, "/review");
        Assert.Contains("href=\"/review?program=PhD&amp;scored=notme\" aria-current=\"false\">PhD, not yet scored by me</a>", list, StringComparison.Ordinal);
        var opened = await DashboardTests.GetOkAsync(client, "/review?program=PhD&scored=notme");
        Assert.Contains("aria-current=\"page\">PhD, not yet scored by me</a>", opened, StringComparison.Ordinal);
        // The new professor has scored nothing: every PhD application is "not yet scored by me".
        Assert.Equal(app.Visible.Where(a => a.Program == StudyPrograms.PhD).Select(a => a.Id).Order(), DashboardTests.RowIds(opened).Order());
    }

    public static TheoryData<string, string> RefusedNames => new()
    {
        { "empty", "" },
        { "blank", "   " },
        { "61 characters", new string('x', 61) },
        { "control character", "PhD\u0007bell" },
        { "duplicate", "Taken" },
    };

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public async Task A_refused_name_shows_the_form_again_with_why_and_saves_nothing(string why, string name)
    {
        var owner = await app.CreateUserAsync(Roles.Professor);
        using var client = await app.CreateClientSignedInAsAsync(owner);
        using (var first = await client.PostFormAsync("/review", "/review/saved-views", [new("name", "Taken"), new("query", "status=Submitted")]))
        {
            await first.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        using var refused = await client.PostFormAsync("/review", "/review/saved-views", [new("name", name), new("query", "status=Offer")]);

        await refused.AssertStatusAsync(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-form-errors", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f-name\"", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.True(1 == await db.SavedViews.CountAsync(v => v.OwnerId == owner.Id), why);
    }

    [Fact]
    public async Task A_name_of_exactly_60_characters_is_kept()
    {
        var owner = await app.CreateUserAsync(Roles.Reviewer);
        using var client = await app.CreateClientSignedInAsAsync(owner);

        using var saved = await client.PostFormAsync("/review", "/review/saved-views", [new("name", new string('名', 60)), new("query", "")]);

        await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        await using var db = app.CreateDbContext();
        Assert.Equal(new string('名', 60), (await db.SavedViews.SingleAsync(v => v.OwnerId == owner.Id)).Name);
    }

    [Fact]
    public async Task Someone_elses_views_are_neither_listed_nor_deletable()
    {
        using var reviewer = await app.CreateClientSignedInAsAsync(app.ReviewerA);
        using (var saved = await reviewer.PostFormAsync("/review", "/review/saved-views", [new("name", "Reviewer A private"), new("query", "status=Submitted")]))
        {
            await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        int id;
        await using (var db = app.CreateDbContext())
        {
            id = (await db.SavedViews.SingleAsync(v => v.OwnerId == app.ReviewerA.Id && v.Name == "Reviewer A private")).Id;
        }

        using var professor = await app.CreateClientSignedInAsAsync(app.Professor);
        Assert.DoesNotContain("Reviewer A private", await DashboardTests.GetOkAsync(professor, "/review"), StringComparison.Ordinal);
        using (var forged = await professor.PostFormAsync("/review", $"/review/saved-views/{id}/delete", []))
        {
            await forged.AssertStatusAsync(HttpStatusCode.NotFound);
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.SavedViews.AnyAsync(v => v.Id == id));
        }

        Assert.Contains("Reviewer A private", await DashboardTests.GetOkAsync(reviewer, "/review"), StringComparison.Ordinal);
        using (var deleted = await reviewer.PostFormAsync("/review", $"/review/saved-views/{id}/delete", []))
        {
            await deleted.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.SavedViews.AnyAsync(v => v.Id == id));
        }
    }

    [Fact]
    public async Task Saving_the_same_name_many_times_at_once_makes_one_row()
    {
        var owner = await app.CreateUserAsync(Roles.Professor);
        using var client = await app.CreateClientSignedInAsAsync(owner);
        var token = await client.GetAntiforgeryTokenAsync("/review");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostFormAsync("/review/saved-views", [new("name", "Same"), new("query", "status=Interview")], token)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.BadRequest }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var response in responses)
        {
            response.Dispose();
        }

        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.SavedViews.CountAsync(v => v.OwnerId == owner.Id && v.Name == "Same"));
    }
}
