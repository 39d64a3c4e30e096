using System.Globalization;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Review.Milestones;

/// <summary>
/// The official milestones of applications with an offer: reading them (staff who may see the
/// application, the applicant their own) and recording them (the professor every step, the applicant
/// the steps that are theirs to say). A recorded step, its audit entry and its emails commit in one
/// SaveChanges; a refused form changes nothing. Recording a step again corrects it (one row per step).
/// </summary>
public sealed class MilestoneRecorder(
    RecruitDbContext db,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer,
    MilestoneEmails emails,
    SiteAddress site,
    IOptions<RecruitOptions> options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today in Shanghai as a date input writes it: what the form offers for the day of a step.</summary>
    private string Today => ShanghaiTime.Today(Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The staff page; null when the user may not see the application (or it does not exist).</summary>
    public async Task<MilestonesPage?> GetStaffPageAsync(ClaimsPrincipal user, int id, MilestonesQuery query, CancellationToken cancellationToken) =>
        await FindAsync(db.VisibleTo(user), id, cancellationToken) is { } application
            ? await PageAsync(application, user.IsInRole(Roles.Professor), cancellationToken) with { Recorded = query.Recorded, Emailed = query.Emailed }
            : null;

    /// <summary>The applicant's page of one of their applications; null for anyone else's.</summary>
    public async Task<MilestonesPage?> GetApplicantPageAsync(string applicantId, int id, MilestonesQuery query, CancellationToken cancellationToken) =>
        await FindAsync(Own(applicantId), id, cancellationToken) is { } application
            ? await PageAsync(application, canRecord: true, cancellationToken) with { Recorded = query.Recorded, Form = new MilestoneForm { OccurredOn = Today } }
            : null;

    /// <summary>The steps of an application the user may see, for the reviewer page's summary; null when it is not visible.</summary>
    public async Task<MilestonesPage?> GetSummaryAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken) =>
        await GetStaffPageAsync(user, id, new MilestonesQuery(null, false), cancellationToken);

    /// <summary>The steps of one of the applicant's applications, for their page; null for anyone else's.</summary>
    public Task<MilestonesPage?> GetApplicantSummaryAsync(string applicantId, int id, CancellationToken cancellationToken) =>
        GetApplicantPageAsync(applicantId, id, new MilestonesQuery(null, false), cancellationToken);

    /// <summary>
    /// The professor records a step (and, with "send the email", queues its email to the applicant).
    /// Not found for an application the user cannot see; forbidden for a co-reviewer who can.
    /// </summary>
    public async Task<Outcome<MilestonesPage>> RecordAsStaffAsync(ClaimsPrincipal user, int id, MilestoneForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(db.VisibleTo(user), id, cancellationToken) is not { } application)
        {
            return Outcome.NotFound();
        }

        if (!user.IsInRole(Roles.Professor))
        {
            return Outcome.Forbidden();
        }

        var errors = new FormErrors();
        var values = Validate(application, form, byApplicant: false, errors);
        if (values is { SendEmail: true } && string.IsNullOrEmpty(application.Email))
        {
            errors.Add("sendEmail", localizer["The applicant has no email address, so no email can be sent."]);
        }

        if (values is null || errors.Any)
        {
            return Outcome.Invalid(errors, await PageAsync(application, canRecord: true, cancellationToken) with { Form = form, Errors = errors });
        }

        var email = values.SendEmail
            ? emails.ToApplicant(application, values.Kind, values.OccurredOn, values.RespondByUtc, application.Email!, site.Absolute("/applicant"))
            : null;
        await SaveAsync(user, application, values, email is null ? [] : [email], cancellationToken);
        return Outcome.Done(await PageAsync(application, canRecord: true, cancellationToken) with { Recorded = values.Kind, Emailed = email is not null });
    }

    /// <summary>
    /// The applicant records a step of their own: their confirmation (the step's email, in their
    /// language) and the professor's alert are queued with it.
    /// </summary>
    public async Task<Outcome<MilestonesPage>> RecordAsApplicantAsync(
        ClaimsPrincipal user, string applicantId, int id, MilestoneForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(Own(applicantId), id, cancellationToken) is not { } application)
        {
            return Outcome.NotFound();
        }

        var errors = new FormErrors();
        if (Validate(application, form, byApplicant: true, errors) is not { } values)
        {
            return Outcome.Invalid(errors, await PageAsync(application, canRecord: true, cancellationToken) with { Form = form, Errors = errors });
        }

        var drafts = new List<EmailDraft>();
        if (!string.IsNullOrEmpty(application.Email))
        {
            drafts.Add(emails.ToApplicant(application, values.Kind, values.OccurredOn, null, application.Email, site.Absolute("/applicant")));
        }

        if (await ProfessorAddress.ForAlertAsync(db, options.Value, cancellationToken) is { } professor)
        {
            drafts.Add(emails.ToProfessor(application, values.Kind, values.OccurredOn, values.Note, professor,
                await ProfessorAddress.CultureAsync(db, cancellationToken), site.Absolute($"/review/applications/{id}")));
        }

        await SaveAsync(user, application, values, drafts, cancellationToken);
        return Outcome.Done(await PageAsync(application, canRecord: true, cancellationToken) with { Recorded = values.Kind, Emailed = drafts.Count > 0 });
    }

    /// <summary>A valid form's values.</summary>
    private sealed record Values(MilestoneKind Kind, DateOnly OccurredOn, DateTime? RespondByUtc, string? Note, bool SendEmail);

    /// <summary>Checks every field, writing a message per refused field; the values when all are valid.</summary>
    private Values? Validate(MilestoneApplication application, MilestoneForm form, bool byApplicant, FormErrors errors)
    {
        if (!MilestoneRules.IsOpenFor(application.Status))
        {
            errors.AddGeneral(localizer["Official steps are recorded once the professor has made an offer: this application is {0}.",
                PortalText.Status(application.Status, localizer)]);
            return null;
        }

        var kind = ParseKind(form.Kind, byApplicant, errors);
        var occurredOn = ParseDay(form.OccurredOn, errors);
        var respondBy = ParseDeadline(kind, occurredOn, form.RespondBy, errors);
        var note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        if (note is { Length: > MilestoneRules.NoteMaxLength })
        {
            errors.Add("note", localizer["The note can have at most {0} characters.", MilestoneRules.NoteMaxLength]);
        }

        bool? sendEmail = byApplicant ? false : form.SendEmail switch
        {
            null or "" or "false" => false,
            "true" => true,
            _ => null,
        };
        if (sendEmail is null)
        {
            errors.Add("sendEmail", localizer["Tick the box to send the email, or leave it empty."]);
        }

        return errors.Any || kind is not { } chosen || occurredOn is not { } day
            ? null
            : new Values(chosen, day, respondBy, note, sendEmail == true);
    }

    /// <summary>A step by its name only ("3" or "Admitted, AcceptedElsewhere" is no step); the applicant only their own.</summary>
    private MilestoneKind? ParseKind(string? text, bool byApplicant, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("kind", localizer["Choose the official step."]);
            return null;
        }

        var kind = MilestoneRules.InOrder.Cast<MilestoneKind?>().FirstOrDefault(k => string.Equals(k.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            errors.Add("kind", localizer["Choose an official step from the list."]);
        }
        else if (byApplicant && !MilestoneRules.ApplicantMayRecord(kind.Value))
        {
            errors.Add("kind", localizer["The professor records this step. Tell them when it happens."]);
            return null;
        }

        return kind;
    }

    /// <summary>The day of the step, yyyy-MM-dd as a date input sends it, from 2000 to today in Shanghai.</summary>
    private DateOnly? ParseDay(string? text, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("occurredOn", localizer["Enter the date of the step."]);
            return null;
        }

        if (text.Trim() is not { Length: 10 } trimmed
            || !DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day.Year < IntakeSettings.MinYear)
        {
            errors.Add("occurredOn", localizer["Enter the date as YYYY-MM-DD, e.g. 2026-09-25."]);
            return null;
        }

        if (day > ShanghaiTime.Today(Now))
        {
            errors.Add("occurredOn", localizer["The date cannot be in the future: record a step once it has happened."]);
            return null;
        }

        return day;
    }

    /// <summary>The 待录取 deadline (Shanghai time): required for the notice, after the day it was sent; refused for any other step.</summary>
    private DateTime? ParseDeadline(MilestoneKind? kind, DateOnly? noticeDay, string? text, FormErrors errors)
    {
        var given = !string.IsNullOrWhiteSpace(text);
        if (kind is not { } step || !MilestoneRules.HasDeadline(step))
        {
            if (given && kind is not null)
            {
                errors.Add("respondBy", localizer["Only a 待录取 notice has a deadline: leave this empty."]);
            }

            return null;
        }

        if (!given)
        {
            errors.Add("respondBy", localizer["Enter the deadline by which the student must accept."]);
            return null;
        }

        if (text!.Length > IntakeSettings.MaxFieldLength || ShanghaiTime.ParseToUtc(text.Trim()) is not { Year: >= IntakeSettings.MinYear and <= IntakeSettings.MaxYear } deadline)
        {
            errors.Add("respondBy", localizer["Enter a date and time between {0} and {1}, e.g. 2027-03-31 23:59.", IntakeSettings.MinYear, IntakeSettings.MaxYear]);
            return null;
        }

        if (noticeDay is { } day && deadline <= ShanghaiTime.StartOfDayUtc(day))
        {
            errors.Add("respondBy", localizer["The deadline must be after the notice was sent."]);
            return null;
        }

        return deadline;
    }

    /// <summary>
    /// Stores the step (a new row, or the correction of the one recorded before), its audit entry and
    /// its emails in one SaveChanges; the step exactly as recorded already changes and sends nothing.
    /// Two requests recording the same new step at once meet the unique index; the loser starts again
    /// and finds the winner's row.
    /// </summary>
    private async Task SaveAsync(ClaimsPrincipal user, MilestoneApplication application, Values values, List<EmailDraft> drafts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = Now;
            var row = await db.ApplicationMilestones.FirstOrDefaultAsync(m => m.ApplicationId == application.Id && m.Kind == values.Kind, cancellationToken);
            var corrected = row is not null;
            // The same step as recorded (a double click, a second tab): nothing changes, nothing is sent again.
            if (row is not null && row.OccurredOn == values.OccurredOn && row.RespondByUtc == values.RespondByUtc && row.Note == values.Note)
            {
                db.ChangeTracker.Clear();
                return;
            }

            if (row is null)
            {
                row = new ApplicationMilestone { ApplicationId = application.Id, Kind = values.Kind };
                db.ApplicationMilestones.Add(row);
            }

            row.OccurredOn = values.OccurredOn;
            row.RespondByUtc = values.RespondByUtc;
            row.Note = values.Note;
            row.RecordedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            row.RecordedAtUtc = now;
            foreach (var draft in drafts)
            {
                db.QueueEmail(draft, now);
            }

            var deadline = values.RespondByUtc is { } by ? $", accept by {ShanghaiTime.Display(by)} (Asia/Shanghai)" : string.Empty;
            db.Record(user, "Milestone", $"Application {application.Id}",
                $"{application.Label}: {values.Kind} on {values.OccurredOn:yyyy-MM-dd}{deadline}{(corrected ? " (corrected)" : string.Empty)}; "
                + (drafts.Count == 0 ? "no email" : string.Join(", ", drafts.Select(d => $"email \"{d.Subject}\" ({d.Culture}) to {d.ToAddress}"))), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1 && !corrected)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<MilestonesPage> PageAsync(MilestoneApplication application, bool canRecord, CancellationToken cancellationToken)
    {
        var recorded = await db.ApplicationMilestones.AsNoTracking()
            .Where(m => m.ApplicationId == application.Id)
            .Select(m => new MilestoneView(m.Kind, m.OccurredOn, m.RespondByUtc, m.Note, m.RecordedAtUtc))
            .ToListAsync(cancellationToken);
        return new MilestonesPage(application, MilestoneTrack.Of(recorded, Now), canRecord && MilestoneRules.IsOpenFor(application.Status))
        {
            Form = new MilestoneForm { OccurredOn = Today, SendEmail = "true" },
        };
    }

    private IQueryable<Application> Own(string applicantId) => db.Applications.Where(a => a.ApplicantId == applicantId);

    private static Task<MilestoneApplication?> FindAsync(IQueryable<Application> applications, int id, CancellationToken cancellationToken) =>
        applications.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new MilestoneApplication(a.Id, a.ReferenceNumber, a.FullName, a.Applicant!.Email, a.Culture, a.Program, a.Intake!.Code, a.Status))
            .SingleOrDefaultAsync(cancellationToken);
}
