namespace HanZhao.Recruit.Web.Applicant;

public static class PortalSetup
{
    public static IServiceCollection AddApplicantPortal(this IServiceCollection services) =>
        services.AddScoped<ApplicantPortal>();
}
