using HanZhao.Recruit.Web.Platform.Localization;

namespace HanZhao.Recruit.Web.Platform.Seo;

/// <summary>
/// Absolute addresses for canonical links, hreflang, JSON-LD, robots.txt and the sitemap.
/// <c>Recruit:PublicUrl</c> wins when set, so a site behind a proxy names itself by its public
/// host rather than the one the proxy forwarded; otherwise the request's own scheme and host.
/// The path base always comes from the request, as it does for every other link on the site.
/// </summary>
public static class SiteUrls
{
    /// <summary>"https://host[:port]", no trailing slash.</summary>
    public static string Origin(HttpRequest request, string? publicUrl) =>
        Uri.TryCreate(publicUrl, UriKind.Absolute, out var configured)
            && (configured.Scheme == Uri.UriSchemeHttps || configured.Scheme == Uri.UriSchemeHttp)
            ? configured.GetLeftPart(UriPartial.Authority)
            : $"{request.Scheme}://{request.Host.ToUriComponent()}";

    /// <summary>An address inside the app made absolute: "/join" and "?culture=en" give "https://host/join?culture=en".</summary>
    public static string Absolute(HttpRequest request, string? publicUrl, PathString path, QueryString query = default) =>
        Origin(request, publicUrl) + (request.PathBase + path).ToUriComponent() + query.ToUriComponent();

    /// <summary>
    /// The current page and its query with <c>culture</c> set, or removed when <paramref name="culture"/>
    /// is null (the canonical and x-default address). Same rules as the language switch, so the
    /// hreflang alternates are exactly the links a visitor clicks.
    /// </summary>
    public static string CurrentPage(HttpRequest request, string? publicUrl, string? culture) =>
        Origin(request, publicUrl) + CultureLinks.For(request, culture);

    /// <summary>A link that may be relative ("/files/a.pdf") or absolute, as an absolute address; null when it is not a URL.</summary>
    public static string? Resolve(HttpRequest request, string? publicUrl, string link) =>
        Uri.TryCreate(Absolute(request, publicUrl, "/"), UriKind.Absolute, out var root) && Uri.TryCreate(root, link, out var resolved)
            ? resolved.AbsoluteUri
            : null;
}
