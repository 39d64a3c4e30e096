using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Interviews;

/// <summary>
/// Every interview email but the 24-hour reminder: the invitation to book, and the calendar emails.
/// <see cref="QueueCalendarAsync"/> is the one place a booking, a move or a cancellation reaches
/// calendars: it raises the invitation's SEQUENCE, writes the iCalendar (REQUEST, or CANCEL) with the
/// professor as organiser, and queues it to the applicant (in their language) and to the professor (in
/// English), on the caller's SaveChanges, so the change and its emails commit together.
/// </summary>
public sealed class InterviewMail(
    RecruitDbContext db,
    TimeProvider clock,
    SiteAddress site,
    IStringLocalizer<SharedResource> localizer,
    IOptions<RecruitOptions> recruit,
    IOptions<SmtpOptions> smtp,
    IOptions<InterviewOptions> options)
{
    private string Footer => localizer["Han Zhao's group, Shanghai Jiao Tong University"];

    /// <summary>The invitation to book a slot, in the application's language, with the booking page and the cut-off rule.</summary>
    public EmailDraft Invitation(InterviewApplicant applicant)
    {
        using var _ = CultureScope.Use(applicant.Culture);
        return new EmailWriter(applicant.Culture)
            .Heading(localizer["You are invited to an interview"])
            .Paragraph(localizer["Dear {0},", applicant.FullName])
            .Paragraph(localizer["Thank you for applying to the {0} program of Han Zhao's group (intake {1}). We would like to talk with you: please choose an interview time that suits you.", localizer[applicant.Program.ToString()], applicant.IntakeCode])
            .Facts([(localizer["Reference number"], applicant.Label)])
            .Button(localizer["Choose your interview time"], site.Absolute($"/applicant/{applicant.ApplicationId}/interview"))
            .Paragraph(localizer["Times are shown in Shanghai time and in your own time zone. You can move or cancel your interview until {0} before it starts; after that, please write to us.", InterviewText.Cutoff(options.Value.ChangeCutoff, localizer)])
            .Build(EmailCatalogue.InterviewInvitation, applicant.Email!, applicant.FullName, localizer["Interview invitation: {0}", applicant.Label], Footer)
            with { ApplicationId = applicant.ApplicationId };
    }

    /// <summary>
    /// Raises <paramref name="invitation"/>'s SEQUENCE (a tracked entity: saved by the caller) and
    /// queues the calendar email of <paramref name="change"/> to the applicant and to the professor.
    /// </summary>
    public async Task QueueCalendarAsync(
        InterviewApplicant applicant, InterviewInvitation invitation, InterviewSlot slot, InterviewChange change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var professor = await ProfessorAddress.FindAsync(db, recruit.Value, cancellationToken);
        var organizer = professor ?? smtp.Value.SenderAddress(site.Host);
        invitation.CalendarSequence++;
        var cancelled = change is InterviewChange.Cancelled or InterviewChange.SlotCancelled;
        if (!string.IsNullOrEmpty(applicant.Email))
        {
            using var _ = CultureScope.Use(applicant.Culture);
            var invite = Invite(applicant, slot, organizer, localizer["Interview · Han Zhao's group"], applicant.Culture);
            var calendar = cancelled ? InterviewCalendar.Cancelled(invitation, slot, invite, now) : InterviewCalendar.Booked(invitation, slot, invite, now);
            db.QueueEmail(ToApplicant(applicant, slot, change) with { Calendar = calendar }, now);
        }

        if (professor is not null)
        {
            var culture = await ProfessorAddress.CultureAsync(db, cancellationToken);
            using var _ = CultureScope.Use(culture);
            var invite = Invite(applicant, slot, organizer, localizer["Interview: {0} ({1})", applicant.FullName, applicant.Label], culture);
            var calendar = cancelled ? InterviewCalendar.Cancelled(invitation, slot, invite, now) : InterviewCalendar.Booked(invitation, slot, invite, now);
            db.QueueEmail(ToProfessor(applicant, slot, change, professor, culture) with { Calendar = calendar }, now);
        }
    }

    /// <summary>The event's people and words: the professor organises (by the sender's display name), the applicant attends.</summary>
    private CalendarInvite Invite(InterviewApplicant applicant, InterviewSlot slot, string organizer, string summary, string culture)
    {
        using var _ = CultureScope.Use(culture);
        var description = $"{localizer[applicant.Program.ToString()]} · {applicant.IntakeCode} · {applicant.Label}\n"
            + $"{InterviewText.Mode(slot.Mode, localizer)}: {slot.Location}\n"
            + site.Absolute($"/applicant/{applicant.ApplicationId}/interview");
        // Without an address the applicant cannot be an attendee; the organiser stands in, so the file stays valid.
        return new CalendarInvite(smtp.Value.FromName, organizer, applicant.FullName, applicant.Email is { Length: > 0 } email ? email : organizer, summary, description);
    }

    private EmailDraft ToApplicant(InterviewApplicant applicant, InterviewSlot slot, InterviewChange change)
    {
        var (heading, subject, lead) = change switch
        {
            InterviewChange.Booked => (localizer["Your interview is booked"], localizer["Interview booked: {0}", applicant.Label], localizer["Your interview time is confirmed. The calendar invitation is attached: open it to add the interview to your calendar."]),
            InterviewChange.Moved => (localizer["Your interview has moved"], localizer["Interview moved: {0}", applicant.Label], localizer["Your interview is now at the time below. The attached invitation updates the event in your calendar."]),
            InterviewChange.Cancelled => (localizer["Your interview is cancelled"], localizer["Interview cancelled: {0}", applicant.Label], localizer["You cancelled your interview. You can choose another time on your page while times are free."]),
            _ => (localizer["Your interview time was cancelled"], localizer["Interview cancelled: {0}", applicant.Label], localizer["We are sorry: this interview time had to be cancelled. Please choose another time on your page."]),
        };
        return new EmailWriter(applicant.Culture)
            .Heading(heading)
            .Paragraph(localizer["Dear {0},", applicant.FullName])
            .Paragraph(lead)
            .Facts(Facts(applicant, slot, localizer))
            .Button(localizer["See or change your interview"], site.Absolute($"/applicant/{applicant.ApplicationId}/interview"))
            .Paragraph(localizer["You can move or cancel your interview until {0} before it starts; after that, please write to us.", InterviewText.Cutoff(options.Value.ChangeCutoff, localizer)])
            .Build(EmailCatalogue.InterviewCalendar, applicant.Email!, applicant.FullName, subject, Footer)
            with { ApplicationId = applicant.ApplicationId };
    }

    /// <summary>The professor's copy, in the professor's language like the other alerts; the subject carries the reference number only, nothing typed by the applicant.</summary>
    private EmailDraft ToProfessor(InterviewApplicant applicant, InterviewSlot slot, InterviewChange change, string professor, string culture)
    {
        var (heading, subject) = change switch
        {
            InterviewChange.Booked => (localizer["Interview booked: {0}", applicant.FullName], localizer["Interview booked: {0}", applicant.Label]),
            InterviewChange.Moved => (localizer["Interview moved: {0}", applicant.FullName], localizer["Interview moved: {0}", applicant.Label]),
            InterviewChange.Cancelled => (localizer["Interview cancelled by the applicant: {0}", applicant.FullName], localizer["Interview cancelled by the applicant: {0}", applicant.Label]),
            _ => (localizer["Interview cancelled with its slot: {0}", applicant.FullName], localizer["Interview cancelled with its slot: {0}", applicant.Label]),
        };
        return new EmailWriter(culture)
            .Heading(heading)
            .Facts([(localizer["Applicant"], applicant.FullName), .. Facts(applicant, slot, localizer)])
            .Button(localizer["Open the application"], site.Absolute($"/review/applications/{applicant.ApplicationId}"))
            .Build(EmailCatalogue.InterviewCalendar, professor, null, subject, "HanZhao.Recruit")
            with { ApplicationId = applicant.ApplicationId, ReplyTo = applicant.Email };
    }

    private static IEnumerable<(string, string)> Facts(InterviewApplicant applicant, InterviewSlot slot, IStringLocalizer localizer) =>
    [
        (localizer["When (Shanghai time)"], InterviewText.Shanghai(slot.StartsAtUtc)),
        (localizer["When (UTC)"], slot.StartsAtUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC"),
        (localizer["Length"], InterviewText.Minutes(slot.LengthMinutes, localizer)),
        (InterviewText.Mode(slot.Mode, localizer), slot.Location),
        (localizer["Reference number"], applicant.Label),
    ];

    /// <summary>The facts of <paramref name="applications"/> for the interview emails (filter first: a filter after the projection has no SQL).</summary>
    public static IQueryable<InterviewApplicant> Applicants(IQueryable<Data.Applications.Application> applications) =>
        applications.AsNoTracking().Select(a => new InterviewApplicant(
            a.Id, a.ReferenceNumber, a.FullName, a.Applicant!.Email, a.Culture, a.Program, a.Intake!.Code));
}
