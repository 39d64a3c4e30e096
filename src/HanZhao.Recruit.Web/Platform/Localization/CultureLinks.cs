using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace HanZhao.Recruit.Web.Platform.Localization;

/// <summary>
/// The language switch is a plain link to the same page with <c>?culture=</c>: it works without
/// JavaScript, can be crawled (hreflang), and keeps pages cacheable (no per-visitor form token).
/// The choice is remembered in the culture cookie.
/// </summary>
public static class CultureLinks
{
    public const string QueryKey = "culture";

    /// <summary>The current path and query with <c>culture</c> set to <paramref name="culture"/> (or removed when null).</summary>
    public static string For(HttpRequest request, string? culture)
    {
        var (path, query) = PathFor(request, culture);
        return request.PathBase + path + query;
    }

    /// <summary>The same as <see cref="For"/>, apart: the path within the app (no path base) and the query.</summary>
    public static (PathString Path, QueryString Query) PathFor(HttpRequest request, string? culture)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(pair => !pair.Key.Equals(QueryKey, StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value)))
            .ToList();
        if (culture is not null)
        {
            query.Add(KeyValuePair.Create(QueryKey, (string?)culture));
        }

        return (request.Path, new QueryBuilder(query!).ToQueryString());
    }

    /// <summary>Remembers a valid <c>?culture=</c> in the cookie, so the next pages keep the language.</summary>
    public static IApplicationBuilder UseRememberedCulture(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var requested = context.Request.Query[QueryKey].ToString();
            var culture = Cultures.Supported.FirstOrDefault(c => c.Equals(requested, StringComparison.OrdinalIgnoreCase));
            if (culture is not null
                && CookieRequestCultureProvider.ParseCookieValue(context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] ?? "")
                    ?.UICultures.FirstOrDefault().Value != culture)
            {
                context.Response.RememberCulture(culture, secure: context.Request.IsHttps);
            }

            return next(context);
        });
}
