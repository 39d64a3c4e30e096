using HanZhao.Recruit.Web.Platform.Security;

namespace HanZhao.Recruit.Web.PublicSite.Search;

/// <summary>How often one client may search (configuration section <c>Recruit:Search</c>).</summary>
public sealed class SearchOptions
{
    public const string Section = "Recruit:Search";

    public int ClientPermitLimit { get; set; } = 60;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(1);
}

public static class SearchSetup
{
    /// <summary>
    /// Search is not output-cached (every query would be an entry), so each one reads the content:
    /// one client may not make the server do that without pause.
    /// </summary>
    public const string ClientRateLimitPolicy = "search-per-client";

    /// <summary>The search and its sources; another kind of content is one more <see cref="ISearchSource"/> here.</summary>
    public static IServiceCollection AddSiteSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        services.AddScoped<SiteSearch>()
            .AddScoped<ISearchSource, PublicationSearchSource>()
            .AddScoped<ISearchSource, NewsSearchSource>()
            .AddScoped<ISearchSource, PeopleSearchSource>()
            .AddScoped<ISearchSource, InterestSearchSource>();
        return services.AddPerClientRateLimit<SearchOptions>(ClientRateLimitPolicy, options => (options.ClientPermitLimit, options.ClientWindow));
    }
}
