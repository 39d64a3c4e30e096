namespace HanZhao.Recruit.Web.Platform.Caching;

/// <summary>
/// The visitor's light/dark choice, remembered in a cookie the server reads, so the first byte of
/// every page already carries <c>data-theme</c> on &lt;html&gt; (no flash of the other theme and no
/// inline script). No cookie means "follow the system" (the stylesheet's prefers-color-scheme).
/// It lives beside the output cache because cached pages vary by it (<see cref="PublicPageCache"/>).
/// </summary>
public static class ThemeCookie
{
    public const string Name = "theme";
    public const string System = "system";
    public const string Light = "light";
    public const string Dark = "dark";

    public static IReadOnlyList<string> Choices { get; } = [System, Light, Dark];

    /// <summary>"light" or "dark" as chosen; null for the system's (no cookie, or one we did not write).</summary>
    public static string? Of(HttpRequest request) =>
        request.Cookies[Name] is Light or Dark ? request.Cookies[Name] : null;

    /// <summary>
    /// <c> data-theme="dark"</c> (with its leading space) for &lt;html&gt;, or nothing for the system's:
    /// Razor writes a data-* attribute even when its value is null, so the layout writes this instead.
    /// Only the two constants above can come out, never the cookie's own text.
    /// </summary>
    public static string HtmlAttribute(HttpRequest request) => Of(request) switch
    {
        Light => " data-theme=\"light\"",
        Dark => " data-theme=\"dark\"",
        _ => "",
    };

    /// <summary>Remembers <paramref name="theme"/> for a year; "system" forgets the choice.</summary>
    public static void Remember(HttpResponse response, string theme, bool secure)
    {
        if (theme is Light or Dark)
        {
            response.Cookies.Append(Name, theme, new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                Secure = secure,
                SameSite = SameSiteMode.Lax,
            });
        }
        else
        {
            response.Cookies.Delete(Name, new CookieOptions { Secure = secure, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
    }
}
