using System.Net;
using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Tests.PublicSite.Search;

/// <summary>
/// /search looks through the site's publications, news, people and research interests in both languages:
/// Chinese found inside Chinese text, Latin without case, the query shown encoded with the match
/// marked, empty and overlong queries answered with a message. Fictional rows are test data.
/// </summary>
public class SiteSearchTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private async Task AddFictionalContentAsync()
    {
        app.StartServer();
        await using var db = app.CreateDbContext();
        if (db.Publications.Any(p => p.Slug == "fictional-chinese-title"))
        {
            return;
        }

        db.Publications.Add(new Publication
        {
            Slug = "fictional-chinese-title", Title = "面向异构集群的虚构调度研究", Authors = "Test Author", Year = 2024, Venue = "TestConf",
            VenueLabel = "TestConf2024", Type = PublicationType.Conference, UpdatedAtUtc = DateTime.UtcNow,
        });
        db.News.Add(new NewsItem
        {
            Date = new DateOnly(2026, 2, 1), Text = new LocalizedText("Fictional award for <b>bold</b> systems work", "虚构的系统研究奖"),
            CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Two_chinese_characters_find_a_chinese_title_and_a_chinese_research_interest()
    {
        await AddFictionalContentAsync();
        using var visitor = app.CreateHttpsClient();

        var html = await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString("调度") + "&culture=zh-CN");
        Assert.Contains("/publications/fictional-chinese-title", html, StringComparison.Ordinal);
        Assert.Contains("<mark>调度</mark>", html, StringComparison.Ordinal);

        var interests = await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString("推理") + "&culture=zh-CN");
        Assert.Contains("大语言模型<mark>推理</mark>系统", interests, StringComparison.Ordinal);
        // From the English page the interest is found too, its Chinese name shown as why.
        var english = await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString("推理"));
        Assert.Contains("<mark>推理</mark>", english, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lab_member_is_found_by_chinese_or_latin_name_and_by_topic_and_leads_to_their_card()
    {
        app.StartServer();
        int id;
        await using (var db = app.CreateDbContext())
        {
            var member = new LabMember
            {
                Name = "Fictional Searchable Student", ChineseName = "虚构同学", Role = LabRole.PhdStudent, StartYear = 2025,
                Topic = new LocalizedText("Quokka scheduling", "袋鼠调度"), SortOrder = 90, UpdatedAtUtc = DateTime.UtcNow,
            };
            db.LabMembers.Add(member);
            await db.SaveChangesAsync();
            id = member.Id;
        }

        using var visitor = app.CreateHttpsClient();
        foreach (var query in new[] { "虚构同学", "searchable STUDENT", "quokka" })
        {
            var html = await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString(query));
            Assert.Contains("id=\"search-people\"", html, StringComparison.Ordinal);
            Assert.Contains($"/people#member-{id}", html, StringComparison.Ordinal);
        }

        Assert.Contains($"id=\"member-{id}\"", await visitor.GetStringAsync("/people"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"search-people\"", await visitor.GetStringAsync("/search?q=gpu"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latin_words_match_without_case_all_words_must_match_and_results_are_grouped()
    {
        await AddFictionalContentAsync();
        using var visitor = app.CreateHttpsClient();

        var html = await visitor.GetStringAsync("/search?q=gPu+CLUSTERS");
        Assert.Contains("XPUTIMER", html, StringComparison.Ordinal);
        Assert.Contains("<mark>GPU</mark> <mark>Clusters</mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Taming Flexible Job Packing", html, StringComparison.Ordinal); // "clusters" but no "gpu"
        Assert.Contains("id=\"search-publications\"", html, StringComparison.Ordinal);

        var news = await visitor.GetStringAsync("/search?q=fictional+award");
        Assert.Contains("id=\"search-news\"", news, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"search-publications\"", news, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_in_the_query_and_in_the_content_is_encoded_never_markup()
    {
        await AddFictionalContentAsync();
        using var visitor = app.CreateHttpsClient();

        var html = await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString("<b>bold</b>"));

        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>&lt;b&gt;bold&lt;/b&gt;</mark>", html, StringComparison.Ordinal);
        var script = await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString("\"><script>alert(1)</script>"));
        Assert.DoesNotContain("<script>alert(1)", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_query_asks_for_words_and_an_overlong_one_is_refused_with_a_message()
    {
        using var visitor = app.CreateHttpsClient();

        var empty = await visitor.GetAsync("/search?q=+++");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Type a word to search for", PageText.Of(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var overlong = await visitor.GetAsync("/search?q=" + new string('a', 101));
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        var text = PageText.Of(await overlong.Content.ReadAsStringAsync());
        Assert.Contains("Your search is longer than 100 characters.", text, StringComparison.Ordinal);

        var none = PageText.Of(await visitor.GetStringAsync("/search?q=zzzqqq"));
        Assert.Contains("Nothing found for “zzzqqq”.", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_pages_are_not_indexed_and_the_header_carries_the_search_form()
    {
        using var visitor = app.CreateHttpsClient();

        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", await visitor.GetStringAsync("/search?q=gpu"), StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/search\" role=\"search\" class=\"header-search\">", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
