using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace HanZhao.Recruit.Web.Platform.Caching;

/// <summary>
/// Public GET pages are served from the output cache, one entry per URL (query included),
/// language and theme (<see cref="ThemeCookie"/>). Whatever changes their content evicts <see cref="Tag"/>; what changes by the clock
/// alone at a known moment (an intake opening, reaching its deadline or its enrollment date) is
/// handled by the page itself with <see cref="ExpireWithin"/>, so a cached copy never outlives that
/// moment; the 5-minute expiry is the upper bound for everything else.
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-page";
    public const string Tag = "public-content";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services) =>
        services.AddSingleton<PublicPageCompressions>().AddSingleton<PublicContentVersions>().AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Expire(TimeSpan.FromMinutes(5))
            .SetVaryByQuery("*")
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            // <html data-theme> comes from the visitor's theme cookie: one entry per theme.
            .VaryByValue(context => new KeyValuePair<string, string>(ThemeCookie.Name, ThemeCookie.Of(context.Request) ?? ThemeCookie.System))
            // One entry per negotiated coding (br, gzip, identity), not per Accept-Encoding text: PublicPageEncoding fills it.
            .VaryByValue(context => new KeyValuePair<string, string>("encoding", ContentCodings.Negotiate(context.Request)))
            .Tag(Tag)));

    /// <summary>
    /// Shortens this response's life in the cache to <paramref name="validFor"/> (never lengthens it):
    /// the page shows something that changes by the clock then. Zero or less: not cached at all.
    /// </summary>
    public static void ExpireWithin(this HttpContext context, TimeSpan? validFor)
    {
        if (validFor is not { } span || context.Features.Get<IOutputCacheFeature>() is not { } feature)
        {
            return;
        }

        if (span <= TimeSpan.Zero)
        {
            feature.Context.AllowCacheStorage = false;
        }
        else if (feature.Context.ResponseExpirationTimeSpan is not { } current || span < current)
        {
            feature.Context.ResponseExpirationTimeSpan = span;
        }
    }

    /// <summary>
    /// Inside the output cache (after <c>UseOutputCache</c>): compresses and tags a public page as its
    /// cache entry is made (<see cref="PublicPageEncoding"/>).
    /// </summary>
    public static IApplicationBuilder UsePublicPageEncoding(this IApplicationBuilder app) =>
        app.UseMiddleware<PublicPageEncoding>();

    /// <summary>Call after anything the public pages show has changed.</summary>
    public static Task EvictPublicPagesAsync(this IOutputCacheStore store, CancellationToken cancellationToken = default) =>
        store.EvictByTagAsync(Tag, cancellationToken).AsTask();
}
