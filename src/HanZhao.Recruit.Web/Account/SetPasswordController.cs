using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// Setting a staff password from an emailed or logged link (/account/set-password, see
/// <see cref="StaffPasswords"/>). Nothing here is stored by browsers or proxies.
/// </summary>
[Route("account/set-password")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SetPasswordController(StaffPasswords passwords) : Controller
{
    // The link only shows the form; the token is used by the POST (mail scanners open links).
    [HttpGet("")]
    public async Task<IActionResult> SetPassword(string? userId, string? token) =>
        await passwords.LinkUserAsync(userId, token) is { } user ? View(SetPasswordPage.For(user, token!)) : this.LinkFailed();

    [HttpPost("")]
    public async Task<IActionResult> SetPassword(
        [FromForm] string? userId, [FromForm] string? token, [FromForm] string? password, [FromForm] string? confirmPassword)
    {
        var outcome = await passwords.SetAsync(userId, token, password, confirmPassword);
        return outcome.Kind switch
        {
            OutcomeKind.Done => Redirect("/account/signin?passwordSet=true"),
            OutcomeKind.Invalid => View(SetPasswordPage.For(outcome.Value!, token!, outcome.Errors)).Refused(),
            _ => this.LinkFailed(),
        };
    }
}
