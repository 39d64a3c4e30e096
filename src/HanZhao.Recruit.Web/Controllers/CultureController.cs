using HanZhao.Recruit.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Controllers;

/// <summary>The language switch in the header: remembers the choice and returns to the same page.</summary>
public class CultureController : Controller
{
    [HttpPost("/culture")]
    public IActionResult Set(string? culture, string? returnUrl)
    {
        if (!Cultures.IsSupported(culture))
        {
            return BadRequest();
        }

        Response.RememberCulture(
            Cultures.Supported.First(c => c.Equals(culture, StringComparison.OrdinalIgnoreCase)),
            secure: Request.IsHttps);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
