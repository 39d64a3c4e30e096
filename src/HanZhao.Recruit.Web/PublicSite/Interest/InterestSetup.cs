using HanZhao.Recruit.Web.Platform.Security;

namespace HanZhao.Recruit.Web.PublicSite.Interest;

public static class InterestSetup
{
    /// <summary>The rate-limiter policy on registrations.</summary>
    public const string ClientRateLimitPolicy = "interest-per-client";

    /// <summary>Registrations, their emails and the announcements (scheduled every minute in Platform/Jobs/).</summary>
    public static IServiceCollection AddInterestRegistrations(this IServiceCollection services)
    {
        services.AddOptions<InterestOptions>().BindConfiguration(InterestOptions.Section);
        services.AddScoped<InterestEmails>();
        services.AddScoped<InterestRegistrations>();
        services.AddScoped<InterestAnnouncements>();
        // The per-address limit (in the service) protects a mailbox; this one protects the site from
        // one client spraying many addresses.
        return services.AddPerClientRateLimit<InterestOptions>(
            ClientRateLimitPolicy, options => (options.ClientPermitLimit, options.ClientWindow));
    }
}
