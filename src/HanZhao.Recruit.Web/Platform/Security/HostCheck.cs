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
        var site = app.Services.GetRequiredService<SiteAddress>();
        var allowed = new Lazy<HashSet<string>>(() => [.. Loopback, .. configured, site.Host]);
        app.Use((context, next) =>
        {
            // HTTP/1.0 may send no Host at all; then there is no other name to pass for ours.
            var host = context.Request.Host.Host.TrimEnd('.');
            if (host.Length == 0 || allowed.Value.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
        return app;
    }
}
