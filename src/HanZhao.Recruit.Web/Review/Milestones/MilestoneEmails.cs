using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Review.Decisions;
using HanZhao.Recruit.Web.Review.Templates;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Milestones;

/// <summary>
/// The emails of the official milestones: the step's templated email to the applicant, in their
/// language (the built-in texts of <see cref="MilestoneTemplates"/>, written out like the status
/// emails), and the professor's alert when an applicant records a step of their own.
/// </summary>
public sealed class MilestoneEmails(StatusEmails writer, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The step's email to the applicant; <paramref name="applicantPageUrl"/> is the absolute /applicant address (null in previews).</summary>
    public EmailDraft ToApplicant(
        MilestoneApplication application, MilestoneKind kind, DateOnly occurredOn, DateTime? respondByUtc, string toAddress, string? applicantPageUrl)
    {
        var values = new EmailValues(string.IsNullOrWhiteSpace(application.FullName) ? toAddress : application.FullName, application.Label, application.Program, application.IntakeCode)
        {
            Date = Day(occurredOn),
            Deadline = respondByUtc is { } deadline ? Moment(deadline) : null,
        };
        var written = Write(MilestoneTemplates.For(kind, application.Culture), application.Culture, values, applicantPageUrl);
        return written.Writer.Build(EmailCatalogue.ForMilestone(kind), toAddress, written.ToName, written.Subject, written.Footer)
            with { ApplicationId = application.Id };
    }

    /// <summary>The built-in email of a step as a sample applicant would receive it, for the template pages.</summary>
    public EmailPreview Preview(MilestoneKind kind, string culture, DateTime nowUtc)
    {
        var sample = StatusEmails.Sample(culture);
        var today = ShanghaiTime.Today(nowUtc);
        var values = sample with { Date = Day(today), Deadline = kind == MilestoneKind.PendingAdmission ? Moment(nowUtc.AddDays(7)) : null };
        var written = Write(MilestoneTemplates.For(kind, culture), culture, values, applicantPageUrl: null);
        var draft = written.Writer.Build(EmailCatalogue.ForMilestone(kind), "applicant@example.com", written.ToName, written.Subject, written.Footer);
        return new EmailPreview(draft.Culture, draft.Subject, draft.TextBody, IsDefaultTemplate: true);
    }

    /// <summary>Tells the professor (in the professor's language, like the other alerts) what an applicant recorded; Reply-To the applicant.</summary>
    public EmailDraft ToProfessor(
        MilestoneApplication application, MilestoneKind kind, DateOnly occurredOn, string? note, string professorAddress, string culture, string reviewUrl)
    {
        using var scope = CultureScope.Use(culture);
        var name = string.IsNullOrWhiteSpace(application.FullName) ? application.Email ?? application.Label : application.FullName;
        var step = MilestoneText.Name(kind, localizer);
        var writer = new EmailWriter(culture)
            .Heading($"{name}: {step}")
            .Paragraph(localizer["{0} recorded an official step of application {1} on the applicant page.", name, application.Label])
            .Facts(
            [
                (localizer["Step"], step),
                (localizer["Date"], Day(occurredOn)),
                (localizer["Program"], localizer[application.Program.ToString()]),
                (localizer["Intake"], application.IntakeCode),
                (localizer["Note"], string.IsNullOrWhiteSpace(note) ? "—" : note),
            ])
            .Button(localizer["Open the application"], reviewUrl);
        // The subject names the step and the reference number only: nothing the applicant typed.
        var subject = localizer["Official step recorded: {0}, {1}", application.Label, step];
        return writer.Build(EmailCatalogue.MilestoneReported, professorAddress, null, subject, "HanZhao.Recruit")
            with { ApplicationId = application.Id, ReplyTo = application.Email };
    }

    private WrittenTemplate Write(TemplateText template, string culture, EmailValues values, string? applicantPageUrl)
    {
        using var scope = CultureScope.Use(DefaultTemplates.Normalize(culture));
        IReadOnlyList<(string, string)> facts = values.Deadline is { } deadline
            ? [(localizer["Date"].Value, values.Date ?? "—"), (localizer["Accept by"].Value, deadline)]
            : [(localizer["Date"].Value, values.Date ?? "—")];
        return writer.Write(template, culture, values, applicantPageUrl, facts);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Moment(DateTime utc) => ShanghaiTime.Display(utc) + " (UTC+8)";
}
