using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Account;

/// <summary>Staff "forgot password" (/account/forgot-password): the same answer for every address (see <see cref="StaffPasswordReset"/>).</summary>
[Route("account/forgot-password")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ForgotPasswordController(StaffPasswordReset reset) : Controller
{
    [HttpGet("")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordPage());

    [HttpPost("")]
    public async Task<IActionResult> ForgotPassword([FromForm] string? email, CancellationToken cancellationToken)
    {
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var result = await reset.RequestAsync(email, client, cancellationToken);
        var page = new ForgotPasswordPage { Email = email?.Trim(), Errors = result.Errors, Sent = !result.Errors.Any };
        return result.Throttled ? View(page).Throttled() : result.Errors.Any ? View(page).Refused() : View(page);
    }
}

/// <summary>The form, what was typed, and whether the (identical) answer was given.</summary>
public sealed class ForgotPasswordPage
{
    public string? Email { get; init; }

    public bool Sent { get; init; }

    public FormErrors Errors { get; init; } = new();
}
