using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Platform.Security;

public static class ClientRateLimits
{
    /// <summary>
    /// A rate-limiter policy with a fixed window per client IP, its numbers read from
    /// <typeparamref name="TOptions"/> so operators (a campus NAT) and tests can change them.
    /// In memory per instance: it only has to slow one client down. Rejections are 429 with no
    /// body; the status-code pages render /error/429 in the visitor's language. Needs
    /// <c>app.UseRateLimiter()</c> after routing.
    /// </summary>
    public static IServiceCollection AddPerClientRateLimit<TOptions>(
        this IServiceCollection services, string policyName, Func<TOptions, (int PermitLimit, TimeSpan Window)> limits)
        where TOptions : class =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(policyName, context =>
            {
                var (permitLimit, window) = limits(context.RequestServices.GetRequiredService<IOptions<TOptions>>().Value);
                // Behind a proxy named in Recruit:Proxy (TrustedProxies) this is the client's address.
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitLimit,
                    Window = window,
                    QueueLimit = 0,
                });
            });
        });
}
