using HanZhao.Recruit.Web.PublicSite.Sitemap;

namespace HanZhao.Recruit.Web.PublicSite;

public static class ContentSetup
{
    public static IServiceCollection AddPublicContent(this IServiceCollection services) =>
        services.AddScoped<PublicContent>().AddScoped<SitemapWriter>().AddScoped<People.LabDirectory>();
}
