namespace HanZhao.Recruit.Web.Apply;

public static class ApplicationsSetup
{
    public static IServiceCollection AddApplications(this IServiceCollection services) =>
        services.AddHttpContextAccessor().AddScoped<ApplicationService>();
}
