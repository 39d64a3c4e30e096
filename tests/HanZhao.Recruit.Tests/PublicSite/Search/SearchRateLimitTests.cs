using System.Net;

namespace HanZhao.Recruit.Tests.PublicSite.Search;

/// <summary>An app whose search allows three queries per client and window.</summary>
public sealed class SearchRateLimitAppFactory : RecruitAppFactory
{
    public SearchRateLimitAppFactory() => Settings["Recruit:Search:ClientPermitLimit"] = "3";
}

/// <summary>Search is not cached, so one client's queries are limited like the public forms' posts.</summary>
public class SearchRateLimitTests(SearchRateLimitAppFactory app) : IClassFixture<SearchRateLimitAppFactory>
{
    [Fact]
    public async Task A_client_searching_past_its_limit_gets_429_until_the_window_ends()
    {
        using var visitor = app.CreateHttpsClient();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await visitor.GetAsync($"/search?q=gpu{i}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await visitor.GetAsync("/search?q=gpu");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // Other pages are not limited by it.
        using var home = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
