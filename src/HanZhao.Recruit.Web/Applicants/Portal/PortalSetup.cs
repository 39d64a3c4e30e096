namespace HanZhao.Recruit.Web.Applicants.Portal;

public static class PortalSetup
{
    public static IServiceCollection AddApplicantPortal(this IServiceCollection services) =>
        services.AddScoped<ApplicantPortal>();
}
