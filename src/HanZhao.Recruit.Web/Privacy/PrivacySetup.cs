namespace HanZhao.Recruit.Web.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services) =>
        services.AddScoped<PersonalDataErasure>();
}
