using HanZhao.Recruit.Web.Models;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Controllers;

/// <summary>
/// Where failed requests are re-executed (see ErrorSetup): a page for browsers, ProblemDetails for
/// clients that ask for JSON. Any method may arrive here, including a POST refused for its token.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ErrorController : Controller
{
    [Route("/error/{statusCode:int?}")]
    public IActionResult Index(int? statusCode)
    {
        // Re-executed by the status code pages: the code is in the path. By the exception handler:
        // it has already set the code (500, or e.g. 413 for a body over the limit).
        var code = statusCode is >= 400 and <= 599 ? statusCode.Value
            : HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? StatusCodes.Status404NotFound
            : Response.StatusCode >= 400 ? Response.StatusCode
            : StatusCodes.Status500InternalServerError;

        if (Request.Headers.Accept.Any(value => value?.Contains("json", StringComparison.OrdinalIgnoreCase) == true))
        {
            return Problem(statusCode: code);
        }

        Response.StatusCode = code;
        return View(new ErrorViewModel(code, HttpContext.TraceIdentifier));
    }
}
