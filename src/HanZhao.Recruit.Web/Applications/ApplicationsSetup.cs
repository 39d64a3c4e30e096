namespace HanZhao.Recruit.Web.Applications;

public static class ApplicationsSetup
{
    public static IServiceCollection AddApplications(this IServiceCollection services) =>
        services.AddHttpContextAccessor().AddScoped<ApplicationService>();
}
