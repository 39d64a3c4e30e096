using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Apply.SignIn;

/// <summary>The companion of <see cref="Platform.Forms.ViewResults.Refused"/> for a limit rather than a mistake.</summary>
public static class ThrottledView
{
    /// <summary>The form again (429): it was fine, but asked for too often; nothing was changed.</summary>
    public static ViewResult Throttled(this ViewResult view)
    {
        view.StatusCode = StatusCodes.Status429TooManyRequests;
        return view;
    }
}
