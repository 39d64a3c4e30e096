namespace HanZhao.Recruit.Web.Notifications;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP, never upgraded: a relay or mail catcher on the same host or network (port 25, Mailpit's 1025).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, required (a mail provider's submission port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (a mail provider's port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// The <c>Smtp</c> configuration section. Without <see cref="Host"/> no mail leaves the machine:
/// every message is written as an .eml file to <c>{Recruit:DataPath}/mail/</c> and counts as sent.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>
    /// None by default, matching port 25 and the local relay or mail catcher that usually sits there;
    /// set StartTls (587) or SslOnConnect (465) for a provider, above all when a password is sent.
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    /// <summary>When set, the client authenticates with it and <see cref="Password"/>.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The sender's address. Unset: <c>noreply@</c> the site's host (<c>Recruit:PublicUrl</c>, else the
    /// address it listens on), so mail comes from the site's own domain (a relay may refuse a sender
    /// whose domain is not its own). The Message-Id is made in the same domain.
    /// </summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "Han Zhao 赵涵";

    /// <summary>
    /// How long each SMTP step (connect, a command, the message's data) may take, in seconds: 120 by
    /// default, 5 to 240. A step that times out is retried later, and when it was the answer to the
    /// message's data that was late, the server may already have taken the message: a copy is sent
    /// twice. RFC 5321 lets a server take up to 10 minutes there, so a short timeout on a slow relay (or
    /// a busy machine) turns into duplicates. Kept under the outbox's lease (OutboxDispatcher.Lease),
    /// so no other worker claims a message while its send may still be answered.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(5, 240)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>The sender's address: <see cref="From"/>, else <c>noreply@</c><paramref name="siteHost"/>.</summary>
    public string SenderAddress(string siteHost) => !string.IsNullOrWhiteSpace(From) ? From.Trim() : "noreply@" + siteHost;
}
