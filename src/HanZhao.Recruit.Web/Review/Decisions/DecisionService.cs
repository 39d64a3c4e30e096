using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Review.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Decisions;

/// <summary>An application as a decision needs it.</summary>
public sealed record DecisionTarget(
    int Id, string? ReferenceNumber, string FullName, string? Email, string Culture, StudyPrograms Program, string IntakeCode, ApplicationStatus Status)
{
    public string Label => ReferenceNumber ?? $"#{Id}";

    public EmailValues EmailValues => new(string.IsNullOrWhiteSpace(FullName) ? Email ?? "" : FullName, Label, Program, IntakeCode);
}

/// <summary>
/// What became of one application: changed, or refused and why (<see cref="DecisionText"/> words
/// the reason). A single change arrives inside an <see cref="Outcome{T}"/>; a bulk change lists one per application.
/// </summary>
public sealed record DecisionResult(int Id, DecisionTarget? Application, ApplicationStatus To, Refusal Refusal, bool EmailQueued = false)
{
    public bool Changed => Refusal == Refusal.None;
}

/// <summary>The email an application would receive, for a preview.</summary>
public sealed record EmailPreview(string Culture, string Subject, string TextBody, bool IsDefaultTemplate);

/// <summary>What a bulk change would do: who changes, who is refused and why, and the emails.</summary>
public sealed record BulkPlan(
    ApplicationStatus To, IReadOnlyList<DecisionTarget> Changing, IReadOnlyList<DecisionResult> Refused, IReadOnlyList<EmailPreview> Emails);

/// <summary>
/// Moves applications along <see cref="StatusPipeline"/>: the status is claimed with a conditional
/// update, the history row, the email and the audit entry are saved with it in one transaction, so a
/// change never goes out without its email nor an email without its change.
/// </summary>
public sealed class DecisionService(RecruitDbContext db, TimeProvider clock, StatusEmails emails, IStringLocalizer<SharedResource> localizer)
{
    public Task<DecisionTarget?> FindAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken) =>
        Targets(user, [id]).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The status page: the allowed next statuses and, once one is chosen, its email. Choosing a
    /// status the application cannot move to is refused (the refusal page), before anything is posted.
    /// </summary>
    public async Task<Outcome<StatusPage>> GetStatusPageAsync(ClaimsPrincipal user, int id, StatusQuery query, CancellationToken cancellationToken)
    {
        if (await FindAsync(user, id, cancellationToken) is not { } application)
        {
            return Outcome.NotFound();
        }

        if (query.To is { } chosen && StatusPipeline.Check(application.Status, chosen) is var refusal && refusal != Refusal.None)
        {
            var refused = new DecisionResult(id, application, chosen, refusal);
            var errors = Errors(refused);
            return Outcome.Invalid(errors, StatusPage.Refusing(refused, errors));
        }

        var preview = query.To is { } next ? await PreviewAsync(application, next, cancellationToken) : null;
        return Outcome.Done(new StatusPage(application, StatusPipeline.AllowedFrom(application.Status), query.To, preview)
        {
            JustChanged = query.Changed,
            JustEmailed = query.Emailed,
        });
    }

    /// <summary>The bulk page: the selection, and once a status is chosen, what applying it would do.</summary>
    public async Task<BulkPage> GetBulkPageAsync(ClaimsPrincipal user, BulkRequest request, CancellationToken cancellationToken)
    {
        var selection = request.Selection;
        var plan = request.Status is { } to && !selection.IsEmpty ? await PlanAsync(user, selection.Ids, to, cancellationToken) : null;
        return new BulkPage(selection.ToString(), selection.Ids.Count, request.Status, plan);
    }

    /// <summary>The email the application would receive on moving to <paramref name="to"/>.</summary>
    public async Task<EmailPreview?> PreviewAsync(DecisionTarget application, ApplicationStatus to, CancellationToken cancellationToken)
    {
        if (await emails.FindAsync(to, application.Culture, cancellationToken) is not { } template)
        {
            return null;
        }

        var draft = emails.Render(template.Text, to, application.Culture, application.EmailValues, application.Email ?? "", applicantPageUrl: null);
        return new EmailPreview(draft.Culture, draft.Subject, draft.TextBody, template.IsDefault);
    }

    /// <summary>
    /// Moves one application; <paramref name="applicantPageUrl"/> is the absolute /applicant address for
    /// the email. Refused (with the result, for the refusal page) when the pipeline does not allow it,
    /// the applicant has no address for the email, or someone changed it meanwhile.
    /// </summary>
    public async Task<Outcome<DecisionResult>> ChangeAsync(
        ClaimsPrincipal user, int id, ApplicationStatus to, bool sendEmail, string applicantPageUrl, CancellationToken cancellationToken)
    {
        var result = await DecideAsync(user, id, to, sendEmail, applicantPageUrl, StatusPipeline.Check, cancellationToken);
        return result.Refusal switch
        {
            Refusal.None => Outcome.Done(result),
            Refusal.NotFound => Outcome.NotFound(),
            _ => Outcome.Invalid(Errors(result), result),
        };
    }

    /// <summary>What moving the selection to <paramref name="to"/> would do; nothing is changed.</summary>
    public async Task<BulkPlan> PlanAsync(ClaimsPrincipal user, IReadOnlyList<int> ids, ApplicationStatus to, CancellationToken cancellationToken)
    {
        var found = await Targets(user, ids).ToDictionaryAsync(a => a.Id, cancellationToken);
        var changing = new List<DecisionTarget>();
        var refused = new List<DecisionResult>();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var application))
            {
                refused.Add(new DecisionResult(id, null, to, Refusal.NotFound));
            }
            else if (StatusPipeline.CheckBulk(application.Status, to) is var refusal && refusal != Refusal.None)
            {
                refused.Add(new DecisionResult(id, application, to, refusal));
            }
            else
            {
                changing.Add(application);
            }
        }

        // Both languages, each filled for its first applicant (or the first of all when nobody wrote in
        // it), so the professor reads the words of both templates before confirming.
        var previews = new List<EmailPreview>();
        foreach (var culture in (string[])[Cultures.English, Cultures.Chinese])
        {
            var first = changing.FirstOrDefault(a => DefaultTemplates.Normalize(a.Culture) == culture) ?? changing.FirstOrDefault();
            if (first is not null && await PreviewAsync(first with { Culture = culture }, to, cancellationToken) is { } preview)
            {
                previews.Add(preview);
            }
        }

        return new BulkPlan(to, changing, refused, previews);
    }

    /// <summary>
    /// Moves each selected application that may move, each in its own transaction (one refusal or
    /// conflict does not undo the others), and reports every one.
    /// </summary>
    public async Task<BulkReport> ChangeManyAsync(
        ClaimsPrincipal user, IReadOnlyList<int> ids, ApplicationStatus to, bool sendEmail, string applicantPageUrl, CancellationToken cancellationToken)
    {
        var results = new List<DecisionResult>();
        foreach (var id in ids)
        {
            results.Add(await DecideAsync(user, id, to, sendEmail, applicantPageUrl, StatusPipeline.CheckBulk, cancellationToken));
        }

        return new BulkReport(to, results);
    }

    /// <summary>
    /// One application's change, done or refused with the reason (a bulk change reports each one);
    /// <paramref name="rule"/> is the pipeline's rule for one change or for bulk.
    /// </summary>
    private async Task<DecisionResult> DecideAsync(
        ClaimsPrincipal user,
        int id,
        ApplicationStatus to,
        bool sendEmail,
        string applicantPageUrl,
        Func<ApplicationStatus, ApplicationStatus, Refusal> rule,
        CancellationToken cancellationToken)
    {
        var application = await FindAsync(user, id, cancellationToken);
        if (application is null)
        {
            return new DecisionResult(id, null, to, Refusal.NotFound);
        }

        var refusal = rule(application.Status, to);
        if (refusal != Refusal.None)
        {
            return new DecisionResult(id, application, to, refusal);
        }

        EmailDraft? email = null;
        if (sendEmail)
        {
            if (string.IsNullOrEmpty(application.Email))
            {
                return new DecisionResult(id, application, to, Refusal.NoEmailAddress);
            }

            var template = await emails.FindAsync(to, application.Culture, cancellationToken);
            email = template is { } found
                ? emails.Render(found.Text, to, application.Culture, application.EmailValues, application.Email, applicantPageUrl) with { ApplicationId = id }
                : null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changedBy = user.FindFirstValue(ClaimTypes.NameIdentifier);
        // SQL Server retries transient failures; a retried block must start from a clean change tracker.
        var strategy = db.Database.CreateExecutionStrategy();
        var changed = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // "Still what we checked": a double click, a second tab or the applicant withdrawing at the
            // same moment finds nothing to update instead of skipping a step or overwriting it.
            var claimed = await db.Applications
                .Where(a => a.Id == id && a.Status == application.Status)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.Status, to)
                    .SetProperty(a => a.UpdatedAtUtc, now), ct);
            if (claimed == 0)
            {
                return false;
            }

            db.ApplicationStatusChanges.Add(new ApplicationStatusChange
            {
                ApplicationId = id,
                From = application.Status,
                To = to,
                ChangedAtUtc = now,
                ChangedByUserId = changedBy,
            });
            if (email is not null)
            {
                db.QueueEmail(email, now);
            }

            db.Record(user, AuditActions.StatusChangedTo(to), $"Application {id}",
                $"{application.Label}: {application.Status} → {to}; " + (email is null ? "no email" : $"email \"{email.Subject}\" ({email.Culture})"), now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

        return changed
            ? new DecisionResult(id, application with { Status = to }, to, Refusal.None, email is not null)
            : new DecisionResult(id, await FindAsync(user, id, cancellationToken) ?? application, to, Refusal.Conflict);
    }

    private FormErrors Errors(DecisionResult refused) => FormErrors.Of("to", DecisionText.Refusal(refused, localizer));

    private IQueryable<DecisionTarget> Targets(ClaimsPrincipal user, IReadOnlyCollection<int> ids) =>
        db.VisibleTo(user).AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new DecisionTarget(
                a.Id, a.ReferenceNumber, a.FullName, a.Applicant!.Email, a.Culture, a.Program, a.Intake!.Code, a.Status));
}
