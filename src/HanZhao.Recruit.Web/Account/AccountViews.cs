using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Account;

/// <summary>Pages more than one account controller answers with.</summary>
public static class AccountViews
{
    /// <summary>A set-password or set-up link that does not work (any more): 400, with no hint of why.</summary>
    public static ViewResult LinkFailed(this Controller controller) => controller.View("LinkFailed").Refused();
}
