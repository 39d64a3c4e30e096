using System.Globalization;
using System.Runtime.ExceptionServices;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HanZhao.Recruit.Web.Notifications;

/// <summary>
/// Turns outbox rows into MIME messages and delivers them: over SMTP when <c>Smtp:Host</c> is set,
/// otherwise as .eml files in <c>{Recruit:DataPath}/mail/</c>, so a site without a mail server
/// still keeps every message.
/// </summary>
public sealed partial class EmailSender(
    IOptions<SmtpOptions> smtp, IOptions<RecruitOptions> recruit, SiteAddress site, IHostEnvironment environment, ILogger<EmailSender> logger)
{
    /// <summary>A batch sends all its messages over one SMTP connection, opened by the first send.</summary>
    public EmailBatch StartBatch() =>
        string.IsNullOrWhiteSpace(smtp.Value.Host)
            ? new EmailBatch(this, smtp: null, Path.Combine(recruit.Value.ResolveDataPath(environment.ContentRootPath), "mail"))
            : new EmailBatch(this, smtp.Value, dropFolder: null);

    /// <summary>
    /// Text and HTML as alternatives. Names and subjects go through MimeKit, which encodes them, so
    /// a line break in a name cannot start a header of its own. The sender and the Message-Id are in
    /// the site's domain (<see cref="SmtpOptions.SenderAddress"/>).
    /// </summary>
    public MimeMessage Compose(EmailMessage row)
    {
        var options = smtp.Value;
        var from = new MailboxAddress(options.FromName, options.SenderAddress(site.Host));
        var message = new MimeMessage
        {
            Subject = Subject(row.Subject),
            Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAtUtc, DateTimeKind.Utc)),
            // Derived from the row: a message sent twice (a crash between send and save) carries the
            // same Message-Id, so mail clients fold the copies and tests can count them.
            MessageId = $"{row.Id:N}@{from.Domain}",
            Body = Body(row),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(row.ToName ?? string.Empty, row.ToAddress));
        if (!string.IsNullOrEmpty(row.ReplyTo))
        {
            message.ReplyTo.Add(new MailboxAddress(string.Empty, row.ReplyTo));
        }

        // A Content-* header belongs to the entity it describes: here the whole alternative body.
        message.Body.Headers.Add(HeaderId.ContentLanguage, row.Culture);
        // Plain ASCII on the wire: each body part quoted-printable or base64 (MimeKit picks the shorter),
        // headers encoded, lines short. Any relay carries it unchanged, 8BITMIME or not, and the .eml
        // files are the same bytes an SMTP server would get.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>
    /// Text and HTML as alternatives; with a calendar invitation, the invitation as a third
    /// alternative (text/calendar with its METHOD, which Outlook and Gmail read to show "Accept" or
    /// remove the event) and again as an invite.ics attachment for mail programs that only offer files.
    /// </summary>
    private static MimeEntity Body(EmailMessage row)
    {
        if (row.Calendar is not { } calendar)
        {
            return new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody();
        }

        var invitation = new TextPart("calendar") { Text = calendar };
        invitation.ContentType.Charset = "utf-8";
        invitation.ContentType.Parameters.Add("method", MethodOf(calendar));
        var file = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(calendar))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
        return new Multipart("mixed")
        {
            new MultipartAlternative { new TextPart("plain") { Text = row.TextBody }, new TextPart("html") { Text = row.HtmlBody }, invitation },
            file,
        };
    }

    /// <summary>The METHOD of a calendar text (REQUEST when it names none, as RFC 5546's default use).</summary>
    private static string MethodOf(string calendar) =>
        calendar.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("METHOD:", StringComparison.Ordinal))?["METHOD:".Length..]
        ?? "REQUEST";

    /// <summary>Without a mail server the .eml file is the only trace an operator sees: say where each one went.</summary>
    internal void Written(EmailMessage row, string path) => LogWritten(logger, row.Kind, row.ToAddress, path);

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP host is set: email {Kind} to {To} written to {Path}")]
    private static partial void LogWritten(ILogger logger, string kind, string to, string path);

    /// <summary>
    /// The subject as it goes on the wire. MimeKit writes ASCII text as it is, so a subject typed as
    /// "=?utf-8?q?Eve=0D=0ABcc:…?=" would be decoded by mail clients into a second header line. Such a
    /// subject is sent as encoded words of its own, which decode back to exactly the text written.
    /// </summary>
    internal static string Subject(string subject)
    {
        if (!subject.Contains("=?", StringComparison.Ordinal))
        {
            return subject;
        }

        // At most 45 bytes per word: 60 characters of base64, 72 with "=?utf-8?b?" and "?=" (RFC 2047 allows 75).
        var words = new List<string>();
        var chunk = new System.Text.StringBuilder();
        foreach (var rune in subject.EnumerateRunes())
        {
            if (System.Text.Encoding.UTF8.GetByteCount(chunk.ToString()) + rune.Utf8SequenceLength > 45)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
            }

            chunk.Append(rune.ToString());
        }

        words.Add(Word(chunk.ToString()));
        return string.Join(" ", words);

        static string Word(string text) => $"=?utf-8?b?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))}?=";
    }

    internal static string FileName(EmailMessage row) =>
        row.CreatedAtUtc.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + $"-{row.Id:N}.eml";
}

/// <summary>One connection's worth of sending; dispose it to say QUIT.</summary>
public sealed class EmailBatch : IAsyncDisposable
{
    private readonly EmailSender _sender;
    private readonly SmtpOptions? _smtp;
    private readonly string? _dropFolder;
    private SmtpClient? _client;
    private Exception? _connectError;

    internal EmailBatch(EmailSender sender, SmtpOptions? smtp, string? dropFolder)
    {
        _sender = sender;
        _smtp = smtp;
        _dropFolder = dropFolder;
    }

    /// <summary>The row as a MIME message: no I/O, so it can be done while another message is on the wire.</summary>
    /// <exception cref="FormatException">The row cannot become a message (a malformed address); retrying will not help.</exception>
    public MimeMessage Compose(EmailMessage row)
    {
        try
        {
            return _sender.Compose(row);
        }
        catch (ParseException error)
        {
            throw new FormatException($"Cannot compose the message: {error.Message}", error);
        }
    }

    /// <summary>Delivers the row's composed message and returns where it went (for <see cref="EmailMessage.SentTo"/>).</summary>
    public async Task<string> SendAsync(EmailMessage row, MimeMessage message, CancellationToken cancellationToken) =>
        _smtp is null
            ? await WriteFileAsync(message, row, cancellationToken)
            : await SendSmtpAsync(message, _smtp, cancellationToken);

    private async Task<string> SendSmtpAsync(MimeMessage message, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = await ConnectAsync(smtp, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        return $"smtp:{smtp.Host}:{smtp.Port}";
    }

    private async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        // A server that refused once is not asked again for every message of the batch.
        if (_connectError is not null)
        {
            ExceptionDispatchInfo.Throw(_connectError);
        }

        if (_client is { IsConnected: true })
        {
            return _client;
        }

        // Not connected any more: first send, or the server dropped us mid-batch.
        _client?.Dispose();
        _client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await _client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security switch
            {
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await _client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _connectError = error;
            throw;
        }

        return _client;
    }

    private async Task<string> WriteFileAsync(MimeMessage message, EmailMessage row, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_dropFolder!);
        // Named after the row, so a second write replaces the first; written aside, then moved, so
        // nobody opens half a message.
        var path = Path.Combine(_dropFolder!, EmailSender.FileName(row));
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        _sender.Written(row, path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception error) when (error is IOException or MailKit.ProtocolException or MailKit.CommandException)
        {
            // Every message's outcome is already saved; a failed QUIT changes none of them.
        }
        finally
        {
            _client.Dispose();
        }
    }
}
