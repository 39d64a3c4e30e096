using HanZhao.Recruit.Web.Platform.Jobs;

namespace HanZhao.Recruit.Web.Platform.Security;

/// <summary>
/// Headers every response carries. Set when the response starts, so error pages re-executed
/// after <c>Response.Clear()</c> carry them too.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Only our own scripts, styles and images; no framing; forms post only to us.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The job dashboard (Hangfire, professor only) colours job states with style attributes and its
    /// charts add a style element: it may use inline styles, still no inline scripts.
    /// </summary>
    public const string JobDashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Read now: the dashboard moves its prefix into PathBase before the response starts.
            var isJobDashboard = context.Request.Path.StartsWithSegments(JobsSetup.DashboardPath);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // A response that set a stricter policy of its own (a sandboxed PDF) keeps it.
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = isJobDashboard ? JobDashboardContentSecurityPolicy : ContentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                // Follows the policy's frame-ancestors: only a document shown in the staff reader allows
                // 'self' (DocumentResponse). Set over antiforgery's SAMEORIGIN: nothing else may be framed.
                headers.XFrameOptions = headers.ContentSecurityPolicy.ToString().Contains("frame-ancestors 'self'", StringComparison.Ordinal) ? "SAMEORIGIN" : "DENY";

                // Sign-in links carry tokens in the URL: never send them to another site.
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
