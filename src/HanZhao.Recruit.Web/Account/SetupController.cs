using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// The professor's first-start page (/account/setup) when no Recruit:AdminEmail was configured
/// (see <see cref="ProfessorSetup"/>). Nothing here is stored by browsers or proxies.
/// </summary>
[Route("account/setup")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SetupController(ProfessorSetup setup) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Setup(string? token) =>
        await setup.LinkWorksAsync(token) ? View(new ProfessorSetupPage { Token = token! }) : this.LinkFailed();

    [HttpPost("")]
    public async Task<IActionResult> Setup([FromForm] string? token, [FromForm] string? email, [FromForm] string? password, [FromForm] string? confirmPassword)
    {
        var outcome = await setup.CreateAsync(token, email, password, confirmPassword);
        return outcome.Kind switch
        {
            OutcomeKind.Done => Redirect("/account/signin?passwordSet=true"),
            OutcomeKind.Invalid => View(new ProfessorSetupPage { Token = token!, Email = outcome.Value, Errors = outcome.Errors }).Refused(),
            _ => this.LinkFailed(),
        };
    }
}
