using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Applicants.SignIn;

public static class ApplicantSignInSetup
{
    /// <summary>The rate-limiter policy on link requests (needs <c>app.UseRateLimiter()</c> after routing).</summary>
    public const string ClientRateLimitPolicy = "applicant-signin-per-client";

    public static IServiceCollection AddApplicantSignIn(this IServiceCollection services)
    {
        services.AddOptions<ApplicantSignInOptions>().BindConfiguration(ApplicantSignInOptions.Section);
        services.AddScoped<ApplicantSignInService>();

        // The per-address limit (in the service) protects a mailbox; this one protects the site from
        // one client spraying many addresses. In memory per instance: it only has to slow a client down.
        services.AddRateLimiter(limiter =>
        {
            // 429 with no body; the status-code pages then render /error/429 in the visitor's language.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ClientRateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<ApplicantSignInOptions>>().Value;
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
