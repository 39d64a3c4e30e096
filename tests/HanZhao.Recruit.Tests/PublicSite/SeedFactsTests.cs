using HanZhao.Recruit.Web.PublicSite;

namespace HanZhao.Recruit.Tests.PublicSite;

public class SeedFactsTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    public static TheoryData<string> Languages => new() { "en", "zh-CN" };

    private static async Task<ContentSeeder.SeedContent> SeedAsync() => await ContentSeeder.LoadAsync();

    [Fact]
    public async Task The_seed_holds_all_eighteen_publications_three_degrees_four_interests_and_two_awards()
    {
        var seed = await SeedAsync();

        Assert.Equal(18, seed.Publications.Count);
        Assert.Equal(3, seed.Education.Count);
        Assert.Equal(4, seed.Interests.Count);
        Assert.Equal(2, seed.Accomplishments.Count);
        Assert.Equal(["2025.09", "2026.09"], seed.Intakes.Select(i => i.Code));
        // A note, where there is one, exists in both languages.
        Assert.All(seed.Publications.Where(p => p.Note is not null), p =>
        {
            Assert.False(string.IsNullOrEmpty(p.Note!.En));
            Assert.False(string.IsNullOrEmpty(p.Note.Zh));
        });
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_publication_title_venue_and_year_is_on_the_publications_page(string culture)
    {
        var seed = await SeedAsync();
        using var client = app.CreateHttpsClient();

        var text = await client.GetTextAsync($"/publications?culture={culture}");

        Assert.All(seed.Publications, p =>
        {
            Assert.Contains(p.Title, text, StringComparison.Ordinal);
            Assert.Contains($"({p.Year})", text, StringComparison.Ordinal);
            Assert.Contains(p.VenueLabel, text, StringComparison.Ordinal);
            if (p.Note is not null)
            {
                Assert.Contains(culture == "en" ? p.Note.En : p.Note.Zh, text, StringComparison.Ordinal);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_homepage_shows_biography_interests_education_awards_and_the_join_call(string culture)
    {
        var seed = await SeedAsync();
        using var client = app.CreateHttpsClient();

        var text = await client.GetTextAsync($"/?culture={culture}");

        Assert.Contains(culture == "en" ? "Han Zhao" : "赵涵", text, StringComparison.Ordinal);
        Assert.Contains(seed.Profile.Title.In(culture), text, StringComparison.Ordinal);
        foreach (var paragraph in seed.Profile.Biography.In(culture).Split("\n\n"))
        {
            Assert.Contains(paragraph, text, StringComparison.Ordinal);
        }

        Assert.Contains(seed.Profile.RecruitingNotice.In(culture), text, StringComparison.Ordinal);
        Assert.All(seed.Interests, i => Assert.Contains(i.In(culture), text, StringComparison.Ordinal));
        Assert.All(seed.Education, e =>
        {
            Assert.Contains(e.Degree.In(culture), text, StringComparison.Ordinal);
            Assert.Contains(e.Institution.In(culture), text, StringComparison.Ordinal);
            Assert.Contains($"{e.StartYear}–{e.EndYear}", text, StringComparison.Ordinal);
        });
        Assert.All(seed.Accomplishments, a => Assert.Contains(a.In(culture), text, StringComparison.Ordinal));
        Assert.Contains("2025.09", text, StringComparison.Ordinal);
        Assert.Contains("2026.09", text, StringComparison.Ordinal);
        Assert.Contains(culture == "en" ? "PhD and Master" : "博士和硕士", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_homepage_lists_the_six_newest_publications_newest_first()
    {
        var seed = await SeedAsync();
        using var client = app.CreateHttpsClient();

        var text = await client.GetTextAsync("/");

        var expected = seed.Publications.Take(PublicContent.RecentCount).ToList(); // the seed is in the professor's order, newest first
        var positions = expected.Select(p => text.IndexOf(p.Title, StringComparison.Ordinal)).ToList();
        Assert.All(positions, position => Assert.True(position >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain(seed.Publications[^1].Title, text, StringComparison.Ordinal);
        Assert.Contains("All 18 publications", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_join_page_shows_the_notice_the_intakes_and_the_research_directions(string culture)
    {
        var seed = await SeedAsync();
        using var client = app.CreateHttpsClient();

        var text = await client.GetTextAsync($"/join?culture={culture}");

        Assert.Contains(seed.Profile.RecruitingNotice.In(culture), text, StringComparison.Ordinal);
        // The tests' clock is in the spring of 2026: 2026.09 takes applications, 2025.09 closed when its enrollment began.
        var open = culture == "en" ? "2026.09 PhD and Master None Open" : "2026.09 博士和硕士 无 开放中";
        var closed = culture == "en" ? "2025.09 PhD and Master None Closed since 2025-09-01" : "2025.09 博士和硕士 无 已于 2025-09-01 关闭";
        Assert.Contains(open, text, StringComparison.Ordinal);
        Assert.Contains(closed, text, StringComparison.Ordinal);
        Assert.True(text.IndexOf(open, StringComparison.Ordinal) < text.IndexOf(closed, StringComparison.Ordinal), "the open intake comes first");
        Assert.All(seed.Interests, i => Assert.Contains(i.In(culture), text, StringComparison.Ordinal));
        Assert.Contains(culture == "en" ? "CV and transcript" : "简历和成绩单", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_show_only_where_their_target_exists()
    {
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/publications");

        // The seed has no PDF addresses or DOIs, so no PDF or DOI button; every entry can be cited.
        Assert.DoesNotContain(">PDF<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">DOI<", html, StringComparison.Ordinal);
        Assert.Equal(18, html.Split("data-cite=").Length - 1);
    }
}
