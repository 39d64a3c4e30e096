using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Notifications;

/// <summary>A composed email, ready to be queued (see <see cref="EmailWriter"/>).</summary>
public sealed record EmailDraft(
    string Kind, string ToAddress, string? ToName, string Subject, string HtmlBody, string TextBody, string Culture)
{
    public int? ApplicationId { get; init; }

    /// <summary>An address for the reader's "Reply" when it should not go to the site's own sender.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>An iCalendar invitation sent with the message (see <see cref="EmailMessage.Calendar"/>).</summary>
    public string? Calendar { get; init; }
}

public static class Outbox
{
    /// <summary>
    /// Adds the message to the outbox. It is saved by the caller's next SaveChanges, together with
    /// the change that causes it, and sent in the background after that commit.
    /// </summary>
    public static EmailMessage QueueEmail(this RecruitDbContext db, EmailDraft draft, DateTime nowUtc)
    {
        var message = new EmailMessage
        {
            Id = Guid.CreateVersion7(),
            Kind = draft.Kind,
            ToAddress = draft.ToAddress,
            ToName = draft.ToName,
            ReplyTo = draft.ReplyTo,
            Subject = draft.Subject,
            HtmlBody = draft.HtmlBody,
            TextBody = draft.TextBody,
            Calendar = draft.Calendar,
            Culture = draft.Culture,
            ApplicationId = draft.ApplicationId,
            Status = EmailStatus.Pending,
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
        };
        db.EmailMessages.Add(message);
        return message;
    }

    /// <summary>
    /// The messages queued in this context and not saved yet, for the interceptors that act on them as they
    /// are saved. Read without detecting changes: <see cref="QueueEmail"/> adds each message to the context
    /// itself, so the change tracker knows them already, while a detection scans every tracked entity (a
    /// submission's whole application) and SaveChanges makes its own after the interceptors.
    /// </summary>
    public static List<EmailMessage> QueuedEmails(this DbContext db)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. db.ChangeTracker.Entries<EmailMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
