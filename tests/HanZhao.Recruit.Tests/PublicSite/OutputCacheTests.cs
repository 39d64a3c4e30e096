using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.PublicSite;

/// <summary>Changes the database behind the app's back, so it has an app of its own.</summary>
public class OutputCacheTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task Public_pages_come_from_the_cache_until_content_changes_evict_them()
    {
        using var client = app.CreateHttpsClient();
        Assert.Contains("Taming Flexible Job Packing", await client.GetTextAsync("/publications"), StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            await db.Publications.Where(p => p.Title.StartsWith("Taming")).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Renamed Paper"));
        }

        // Still the cached page: the database was changed without telling the cache.
        Assert.Contains("Taming Flexible Job Packing", await client.GetTextAsync("/publications"), StringComparison.Ordinal);

        await app.Services.GetRequiredService<IOutputCacheStore>().EvictPublicPagesAsync();

        var fresh = await client.GetTextAsync("/publications");
        Assert.Contains("Renamed Paper", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("Taming Flexible Job Packing", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cache_keeps_one_page_per_language()
    {
        using var english = app.CreateHttpsClient();
        using var chinese = app.CreateHttpsClient();
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var first = await english.GetStringAsync("/join");
        var second = await chinese.GetStringAsync("/join");
        var third = await english.GetStringAsync("/join");

        Assert.Contains("<html lang=\"en\">", first, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", second, StringComparison.Ordinal);
        Assert.Equal(first, third);
    }
}
