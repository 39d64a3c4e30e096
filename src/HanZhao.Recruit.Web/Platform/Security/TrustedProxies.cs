using System.Net;
using HanZhao.Recruit.Web.Platform.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Platform.Security;

/// <summary>
/// Behind a reverse proxy that terminates TLS every request arrives from the proxy, over http. The
/// proxy's <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> give back the client's address (so
/// per-client limits are per client, not per campus), https (Secure cookies, HSTS) and the public host,
/// but only from the addresses named in <c>Recruit:Proxy:KnownProxies</c> / <c>KnownNetworks</c>:
/// anyone else could write those headers to escape a limit or pass plain http for https. Nothing is
/// trusted when neither is set, unlike <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>, which trusts every sender.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Recruit:Proxy";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection(Section);
            // The framework's defaults trust loopback; here only what the operator names is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in Values(section.GetSection("KnownProxies")))
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies: \"{proxy}\" is not an IP address."));
            }

            foreach (var network in Values(section.GetSection("KnownNetworks")))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks: \"{network}\" is not a network such as 10.0.0.0/8."));
            }

            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // One proxy in front: only the entry it appended counts, never what the client sent before it.
            options.ForwardLimit = ForwardLimit(section["ForwardLimit"]);
            // A forwarded host must be the site's own (or one AllowedHosts names); HostCheck refuses the rest.
            options.AllowedHosts = [.. AllowedHosts(configuration)];
        });
        return services;
    }

    /// <summary>First in the pipeline, so the host check, https redirection, HSTS, cookies and limits see the client's request.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        // Read now: a mistyped address stops the start instead of silently trusting nobody.
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrustedProxies));
        if (app.Configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED"))
        {
            logger.LogWarning(
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts X-Forwarded-For from any sender, so a client can escape every per-client limit: name the proxy in {Section}:KnownProxies instead.",
                Section);
        }

        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            return app;
        }

        logger.LogInformation(
            "Forwarded headers are trusted from {Proxies} (forward limit {Limit})",
            string.Join(", ", options.KnownProxies.Select(p => p.ToString()).Concat(options.KnownIPNetworks.Select(n => n.ToString()))),
            options.ForwardLimit);
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// How many proxies stand in a row (1 unless set): a whole number from 1 to 10. Zero or a word would
    /// let the middleware read none or every entry a client wrote, so it stops the start instead.
    /// </summary>
    private static int ForwardLimit(string? value) =>
        value is null ? 1
        : int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 10 ? limit
        : throw new InvalidOperationException($"{Section}:ForwardLimit must be a whole number from 1 to 10 (it is \"{value}\").");

    /// <summary>A list in configuration either as children (<c>KnownProxies:0</c>) or as one value separated by commas or semicolons (one environment variable).</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        new[] { section.Value }.Concat(section.GetChildren().Select(child => child.Value))
            .SelectMany(value => (value ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static IEnumerable<string> AllowedHosts(IConfiguration configuration)
    {
        var publicUrl = configuration.GetSection(RecruitOptions.Section).GetValue<string>(nameof(RecruitOptions.PublicUrl));
        if (Uri.TryCreate(publicUrl?.Trim(), UriKind.Absolute, out var site))
        {
            // Host names without ports: the forwarded host is matched on its name.
            yield return site.IdnHost;
        }

        foreach (var host in (configuration["AllowedHosts"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(h => h != "*"))
        {
            yield return host;
        }
    }
}
