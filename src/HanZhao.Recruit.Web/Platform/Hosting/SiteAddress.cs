using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Platform.Hosting;

/// <summary>
/// The site's own address, for every absolute URL it writes: links in emails, the sitemap, canonical
/// and hreflang links, JSON-LD, OpenGraph, the first-start link. It comes from <c>Recruit:PublicUrl</c>,
/// or, when that is not set, from the first address the server listens on (a wildcard such as
/// <c>http://+:8080</c> becomes <c>http://localhost:8080</c>). Never from a request: a Host header is
/// whatever the sender typed, and a link built from it would hand a sign-in token to that host.
/// </summary>
public sealed class SiteAddress(IOptions<RecruitOptions> options, IServer server, IHostApplicationLifetime lifetime)
{
    private Uri? _root;

    /// <summary>
    /// The address with a trailing slash, e.g. "https://zhaohan.sjtu.edu.cn/" or "https://example.edu/recruit/".
    /// A listening address is kept only once the server has started: before that, a port of 0 is not yet a port.
    /// </summary>
    public Uri Root
    {
        get
        {
            if (_root is { } root)
            {
                return root;
            }

            var found = Find(options.Value.PublicUrl, server);
            if (IsConfigured || lifetime.ApplicationStarted.IsCancellationRequested)
            {
                _root = found;
            }

            return found;
        }
    }

    /// <summary>"https://host[:port]", no trailing slash.</summary>
    public string Origin => Root.GetLeftPart(UriPartial.Authority);

    /// <summary>The host name links carry; requests for other hosts are refused outside Development (<see cref="Security.HostCheck"/>).</summary>
    public string Host => Root.IdnHost;

    /// <summary>Whether <c>Recruit:PublicUrl</c> names the address, rather than the listening address.</summary>
    public bool IsConfigured => Configured(options.Value.PublicUrl) is not null;

    /// <summary>An address inside the site made absolute: "/join" and "?culture=en" give "https://host/join?culture=en".</summary>
    public string Absolute(PathString path, QueryString query = default) =>
        Origin + (new PathString(Root.AbsolutePath.TrimEnd('/')) + path).ToUriComponent() + query.ToUriComponent();

    /// <summary>A path with its query, "/account/setup?token=…", made absolute.</summary>
    public string Link(string pathAndQuery) =>
        pathAndQuery.IndexOf('?', StringComparison.Ordinal) is var at and >= 0
            ? Absolute(pathAndQuery[..at], new QueryString(pathAndQuery[at..]))
            : Absolute(pathAndQuery);

    /// <summary>
    /// The current page and its query with <c>culture</c> set, or removed when <paramref name="culture"/>
    /// is null (the canonical and x-default address). Same rules as the language switch, so the
    /// hreflang alternates are exactly the links a visitor clicks. Only the path and query come from the request.
    /// </summary>
    public string CurrentPage(HttpRequest request, string? culture)
    {
        var (path, query) = CultureLinks.PathFor(request, culture);
        return Absolute(path, query);
    }

    /// <summary>A link that may be relative ("/files/a.pdf") or absolute, as an absolute address; null when it is not a URL.</summary>
    public string? Resolve(string link) => Uri.TryCreate(Root, link, out var resolved) ? resolved.AbsoluteUri : null;

    private static Uri Find(string? publicUrl, IServer server)
    {
        if (Configured(publicUrl) is { } configured)
        {
            return configured;
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException(
                "The site's address is not known: set Recruit:PublicUrl (environment variable Recruit__PublicUrl) to the address visitors use, e.g. https://zhaohan.sjtu.edu.cn/.");
        var builder = new UriBuilder(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        builder.Path = "/";
        return builder.Uri;
    }

    private static Uri? Configured(string? publicUrl) =>
        Uri.TryCreate(publicUrl?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? new UriBuilder(uri) { Path = uri.AbsolutePath.TrimEnd('/') + "/", Query = string.Empty, Fragment = string.Empty }.Uri
            : null;
}
