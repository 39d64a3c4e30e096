using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.Decisions;

/// <summary>An application as a decision needs it.</summary>
public sealed record DecisionTarget(
    int Id, string? ReferenceNumber, string FullName, string? Email, string Culture, StudyPrograms Program, string IntakeCode, ApplicationStatus Status)
{
    public string Label => ReferenceNumber ?? $"#{Id}";

    public EmailValues EmailValues => new(string.IsNullOrWhiteSpace(FullName) ? Email ?? "" : FullName, Label, Program, IntakeCode);
}

/// <summary>The outcome for one application: changed, or refused and why.</summary>
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
public sealed class DecisionService(RecruitDbContext db, TimeProvider clock, StatusEmails emails)
{
    public Task<DecisionTarget?> FindAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken) =>
        Targets(user, [id]).SingleOrDefaultAsync(cancellationToken);

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

    /// <summary>Moves one application; <paramref name="applicantPageUrl"/> is the absolute /applicant address for the email.</summary>
    public async Task<DecisionResult> ChangeAsync(
        ClaimsPrincipal user, int id, ApplicationStatus to, bool sendEmail, string applicantPageUrl, CancellationToken cancellationToken)
    {
        var application = await FindAsync(user, id, cancellationToken);
        if (application is null)
        {
            return new DecisionResult(id, null, to, Refusal.NotFound);
        }

        var refusal = StatusPipeline.Check(application.Status, to);
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

            db.Record(user, "StatusChange", $"Application {id}",
                $"{application.Label}: {application.Status} → {to}; " + (email is null ? "no email" : $"email \"{email.Subject}\" ({email.Culture})"), now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

        return changed
            ? new DecisionResult(id, application with { Status = to }, to, Refusal.None, email is not null)
            : new DecisionResult(id, await FindAsync(user, id, cancellationToken) ?? application, to, Refusal.Conflict);
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
            else if (StatusPipeline.Check(application.Status, to) is var refusal && refusal != Refusal.None)
            {
                refused.Add(new DecisionResult(id, application, to, refusal));
            }
            else
            {
                changing.Add(application);
            }
        }

        // One preview per language the emails will be written in, filled for the first such applicant.
        var previews = new List<EmailPreview>();
        foreach (var first in changing.GroupBy(a => DefaultTemplates.Normalize(a.Culture)).Select(g => g.First()))
        {
            if (await PreviewAsync(first, to, cancellationToken) is { } preview)
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
    public async Task<IReadOnlyList<DecisionResult>> ChangeManyAsync(
        ClaimsPrincipal user, IReadOnlyList<int> ids, ApplicationStatus to, bool sendEmail, string applicantPageUrl, CancellationToken cancellationToken)
    {
        var results = new List<DecisionResult>();
        foreach (var id in ids)
        {
            results.Add(await ChangeAsync(user, id, to, sendEmail, applicantPageUrl, cancellationToken));
        }

        return results;
    }

    private IQueryable<DecisionTarget> Targets(ClaimsPrincipal user, IReadOnlyCollection<int> ids) =>
        db.VisibleTo(user).AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new DecisionTarget(
                a.Id, a.ReferenceNumber, a.FullName, a.Applicant!.Email, a.Culture, a.Program, a.Intake!.Code, a.Status));
}
