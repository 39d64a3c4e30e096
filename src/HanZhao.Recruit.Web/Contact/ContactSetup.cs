using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Contact;

public static class ContactSetup
{
    /// <summary>The rate-limiter policy on sent messages (needs <c>app.UseRateLimiter()</c> after routing).</summary>
    public const string ClientRateLimitPolicy = "contact-per-client";

    public static IServiceCollection AddContactForm(this IServiceCollection services)
    {
        services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.Section);
        services.AddScoped<ContactService>();

        // In memory per instance: it only has to slow one client down, not count exactly.
        services.AddRateLimiter(limiter =>
        {
            // 429 with no body; the status-code pages then render /error/429 in the visitor's language.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ClientRateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<ContactOptions>>().Value;
                // Behind a proxy, ASPNETCORE_FORWARDEDHEADERS_ENABLED makes this the client's address.
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.ClientPermitLimit,
                    Window = limits.ClientWindow,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
