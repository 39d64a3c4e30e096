using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section);
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidation>();
        return services.AddScoped<RetentionPolicy>().AddScoped<ConsentText>().AddScoped<RetentionNotice>().AddScoped<RetentionJob>().AddScoped<RetentionControls>()
            .AddScoped<PersonalDataErasure>().AddScoped<PersonalDataExport>().AddScoped<PersonalDataRequests>();
    }
}
