using Microsoft.AspNetCore.Localization;

namespace HanZhao.Recruit.Web.Platform.Localization;

public static class LocalizationSetup
{
    public static IServiceCollection AddRecruitLocalization(this IServiceCollection services)
    {
        // No ResourcesPath: SharedResource.zh-CN.resx sits beside SharedResource.cs.
        services.AddLocalization();
        // The default providers are exactly the order we want: ?culture=, then the cookie, then Accept-Language.
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Cultures.English)
                .AddSupportedCultures([.. Cultures.Supported])
                .AddSupportedUICultures([.. Cultures.Supported]);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
        });
        return services;
    }

    /// <summary>Remembers the visitor's choice for a year.</summary>
    public static void RememberCulture(this HttpResponse response, string culture, bool secure) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                Secure = secure,
                SameSite = SameSiteMode.Lax,
            });
}
