using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Settings.Intakes;

/// <summary>
/// The professor's intakes (/review/settings/intakes): the table, add, edit, open and close.
/// Post/redirect/get; a refused form comes back as 400 with a message beside each field.
/// An id that is not a whole number matches no route (404), like an id that does not exist.
/// </summary>
[Route("review/settings/intakes")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IntakeSettingsController(IntakeSettings settings) : Controller
{
    private const string Page = "/review/settings/intakes";

    [HttpGet("")]
    public async Task<IActionResult> Index(IntakeListQuery query, CancellationToken cancellationToken) =>
        View(await settings.GetPageAsync(query, null, null, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Add([FromForm] IntakeForm form, CancellationToken cancellationToken)
    {
        var result = await settings.AddAsync(User, form, cancellationToken);
        return result.IsDone
            ? Done("added", result.Value!)
            : View(nameof(Index), await settings.GetPageAsync(new IntakeListQuery(null, null), form, result.Errors, cancellationToken)).Refused();
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await settings.GetEditAsync(id, null, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Save(int id, [FromForm] IntakeForm form, CancellationToken cancellationToken)
    {
        var result = await settings.EditAsync(User, id, form, cancellationToken);
        return result.Kind switch
        {
            OutcomeKind.Done => Done("saved", result.Value!),
            OutcomeKind.Invalid when await settings.GetEditAsync(id, form, result.Errors, cancellationToken) is { } page => View(nameof(Edit), page).Refused(),
            _ => NotFound(),
        };
    }

    [HttpPost("{id:int}/open")]
    public Task<IActionResult> Open(int id, CancellationToken cancellationToken) => SetOpenAsync(id, true, cancellationToken);

    [HttpPost("{id:int}/close")]
    public Task<IActionResult> Close(int id, CancellationToken cancellationToken) => SetOpenAsync(id, false, cancellationToken);

    private async Task<IActionResult> SetOpenAsync(int id, bool open, CancellationToken cancellationToken) =>
        await settings.SetOpenAsync(User, id, open, cancellationToken) is { IsDone: true, Value: { } intake }
            ? Done(open ? "opened" : "closed", intake)
            : NotFound();

    private RedirectResult Done(string done, Intake intake) =>
        Redirect($"{Page}?done={done}&code={Uri.EscapeDataString(intake.Code)}#intake-{intake.Id}");
}
