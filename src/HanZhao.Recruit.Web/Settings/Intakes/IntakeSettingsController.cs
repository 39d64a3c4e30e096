using System.Globalization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Settings.Intakes;

/// <summary>
/// The professor's intakes (/review/settings/intakes): the table, add, edit, open and close.
/// Post/redirect/get; a refused form comes back as 400 with a message beside each field.
/// </summary>
[Route("review/settings/intakes")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IntakeSettingsController(IntakeSettings settings) : Controller
{
    private const string Page = "/review/settings/intakes";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? done, string? code, CancellationToken cancellationToken) =>
        View(await settings.GetPageAsync(null, null, done, code, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Add([FromForm] IntakeForm form, CancellationToken cancellationToken)
    {
        var result = await settings.AddAsync(User, form, cancellationToken);
        if (result.Outcome == IntakeOutcome.Done)
        {
            return Done("added", result);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await settings.GetPageAsync(form, result.Errors, null, null, cancellationToken));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string? id, CancellationToken cancellationToken) =>
        ParseId(id) is { } number && await settings.GetEditAsync(number, null, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id}")]
    public async Task<IActionResult> Save(string? id, [FromForm] IntakeForm form, CancellationToken cancellationToken)
    {
        if (ParseId(id) is not { } number)
        {
            return NotFound();
        }

        var result = await settings.EditAsync(User, number, form, cancellationToken);
        switch (result.Outcome)
        {
            case IntakeOutcome.Done:
                return Done("saved", result);
            case IntakeOutcome.Invalid when await settings.GetEditAsync(number, form, result.Errors, cancellationToken) is { } page:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(nameof(Edit), page);
            default:
                return NotFound();
        }
    }

    [HttpPost("{id}/open")]
    public Task<IActionResult> Open(string? id, CancellationToken cancellationToken) => SetOpenAsync(id, true, cancellationToken);

    [HttpPost("{id}/close")]
    public Task<IActionResult> Close(string? id, CancellationToken cancellationToken) => SetOpenAsync(id, false, cancellationToken);

    private async Task<IActionResult> SetOpenAsync(string? id, bool open, CancellationToken cancellationToken) =>
        ParseId(id) is { } number && await settings.SetOpenAsync(User, number, open, cancellationToken) is { Outcome: IntakeOutcome.Done } result
            ? Done(open ? "opened" : "closed", result)
            : NotFound();

    private RedirectResult Done(string done, IntakeResult result) =>
        Redirect($"{Page}?done={done}&code={Uri.EscapeDataString(result.Code ?? string.Empty)}#intake-{result.Id}");

    /// <summary>Route values arrive as text: "abc", "-1", "1e3" or " " (bound as null) are no intake (404), like an id that does not exist.</summary>
    private static int? ParseId(string? id) =>
        id is { Length: <= 10 } && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
