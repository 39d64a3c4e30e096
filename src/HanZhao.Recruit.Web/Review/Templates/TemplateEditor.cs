using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Review.Decisions;
using HanZhao.Recruit.Web.Review.Milestones;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Templates;

/// <summary>
/// The professor's email templates, one per status staff can set and language: the list, the editor
/// with a preview written for a sample applicant, saving (audited) and restoring the built-in one.
/// A status or language without a template is answered as not found.
/// </summary>
public sealed class TemplateEditor(
    RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer, StatusEmails emails, MilestoneEmails milestoneEmails)
{
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 10000;

    public async Task<TemplateListPage> GetListAsync(CancellationToken cancellationToken)
    {
        var saved = await db.EmailTemplates.AsNoTracking().ToListAsync(cancellationToken);
        IReadOnlyList<TemplateRow> statuses = [.. StatusPipeline.StaffTargets
            .SelectMany(status => Cultures.Supported.Select(culture =>
                saved.FirstOrDefault(t => t.Status == status && t.Culture == culture) is { } custom
                    ? new TemplateRow(status, culture, custom.Subject, IsDefault: false)
                    : new TemplateRow(status, culture, DefaultTemplates.For(status, culture)!.Subject, IsDefault: true)))];
        var milestones = MilestoneRules.InOrder
            .SelectMany(kind => Cultures.Supported.Select(culture => new MilestoneTemplateRow(kind, culture, MilestoneTemplates.For(kind, culture).Subject)))
            .ToList();
        return new TemplateListPage(statuses, milestones);
    }

    /// <summary>
    /// The built-in email of an official step, with its preview; null for an unknown language. (The
    /// model stores templates per status only, so these texts are not editable yet.)
    /// </summary>
    public MilestoneTemplatePage? GetMilestonePage(MilestoneKind kind, string culture) =>
        Cultures.IsSupported(culture)
            ? new MilestoneTemplatePage(kind, DefaultTemplates.Normalize(culture), MilestoneTemplates.For(kind, culture),
                milestoneEmails.Preview(kind, culture, clock.GetUtcNow().UtcDateTime))
            : null;

    /// <summary>The template in force, with its preview; null when there is no such template.</summary>
    public async Task<TemplatePage?> GetPageAsync(ApplicationStatus status, string culture, TemplateQuery query, CancellationToken cancellationToken)
    {
        if (!IsTemplate(status, culture))
        {
            return null;
        }

        var (text, isDefault) = (await emails.FindAsync(status, culture, cancellationToken))!.Value;
        return Page(status, culture, text, isDefault, new FormErrors()) with { Saved = query.Saved, Restored = query.Restored };
    }

    /// <summary>
    /// Saves the template (audited), or with <see cref="TemplateForm.IsPreview"/> only writes the email
    /// it would send. Either way the page comes back with what was typed; refused, it shows why.
    /// </summary>
    public async Task<Outcome<TemplatePage>> SaveAsync(
        ClaimsPrincipal user, ApplicationStatus status, string culture, TemplateForm form, CancellationToken cancellationToken)
    {
        if (!IsTemplate(status, culture))
        {
            return Outcome.NotFound();
        }

        culture = DefaultTemplates.Normalize(culture);
        var text = form.Text;
        var errors = Validate(text);
        var existing = await db.EmailTemplates.FirstOrDefaultAsync(t => t.Status == status && t.Culture == culture, cancellationToken);
        var page = Page(status, culture, text, existing is null, errors);
        if (errors.Any || form.IsPreview)
        {
            return errors.Any ? Outcome.Invalid(errors, page) : Outcome.Done(page);
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

        db.Record(user, "Settings", $"Email template {status} {culture}", $"Saved: \"{text.Subject}\"", now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(page);
    }

    /// <summary>The built-in template comes back by deleting the saved one. Done with the language as the pages write it.</summary>
    public async Task<Outcome<string>> RestoreAsync(ClaimsPrincipal user, ApplicationStatus status, string culture, CancellationToken cancellationToken)
    {
        if (!IsTemplate(status, culture))
        {
            return Outcome.NotFound();
        }

        culture = DefaultTemplates.Normalize(culture);
        var existing = await db.EmailTemplates.Where(t => t.Status == status && t.Culture == culture).ToListAsync(cancellationToken);
        if (existing.Count > 0)
        {
            db.EmailTemplates.RemoveRange(existing);
            db.Record(user, "Settings", $"Email template {status} {culture}", "Restored the built-in template", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done(culture);
    }

    private TemplatePage Page(ApplicationStatus status, string culture, TemplateText text, bool isDefault, FormErrors errors)
    {
        EmailPreview? preview = null;
        if (!errors.Any)
        {
            var draft = emails.Render(text, status, culture, StatusEmails.Sample(culture), "applicant@example.com", applicantPageUrl: null);
            preview = new EmailPreview(draft.Culture, draft.Subject, draft.TextBody, isDefault);
        }

        return new TemplatePage(status, DefaultTemplates.Normalize(culture), text.Subject, text.Body, isDefault, preview, errors);
    }

    private FormErrors Validate(TemplateText text)
    {
        var errors = new FormErrors();
        if (text.Subject.Length == 0)
        {
            errors.Add("subject", localizer["Write a subject."]);
        }
        else if (text.Subject.Length > MaxSubjectLength)
        {
            errors.Add("subject", localizer["The subject can have at most 300 characters."]);
        }

        if (text.Body.Length == 0)
        {
            errors.Add("body", localizer["Write the message."]);
        }
        else if (text.Body.Length > MaxBodyLength)
        {
            errors.Add("body", localizer["The message can have at most 10,000 characters."]);
        }

        var unknown = StatusEmails.UnknownPlaceholders(text.Subject + "\n" + text.Body);
        if (unknown.Count > 0)
        {
            errors.AddGeneral(localizer["Unknown placeholder: {0}. Use {1}.", string.Join(", ", unknown), string.Join(" ", DefaultTemplates.Placeholders)]);
        }

        return errors;
    }

    private static bool IsTemplate(ApplicationStatus status, string culture) =>
        StatusPipeline.StaffTargets.Contains(status) && Cultures.IsSupported(culture);
}
