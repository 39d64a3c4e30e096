using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Platform.Forms;

public static class ViewResults
{
    /// <summary>The form again with what was typed and why it was refused (400): nothing was changed.</summary>
    public static ViewResult Refused(this ViewResult view)
    {
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
