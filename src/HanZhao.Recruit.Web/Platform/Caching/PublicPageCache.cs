using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.Platform.Caching;

/// <summary>
/// Public GET pages are served from the output cache, one entry per URL (query included) and
/// language. Whatever changes their content evicts <see cref="Tag"/>; the short expiry covers
/// what changes by the clock alone (an intake passing its deadline).
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-page";
    public const string Tag = "public-content";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Expire(TimeSpan.FromMinutes(5))
            .SetVaryByQuery("*")
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            .Tag(Tag)));

    /// <summary>Call after anything the public pages show has changed.</summary>
    public static Task EvictPublicPagesAsync(this IOutputCacheStore store, CancellationToken cancellationToken = default) =>
        store.EvictByTagAsync(Tag, cancellationToken).AsTask();
}
