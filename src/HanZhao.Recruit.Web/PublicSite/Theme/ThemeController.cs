using HanZhao.Recruit.Web.Platform.Caching;
using HanZhao.Recruit.Web.Platform.Queries;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.PublicSite.Theme;

/// <summary>The header's system/light/dark choice: the form's post, without JavaScript too.</summary>
public sealed class ThemeController : Controller
{
    /// <summary>
    /// Remembers the theme and goes back to the page it was chosen on (a local path only: anything
    /// else, "//evil.example" included, goes to the homepage). Public pages are cached for everyone,
    /// so the form carries no per-visitor antiforgery token; a forged post can only change a colour.
    /// A script asks with <c>Accept: application/json</c> and gets 204 instead of the redirect.
    /// </summary>
    [HttpPost("/theme")]
    [IgnoreAntiforgeryToken]
    public IActionResult Choose(ThemeChoice choice)
    {
        if (choice.Theme is not { } theme)
        {
            return BadRequest();
        }

        ThemeCookie.Remember(Response, theme, Request.IsHttps);
        return Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal)
            ? NoContent()
            : LocalRedirect(Url.IsLocalUrl(choice.ReturnUrl) ? choice.ReturnUrl! : "/");
    }
}

/// <summary>The posted choice: <c>theme</c> one of system, light, dark (anything else is none), and the page to go back to.</summary>
public sealed record ThemeChoice(string? Theme, string? ReturnUrl) : IQueryModel<ThemeChoice>
{
    public static ThemeChoice Read(QueryReader query) =>
        new(query.Choice("theme", ThemeCookie.Choices), query.Text("returnUrl", 2000));
}
