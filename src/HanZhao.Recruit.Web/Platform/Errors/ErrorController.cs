using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Platform.Errors;

/// <summary>
/// Where failed requests are re-executed (see ErrorSetup): a page for browsers, ProblemDetails for
/// clients that ask for JSON. Any method may arrive here, including a POST refused for its token.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ErrorController : Controller
{
    // No parameters on purpose: binding would try to read the body of a re-executed POST, which
    // may be the very thing that failed (too large, unreadable), and then lose the status code.
    [Route("/error/{statusCode:int?}")]
    public IActionResult Index()
    {
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null
                // The exception handler has set the code: 500, or e.g. 413 for a body over the limit.
                ? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError)
                // Opened directly: /error/404.
                : int.TryParse(RouteData.Values["statusCode"] as string, out var requested) && requested is >= 400 and <= 599
                    ? requested
                    : StatusCodes.Status404NotFound);

        if (Request.Headers.Accept.Any(value => value?.Contains("json", StringComparison.OrdinalIgnoreCase) == true))
        {
            return Problem(statusCode: code);
        }

        Response.StatusCode = code;
        return View(new ErrorViewModel(code, HttpContext.TraceIdentifier));
    }
}
