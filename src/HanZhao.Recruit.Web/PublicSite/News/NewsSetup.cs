namespace HanZhao.Recruit.Web.PublicSite.News;

public static class NewsSetup
{
    public static IServiceCollection AddNews(this IServiceCollection services)
    {
        services.AddOptions<NewsOptions>().BindConfiguration(NewsOptions.Section);
        return services.AddScoped<NewsContent>().AddScoped<NewsFeed>();
    }
}
