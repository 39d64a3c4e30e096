using System.Globalization;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Review.Applications;
using HanZhao.Recruit.Web.Review.Dashboard;
using HanZhao.Recruit.Web.Review.Decisions;
using HanZhao.Recruit.Web.Review.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Toolbar;

/// <summary>
/// What the list's toolbar does with a selection: works out the ids ("all matching" is the list's
/// own query, re-read and capped at <see cref="Selection.Max"/>), tags them, and writes the free-text
/// email (one <see cref="EmailCatalogue.Message"/> per applicant, through the outbox, once per
/// preview). Status changes, assignment, the CSV and the ZIP are the existing services', reached with
/// the same ids.
/// </summary>
public sealed class SelectionActions(
    RecruitDbContext db,
    TimeProvider clock,
    ReviewDashboard dashboard,
    ApplicationReview review,
    StatusEmails emails,
    DatabaseLimits limits,
    IStringLocalizer<SharedResource> localizer)
{
    private const string SendScope = "toolbar-email";

    /// <summary>The ids the toolbar acts on, or why there are none (the selection's own reason).</summary>
    public async Task<Selection> ResolveAsync(ClaimsPrincipal user, ToolbarRequest request, CancellationToken cancellationToken)
    {
        if (!request.AllMatching)
        {
            return request.Selection;
        }

        var ids = (await dashboard.ListWindowAsync(user, QueryText.Read<DashboardQuery>(request.Back), wholeList: true, cancellationToken)).Ids;
        return ids.Count == 0 ? new Selection([], Selection.Empty)
            : ids.Count > Selection.Max ? new Selection([], Selection.TooMany)
            : new Selection(ids, null);
    }

    /// <summary>Adds the tag to each selected application (the professor's, as one tag); done with how many now carry it.</summary>
    public async Task<Outcome<int>> TagAsync(ClaimsPrincipal user, IReadOnlyList<int> ids, string? tag, CancellationToken cancellationToken)
    {
        if (!ReviewRules.IsValidTag(tag?.Trim() ?? string.Empty))
        {
            return Outcome.Invalid("tag", localizer["A tag has 1 to 40 characters: letters, digits, spaces or hyphens."]);
        }

        var tagged = 0;
        foreach (var id in ids)
        {
            var outcome = await review.ChangeTagAsync(user, id, tag, remove: false, cancellationToken);
            tagged += outcome.IsDone ? 1 : 0;
        }

        return Outcome.Done(tagged);
    }

    /// <summary>The email form, or its preview (one per language the applicants wrote in) when subject and body are valid.</summary>
    public async Task<MessagePage> PreviewAsync(ClaimsPrincipal user, MessageForm form, CancellationToken cancellationToken)
    {
        var ids = Ids(form.Ids);
        var targets = await TargetsAsync(user, ids, cancellationToken);
        var errors = Validate(form, ids.Count > 0);
        var skipped = Skipped(ids, targets);
        if (errors.Any || (form.Subject is null && form.Body is null))
        {
            return new MessagePage(form, targets.Count(t => t.Email is not null), skipped, [], errors);
        }

        var previews = targets.Where(t => t.Email is not null).GroupBy(t => DefaultTemplates.Normalize(t.Culture)).Select(g => g.First())
            .Select(first => Draft(form, first, applicantPageUrl: null))
            .Select(d => new EmailPreview(d.Culture, d.Subject, d.TextBody, IsDefaultTemplate: true)).ToList();
        form.Token ??= Guid.NewGuid().ToString("N");
        return new MessagePage(form, targets.Count(t => t.Email is not null), skipped, previews, errors);
    }

    /// <summary>
    /// Queues one email per visible applicant with an address, all in one SaveChanges; a second send with
    /// the same preview's token (a double click, a retried post) queues nothing.
    /// </summary>
    public async Task<Outcome<MessageReport>> SendAsync(ClaimsPrincipal user, MessageForm form, string applicantPageUrl, CancellationToken cancellationToken)
    {
        var ids = Ids(form.Ids);
        var errors = Validate(form, ids.Count > 0);
        if (!Guid.TryParseExact(form.Token, "N", out _))
        {
            errors.AddGeneral(localizer["Preview the email before sending it."]);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors, new MessageReport(0, [], false));
        }

        var targets = await TargetsAsync(user, ids, cancellationToken);
        var skipped = Skipped(ids, targets);
        if (!await limits.TryTakeAsync(SendScope, form.Token!, 1, TimeSpan.FromDays(1), cancellationToken))
        {
            return Outcome.Done(new MessageReport(0, skipped, AlreadySent: true));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var recipients = targets.Where(t => t.Email is not null).ToList();
        foreach (var target in recipients)
        {
            db.QueueEmail(Draft(form, target, applicantPageUrl) with { ApplicationId = target.Id }, now);
            db.Record(user, "Message", $"Application {target.Id}", $"{target.Label}: email \"{form.Subject!.Trim()}\"", now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(new MessageReport(recipients.Count, skipped, AlreadySent: false));
    }

    private EmailDraft Draft(MessageForm form, DecisionTarget target, string? applicantPageUrl)
    {
        var written = emails.Write(new TemplateText(form.Subject!.Trim(), form.Body!.Trim()), target.Culture, target.EmailValues, applicantPageUrl, []);
        return written.Writer.Build(EmailCatalogue.Message, target.Email!, written.ToName, written.Subject, written.Footer);
    }

    private FormErrors Validate(MessageForm form, bool hasIds)
    {
        var errors = new FormErrors();
        if (!hasIds)
        {
            errors.AddGeneral(localizer[Selection.Empty]);
        }

        // Nothing typed yet is the empty form, not a mistake.
        if (form.Subject is null && form.Body is null)
        {
            return errors;
        }

        var subject = form.Subject?.Trim() ?? string.Empty;
        var body = form.Body?.Trim() ?? string.Empty;
        if (subject.Length == 0 || subject.Length > MessageForm.MaxSubjectLength)
        {
            errors.Add("subject", localizer["A subject has 1 to {0} characters.", MessageForm.MaxSubjectLength]);
        }

        if (body.Length == 0 || body.Length > MessageForm.MaxBodyLength)
        {
            errors.Add("body", localizer["The message has 1 to {0} characters.", MessageForm.MaxBodyLength]);
        }

        foreach (var unknown in StatusEmails.UnknownPlaceholders(subject + "\n" + body))
        {
            errors.Add(subject.Contains(unknown, StringComparison.Ordinal) ? "subject" : "body", localizer["{0} is not a placeholder.", unknown]);
        }

        return errors;
    }

    /// <summary>The posted ids ("1,2,3"), read as the selection reads them; anything wrong with them is no ids at all.</summary>
    private static IReadOnlyList<int> Ids(string? text) =>
        QueryText.Read<Selection>("ids=" + Uri.EscapeDataString(text ?? string.Empty)) is { IsUsable: true } selection ? selection.Ids : [];

    private async Task<List<DecisionTarget>> TargetsAsync(ClaimsPrincipal user, IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        await db.VisibleTo(user).AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new DecisionTarget(a.Id, a.ReferenceNumber, a.FullName, a.Applicant!.Email, a.Culture, a.Program, a.Intake!.Code, a.Status))
            .ToListAsync(cancellationToken);

    /// <summary>Who gets nothing, by reference: ids that are not (visible) applications, and applicants without an address.</summary>
    private static List<string> Skipped(IReadOnlyList<int> ids, List<DecisionTarget> targets) =>
    [
        .. ids.Where(id => targets.All(t => t.Id != id)).Select(id => "#" + id.ToString(CultureInfo.InvariantCulture)),
        .. targets.Where(t => t.Email is null).Select(t => t.Label),
    ];
}
