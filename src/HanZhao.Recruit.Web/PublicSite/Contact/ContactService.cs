using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.PublicSite.Contact;

/// <summary>
/// Sends a visitor's message to the professor through the outbox. Everything the visitor typed is
/// validated here and encoded by <see cref="EmailWriter"/>, and stays in the body: the subject is
/// ours (<see cref="Subject"/>).
/// </summary>
public sealed class ContactService(
    RecruitDbContext db,
    IOptions<RecruitOptions> recruit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer,
    ILogger<ContactService> logger)
{
    public const int MaxNameLength = 100;
    public const int MinMessageLength = 10;
    public const int MaxMessageLength = 5000;

    /// <summary>
    /// The key of the message shown above the form when nothing can be delivered now: the form was
    /// fine, the site cannot take it (503), unlike a message beside a field (400).
    /// </summary>
    public const string DeliveryField = "delivery";

    /// <summary>
    /// Nothing the visitor typed: a name like "=?utf-8?q?Eve=0D=0ABcc:...?=" is an RFC 2047 encoded word
    /// that mail clients decode into a second header line. The name is in the body.
    /// </summary>
    public const string Subject = "Message from the website's contact form";

    /// <summary>
    /// Queues the message, or refuses it with a message per field (or <see cref="DeliveryField"/>).
    /// A bot that filled the honeypot is told it was done, like a person, but nothing is queued.
    /// </summary>
    public async Task<Outcome> SendAsync(ContactForm form, CancellationToken cancellationToken)
    {
        // Checked before anything else so a bot learns nothing from validation messages either.
        if (!string.IsNullOrEmpty(form.Website))
        {
            logger.LogInformation("Contact message ignored: the honeypot field was filled.");
            return Outcome.Done();
        }

        var errors = Validate(form);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var professor = await ProfessorAddress.FindAsync(db, recruit.Value, cancellationToken);
        if (professor is null)
        {
            logger.LogError("A contact message could not be queued: no professor address (Recruit:ProfessorEmail or a professor account).");
            // The form comes back with what they typed, so the visitor can keep it and try later.
            return Outcome.Invalid(DeliveryField, localizer["Messages cannot be delivered right now. Your message was not sent; please try again later."]);
        }

        var name = form.Name!.Trim();
        var email = EmailAddresses.Check(form.Email).Address!;
        var message = Normalize(form.Message!);
        db.QueueEmail(WriteEmail(professor, await ProfessorAddress.CultureAsync(db, cancellationToken), name, email, message), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    /// <summary>A localized message beside each field that is not acceptable.</summary>
    private FormErrors Validate(ContactForm form)
    {
        var errors = new FormErrors();
        void Check(string field, string? key)
        {
            if (key is not null)
            {
                errors.Add(field, localizer[key]);
            }
        }

        Check("name", ValidateName(form.Name));
        Check("email", EmailAddresses.Check(form.Email).Problem);
        Check("message", ValidateMessage(form.Message));
        return errors;
    }

    /// <summary>An English key for the localizer, or null when the name is acceptable.</summary>
    public static string? ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Enter your name.";
        }

        // CR/LF (and the Unicode line separators) would break the subject line into extra headers.
        if (name.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            return "Enter your name on one line, without special characters.";
        }

        return name.Trim().Length > MaxNameLength ? "Your name can have at most 100 characters." : null;
    }

    /// <summary>An English key for the localizer, or null when the message is acceptable.</summary>
    public static string? ValidateMessage(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "Write your message.";
        }

        var length = Normalize(message).Length;
        return length switch
        {
            < MinMessageLength => "Your message must have at least 10 characters.",
            > MaxMessageLength => "Your message can have at most 5,000 characters.",
            _ => null,
        };
    }

    // Browsers send CRLF; a line break counts as one character, as in the text box.
    private static string Normalize(string message) => message.ReplaceLineEndings("\n").Trim();

    /// <summary>In English: it is written for the professor, not in the visitor's language.</summary>
    /// <summary>In the professor's language, whatever the visitor's: the professor reads it.</summary>
    private EmailDraft WriteEmail(string professor, string culture, string name, string email, string message)
    {
        using var _ = CultureScope.Use(culture);
        return new EmailWriter(culture)
            .Heading(localizer[Subject])
            .Facts([(localizer["Name"], name), (localizer["Email"], email)])
            .Paragraph(message)
            .Paragraph(localizer["To answer, reply to this email (it goes to {0}).", email])
            .Build(EmailCatalogue.ContactMessage, professor, null, localizer[Subject],
                localizer["Sent from the contact form of Han Zhao's website. The sender's address was not verified."])
            with { ReplyTo = email };
    }
}
