using HanZhao.Recruit.Web.Platform.Hosting;

namespace HanZhao.Recruit.Web.Platform.Security;

/// <summary>
/// Outside Development a request must name the site's own host (<see cref="SiteAddress.Host"/>), a
/// loopback name (health checks, a proxy on the same machine) or a host listed in <c>AllowedHosts</c>;
/// any other Host header gets 400. Nothing the app writes is built from the Host header, but a request
/// for another name is not one for this site: answering it would let that name pass for ours.
/// </summary>
public static class HostCheck
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static WebApplication UseHostCheck(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        // "*" is the default of appsettings.json, where it means "nothing more".
        var configured = (app.Configuration["AllowedHosts"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(host => host != "*");
        HashSet<string> allowed = new([.. Loopback, .. configured], StringComparer.OrdinalIgnoreCase);
        var site = app.Services.GetRequiredService<SiteAddress>();
        app.Use((context, next) =>
        {
            // HTTP/1.0 may send no Host at all; then there is no other name to pass for ours. The site's own
            // host is asked of SiteAddress each time, after the fixed names: at start a request can arrive before
            // the server knows its listening address, and that moment must not be remembered (HostCheckTests).
            var host = context.Request.Host.Host.TrimEnd('.');
            if (host.Length == 0 || allowed.Contains(host) || string.Equals(host, site.Host, StringComparison.OrdinalIgnoreCase))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
        return app;
    }
}
