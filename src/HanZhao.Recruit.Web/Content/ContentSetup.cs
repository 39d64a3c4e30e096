namespace HanZhao.Recruit.Web.Content;

public static class ContentSetup
{
    public static IServiceCollection AddPublicContent(this IServiceCollection services) =>
        services.AddScoped<PublicContent>();
}
