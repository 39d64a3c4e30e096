using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Platform.Seo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Review.Decisions;

/// <summary>
/// The professor's decisions: status changes (one or many) with their emails, the email templates,
/// and the ZIP of documents. Co-reviewers read and score; only the professor decides.
/// </summary>
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class DecisionsController(
    RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer, IOptions<RecruitOptions> options,
    StatusEmails emails, DecisionService decisions, DocumentExport export) : Controller
{
    /// <summary>More than anyone selects on a page; keeps one request's work bounded.</summary>
    private const int MaxSelection = 1000;


    private string ApplicantPageUrl => SiteUrls.Absolute(Request, options.Value.PublicUrl, "/applicant");

    [HttpGet("/review/applications/{id:int}/status")]
    public async Task<IActionResult> Status(int id, ApplicationStatus? to, bool changed, bool emailed, CancellationToken cancellationToken)
    {
        if (await decisions.FindAsync(User, id, cancellationToken) is not { } application)
        {
            return NotFound();
        }

        var allowed = StatusPipeline.AllowedFrom(application.Status);
        if (to is { } chosen && StatusPipeline.Check(application.Status, chosen) is var refusal && refusal != Refusal.None)
        {
            return Refused(new StatusPage(application, allowed, null, null, new DecisionResult(id, application, chosen, refusal)));
        }

        var preview = to is { } next ? await decisions.PreviewAsync(application, next, cancellationToken) : null;
        return View(new StatusPage(application, allowed, to, preview, null) { JustChanged = changed, JustEmailed = emailed });
    }

    [HttpPost("/review/applications/{id:int}/status")]
    public async Task<IActionResult> ChangeStatus(int id, ApplicationStatus? to, bool sendEmail, CancellationToken cancellationToken)
    {
        // A missing or unknown status is a broken form, not a refused transition.
        if (to is null || !ModelState.IsValid)
        {
            return BadRequest();
        }

        var result = await decisions.ChangeAsync(User, id, to.Value, sendEmail, ApplicantPageUrl, cancellationToken);
        if (result.Refusal == Refusal.NotFound)
        {
            return NotFound();
        }

        return result.Changed
            ? Redirect($"/review/applications/{id}/status?changed=true&emailed={(result.EmailQueued ? "true" : "false")}")
            : Refused(new StatusPage(result.Application!, StatusPipeline.AllowedFrom(result.Application!.Status), null, null, result));
    }

    [HttpGet("/review/bulk")]
    public async Task<IActionResult> Bulk(string[]? ids, ApplicationStatus? status, CancellationToken cancellationToken)
    {
        var selection = ParseIds(ids);
        var plan = status is { } to && selection.Count > 0 ? await decisions.PlanAsync(User, selection, to, cancellationToken) : null;
        return View(new BulkPage(string.Join(',', selection), selection.Count, status, plan));
    }

    [HttpPost("/review/bulk")]
    public async Task<IActionResult> ApplyBulk(string[]? ids, ApplicationStatus? status, bool sendEmail, CancellationToken cancellationToken)
    {
        var selection = ParseIds(ids);
        if (selection.Count == 0 || status is null || !ModelState.IsValid)
        {
            return BadRequest();
        }

        var results = await decisions.ChangeManyAsync(User, selection, status.Value, sendEmail, ApplicantPageUrl, cancellationToken);
        return View("BulkDone", new BulkReport(status.Value, results));
    }

    [HttpGet("/review/templates")]
    public async Task<IActionResult> Templates(CancellationToken cancellationToken)
    {
        var saved = await db.EmailTemplates.AsNoTracking().ToListAsync(cancellationToken);
        var rows = StatusPipeline.StaffTargets
            .SelectMany(status => Cultures.Supported.Select(culture =>
                saved.FirstOrDefault(t => t.Status == status && t.Culture == culture) is { } custom
                    ? new TemplateRow(status, culture, custom.Subject, IsDefault: false)
                    : new TemplateRow(status, culture, DefaultTemplates.For(status, culture)!.Subject, IsDefault: true)))
            .ToList();
        return View(rows);
    }

    [HttpGet("/review/templates/{status}/{culture}")]
    public async Task<IActionResult> Template(ApplicationStatus status, string culture, bool saved, bool restored, CancellationToken cancellationToken)
    {
        if (!IsTemplate(status, culture))
        {
            return NotFound();
        }

        var (text, isDefault) = (await emails.FindAsync(status, culture, cancellationToken))!.Value;
        return View(TemplatePage(status, culture, text, isDefault, []) with { Saved = saved, Restored = restored });
    }

    /// <summary>Saves the template, or with <c>preview</c> only shows the email it would write.</summary>
    [HttpPost("/review/templates/{status}/{culture}")]
    public async Task<IActionResult> SaveTemplate(
        ApplicationStatus status, string culture, string? subject, string? body, string? preview, CancellationToken cancellationToken)
    {
        if (!IsTemplate(status, culture))
        {
            return NotFound();
        }

        culture = DefaultTemplates.Normalize(culture);
        var text = new TemplateText(subject?.Trim() ?? "", body?.Trim() ?? "");
        var errors = Validate(text);
        var existing = await db.EmailTemplates.FirstOrDefaultAsync(t => t.Status == status && t.Culture == culture, cancellationToken);
        if (errors.Count > 0 || preview is not null)
        {
            var page = TemplatePage(status, culture, text, existing is null, errors);
            return errors.Count > 0 ? ViewWithStatus("Template", page, StatusCodes.Status400BadRequest) : View("Template", page);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            db.EmailTemplates.Add(new EmailTemplate { Status = status, Culture = culture, Subject = text.Subject, Body = text.Body, UpdatedAtUtc = now });
        }
        else
        {
            existing.Subject = text.Subject;
            existing.Body = text.Body;
            existing.UpdatedAtUtc = now;
        }

        db.Record(User, "Settings", $"Email template {status} {culture}", $"Saved: \"{text.Subject}\"", now);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/review/templates/{status}/{culture}?saved=true");
    }

    /// <summary>The built-in template comes back by deleting the saved one.</summary>
    [HttpPost("/review/templates/{status}/{culture}/restore")]
    public async Task<IActionResult> RestoreTemplate(ApplicationStatus status, string culture, CancellationToken cancellationToken)
    {
        if (!IsTemplate(status, culture))
        {
            return NotFound();
        }

        culture = DefaultTemplates.Normalize(culture);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.EmailTemplates.Where(t => t.Status == status && t.Culture == culture).ToListAsync(cancellationToken);
        if (existing.Count > 0)
        {
            db.EmailTemplates.RemoveRange(existing);
            db.Record(User, "Settings", $"Email template {status} {culture}", "Restored the built-in template", now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"/review/templates/{status}/{culture}?restored=true");
    }

    /// <summary>The documents of the selected applications; ids the professor cannot see are ignored.</summary>
    [HttpGet("/review/documents.zip")]
    public async Task<IActionResult> DocumentsZip(string[]? ids, CancellationToken cancellationToken)
    {
        var selection = ParseIds(ids);
        if (selection.Count == 0)
        {
            return BadRequest();
        }

        Response.ContentType = "application/zip";
        Response.Headers.ContentDisposition = "attachment; filename=\"application-documents.zip\"";
        await export.WriteAsync(User, selection, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private TemplatePage TemplatePage(ApplicationStatus status, string culture, TemplateText text, bool isDefault, List<string> errors)
    {
        EmailPreview? preview = null;
        if (errors.Count == 0)
        {
            var draft = emails.Render(text, status, culture, StatusEmails.Sample(culture), "applicant@example.com", applicantPageUrl: null);
            preview = new EmailPreview(draft.Culture, draft.Subject, draft.TextBody, isDefault);
        }

        return new TemplatePage(status, DefaultTemplates.Normalize(culture), text.Subject, text.Body, isDefault, preview, errors);
    }

    private List<string> Validate(TemplateText text)
    {
        var errors = new List<string>();
        if (text.Subject.Length == 0)
        {
            errors.Add(localizer["Write a subject."]);
        }
        else if (text.Subject.Length > 300)
        {
            errors.Add(localizer["The subject can have at most 300 characters."]);
        }

        if (text.Body.Length == 0)
        {
            errors.Add(localizer["Write the message."]);
        }
        else if (text.Body.Length > 10000)
        {
            errors.Add(localizer["The message can have at most 10,000 characters."]);
        }

        var unknown = StatusEmails.UnknownPlaceholders(text.Subject + "\n" + text.Body);
        if (unknown.Count > 0)
        {
            errors.Add(localizer["Unknown placeholder: {0}. Use {1}.", string.Join(", ", unknown), string.Join(" ", DefaultTemplates.Placeholders)]);
        }

        return errors;
    }

    private static bool IsTemplate(ApplicationStatus status, string culture) =>
        StatusPipeline.StaffTargets.Contains(status) && Cultures.IsSupported(culture);

    /// <summary>"1,2,3" in one value or ids=1&amp;ids=2 (checkboxes); duplicates and junk dropped, order kept.</summary>
    private static List<int> ParseIds(string[]? ids) =>
        [.. (ids ?? [])
            .SelectMany(v => v.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .Take(MaxSelection)];

    private ViewResult Refused(StatusPage page) => ViewWithStatus("Refused", page, StatusCodes.Status400BadRequest);

    private ViewResult ViewWithStatus(string name, object model, int statusCode)
    {
        var view = View(name, model);
        view.StatusCode = statusCode;
        return view;
    }
}
