using System.Net;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.PublicSite;
using HanZhao.Recruit.Web.PublicSite.Publications;

namespace HanZhao.Recruit.Tests.PublicSite.Publications;

public class PublicationFilterTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private static readonly Lazy<Task<IReadOnlyList<ContentSeeder.SeedPublication>>> Seed =
        new(async () => (await ContentSeeder.LoadAsync()).Publications);

    private async Task<(HttpStatusCode Status, string Text, List<string> Titles)> ListAsync(string query)
    {
        using var client = app.CreateHttpsClient();
        using var response = await client.GetAsync("/publications" + query);
        var text = PageText.Of(await response.Content.ReadAsStringAsync());
        var titles = (await Seed.Value).Select(p => p.Title).Where(t => text.Contains(t, StringComparison.Ordinal)).ToList();
        return (response.StatusCode, text, titles);
    }

    public static TheoryData<string, Func<ContentSeeder.SeedPublication, bool>> Filters => new()
    {
        { "?year=2024", p => p.Year == 2024 },
        { "?year=2024&rank=A", p => p.Year == 2024 && p.CcfRank == CcfRank.A },
        { "?rank=CCF-B", p => p.CcfRank == CcfRank.B },
        { "?venue=TACO", p => p.Venue == "TACO" },
        { "?venue=taco&year=2025", p => p.Venue == "TACO" && p.Year == 2025 },
        { "?type=preprint", p => p.Type == PublicationType.Preprint },
        { "?type=Conference&rank=A", p => p.Type == PublicationType.Conference && p.CcfRank == CcfRank.A },
        { "?type=journal", p => p.Type == PublicationType.Journal },
        { "?q=gpu", p => p.Title.Contains("GPU", StringComparison.OrdinalIgnoreCase) },
        { "?q=QoS&year=2024", p => p.Title.Contains("QoS", StringComparison.Ordinal) && p.Year == 2024 },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_return_exactly_the_matching_publications(string query, Func<ContentSeeder.SeedPublication, bool> expected)
    {
        var want = (await Seed.Value).Where(expected).Select(p => p.Title).ToList();
        Assert.NotEmpty(want);

        var (status, text, titles) = await ListAsync(query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(want.Order(), titles.Order());
        Assert.Contains($"Showing {want.Count} of 18 publications.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ignored", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?year=1999", "year")]
    [InlineData("?year=abcd", "year")]
    [InlineData("?year=-1", "year")]
    [InlineData("?venue=NoSuchVenue", "venue")]
    [InlineData("?type=1", "type")]
    [InlineData("?type=Conference,Journal", "type")]
    [InlineData("?rank=None", "rank")]
    [InlineData("?rank=Z", "rank")]
    public async Task An_unknown_filter_value_gives_the_unfiltered_list_with_a_message(string query, string field)
    {
        var (status, text, titles) = await ListAsync(query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(18, titles.Count);
        Assert.Contains("matches nothing we have, so it was ignored", text, StringComparison.Ordinal);
        Assert.Contains(field switch { "year" => "Year", "venue" => "Venue", "type" => "Type", _ => "CCF rank" }, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("'; DROP TABLE Publications; --")]
    [InlineData("%' UNION SELECT * FROM AspNetUsers --")]
    public async Task Sql_looking_search_text_is_searched_literally_and_finds_nothing(string search)
    {
        var (status, text, titles) = await ListAsync("?q=" + Uri.EscapeDataString(search));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(titles);
        Assert.Contains("No publication matches these filters.", text, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(18, db.Publications.Count());
    }

    [Fact]
    public async Task A_five_thousand_character_search_is_ignored_with_a_message()
    {
        var (status, text, titles) = await ListAsync("?q=" + new string('x', 5000));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(18, titles.Count);
        Assert.Contains("ignored", text, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 100), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_a_filter_value_is_shown_encoded()
    {
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/publications?venue=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_work_as_a_plain_get_form_without_javascript()
    {
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/publications?year=2024&rank=A");

        Assert.Contains("<form class=\"filters\" method=\"get\" action=\"/publications\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2024\" selected=\"selected\">2024</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"A\" selected=\"selected\">CCF-A</option>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/publications/no-such-paper")]
    [InlineData("/publications/Taming-Flexible")]
    [InlineData("/publications/..%2F..%2Fetc%2Fpasswd")]
    public async Task An_unknown_publication_is_a_404_page(string path)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Each_publication_has_its_own_page()
    {
        using var client = app.CreateHttpsClient();
        await using var db = app.CreateDbContext();

        foreach (var publication in db.Publications.ToList())
        {
            var text = await client.GetTextAsync($"/publications/{publication.Slug}");
            Assert.Contains(publication.Title, text, StringComparison.Ordinal);
            Assert.Contains(publication.VenueLabel, text, StringComparison.Ordinal);
        }

        Assert.Equal(PublicationSlugs.Create("Taming Flexible Job Packing in Deep Learning Training Clusters"),
            db.Publications.OrderBy(p => p.Id).First().Slug);
    }
}
