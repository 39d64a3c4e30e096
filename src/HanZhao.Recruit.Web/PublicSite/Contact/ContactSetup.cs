
using HanZhao.Recruit.Web.Platform.Security;

namespace HanZhao.Recruit.Web.PublicSite.Contact;

public static class ContactSetup
{
    /// <summary>The rate-limiter policy on sent messages.</summary>
    public const string ClientRateLimitPolicy = "contact-per-client";

    public static IServiceCollection AddContactForm(this IServiceCollection services)
    {
        services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.Section);
        services.AddScoped<ContactService>();
        return services.AddPerClientRateLimit<ContactOptions>(
            ClientRateLimitPolicy, options => (options.ClientPermitLimit, options.ClientWindow));
    }
}
