namespace HanZhao.Recruit.Web.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section);
        return services.AddScoped<PersonalDataErasure>().AddScoped<PersonalDataExport>().AddScoped<PersonalDataRequests>();
    }
}
