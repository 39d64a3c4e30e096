using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Platform.Forms;

/// <summary>How controllers turn a refused form or an outcome into a response: one way each.</summary>
public static class ViewResults
{
    /// <summary>The form again with what was typed and why it was refused (400): nothing was changed.</summary>
    public static ViewResult Refused(this ViewResult view)
    {
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    /// <summary>The form again (429): it was fine, but asked for too often; nothing was changed.</summary>
    public static ViewResult Throttled(this ViewResult view)
    {
        view.StatusCode = StatusCodes.Status429TooManyRequests;
        return view;
    }

    /// <summary>The form again with what was typed (503): nothing is wrong with it, but nothing can be done with it now.</summary>
    public static ViewResult Unavailable(this ViewResult view)
    {
        view.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return view;
    }

    /// <summary>
    /// A request that cannot be used as sent and has no form of its own to show again: 400 with the
    /// reason (an English key) on the shared page Views/Shared/RequestRefused.cshtml; nothing was changed.
    /// </summary>
    public static ViewResult RefusedRequest(this Controller controller, string message, string backUrl, string backText) =>
        controller.View("RequestRefused", new RefusedRequest(message, backUrl, backText)).Refused();

    /// <summary>The answer to an outcome that is neither done nor invalid: 404, or the access-denied page.</summary>
    public static IActionResult NotDone(this ControllerBase controller, OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotFound => controller.NotFound(),
        OutcomeKind.Forbidden => controller.Forbid(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Done and invalid outcomes are answered by the action."),
    };
}
