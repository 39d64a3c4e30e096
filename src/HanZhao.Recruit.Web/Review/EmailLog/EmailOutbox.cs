using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.EmailLog;

/// <summary>
/// The outbox as the professor sees it: the rows newest first, 100 a page, filtered by status, and a
/// resend for a message that failed for good. The bodies are never loaded for the list.
/// </summary>
public sealed class EmailOutbox(RecruitDbContext db, TimeProvider time)
{
    public const int PageSize = 100;

    public async Task<EmailLogPage> GetPageAsync(EmailLogQuery query, CancellationToken cancellationToken)
    {
        IQueryable<EmailMessage> messages = db.EmailMessages.AsNoTracking();
        if (query.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        // The bodies are never loaded for the list: the projection comes before the paging.
        var rows = messages
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Select(m => new EmailLogRow(
                m.Id, m.CreatedAtUtc, m.Kind, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.LastError, m.SentAtUtc));
        return new EmailLogPage { Query = query, Shown = await LogPages.ReadAsync(rows, query.Page, PageSize, cancellationToken) };
    }

    /// <summary>
    /// Queues a failed message again from scratch; the sweeper sends it within a minute. Only a failed
    /// message is sent again: the page offers nothing else, so the refusal carries no message.
    /// </summary>
    public async Task<Outcome> ResendAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var message = await db.EmailMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return Outcome.NotFound();
        }

        if (message.Status != EmailStatus.Failed)
        {
            return Outcome.Invalid(new FormErrors());
        }

        var now = time.GetUtcNow().UtcDateTime;
        message.Status = EmailStatus.Pending;
        message.Attempts = 0;
        message.LastError = null;
        message.NextAttemptAtUtc = now;
        db.Record(user, "Email", message.Id.ToString(), "Resend", now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }
}
