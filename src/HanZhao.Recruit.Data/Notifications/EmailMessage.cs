namespace HanZhao.Recruit.Data.Notifications;

public enum EmailStatus
{
    /// <summary>Waiting to be sent (first try or a retry after a transient failure).</summary>
    Pending,

    /// <summary>Accepted by the SMTP server, or written to the .eml folder when no server is set.</summary>
    Sent,

    /// <summary>Refused for good (SMTP 5xx) or out of attempts; see <see cref="EmailMessage.LastError"/>.</summary>
    Failed,
}

/// <summary>
/// The outbox: every email is a row saved in the same SaveChanges as the change that causes it,
/// then sent by a background job. The row is the source of truth, so a crash or an SMTP outage
/// loses nothing, and a Sent row is never sent again.
/// </summary>
public class EmailMessage
{
    public Guid Id { get; set; }

    /// <summary>What the message is about, e.g. "SignInLink", "SubmissionReceived"; for the email log.</summary>
    public string Kind { get; set; } = string.Empty;

    public string ToAddress { get; set; } = string.Empty;

    public string? ToName { get; set; }

    /// <summary>Where an answer goes when it is not to the sender: the visitor who used the contact form, the applicant of a new application.</summary>
    public string? ReplyTo { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    /// <summary>
    /// An iCalendar invitation (RFC 5545 text with its METHOD: REQUEST or CANCEL) sent with the
    /// message as text/calendar, so calendar apps offer to add, update or remove the event; null for
    /// other emails.
    /// </summary>
    public string? Calendar { get; set; }

    /// <summary>The language the message is written in.</summary>
    public string Culture { get; set; } = "en";

    public int? ApplicationId { get; set; }

    public EmailStatus Status { get; set; } = EmailStatus.Pending;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Not before this moment (backoff after a transient failure).</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>Where it went: "smtp:host:port" or the .eml file's path.</summary>
    public string? SentTo { get; set; }
}
