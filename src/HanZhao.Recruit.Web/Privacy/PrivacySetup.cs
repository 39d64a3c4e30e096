using HanZhao.Recruit.Data;

namespace HanZhao.Recruit.Web.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section);
        // Added to the database's own configuration (Platform/Database): every context, including
        // those built from its options (DatabaseLimits), overwrites what it deletes.
        services.ConfigureDbContext<RecruitDbContext>(options => options.AddInterceptors(new SecureDelete()));
        return services.AddScoped<PersonalDataErasure>().AddScoped<PersonalDataExport>().AddScoped<PersonalDataRequests>();
    }
}
