using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Notifications;

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
}
