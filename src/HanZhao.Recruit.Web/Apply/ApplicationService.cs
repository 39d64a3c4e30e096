using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Database;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// Starting, filling in and submitting an application. Talks to the DbContext directly. Every
/// change finds the signed-in applicant's own application first: anyone else's id is not found.
/// A refused change comes back with the step to show again and its messages, localized.
/// </summary>
public sealed class ApplicationService(
    RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer,
    IOptions<RecruitOptions> options, SiteAddress site, ConsentText consentText, SqliteWriteGate writes)
{
    public const int MaxOtherDocuments = ApplicationDocument.MaxOtherDocuments;

    /// <summary>How often an upload looks for a free place again after concurrent uploads took the one it chose.</summary>
    private const int MaxStoreAttempts = 10;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The language of the request: the application remembers the last one used, for its emails.</summary>
    private static string Culture => CultureInfo.CurrentUICulture.Name;

    public static bool IsEditable(Application application) =>
        application.Status is ApplicationStatus.Draft or ApplicationStatus.Submitted;

    /// <summary>Continues the applicant's application to this intake and program, or starts it; refused with a message about the choice as a whole.</summary>
    public async Task<Outcome<Application>> StartAsync(
        string applicantId, string? intakeCode, string? programText, CancellationToken cancellationToken)
    {
        var intake = await db.Intakes.FirstOrDefaultAsync(i => i.Code == intakeCode, cancellationToken);
        var program = Enum.GetValues<StudyPrograms>().FirstOrDefault(p => p != StudyPrograms.None && p.ToString().Equals(programText, StringComparison.OrdinalIgnoreCase));
        if (intake is null || !intake.IsAcceptingApplications(Now))
        {
            return Outcome.Invalid(FormErrors.General(localizer["This intake is not open for applications."]));
        }

        if (!intake.Offers(program))
        {
            return Outcome.Invalid(FormErrors.General(localizer["This intake does not offer that program."]));
        }

        var existing = await db.Applications.FirstOrDefaultAsync(
            a => a.ApplicantId == applicantId && a.IntakeId == intake.Id && a.Program == program, cancellationToken);
        if (existing is not null)
        {
            return Outcome.Done(existing);
        }

        var application = new Application
        {
            ApplicantId = applicantId, IntakeId = intake.Id, Program = program, Culture = Culture,
            CreatedAtUtc = Now, UpdatedAtUtc = Now,
        };
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs started the same application at once: the unique index kept one; continue it.
            db.ChangeTracker.Clear();
            return Outcome.Done(await db.Applications.FirstAsync(
                a => a.ApplicantId == applicantId && a.IntakeId == intake.Id && a.Program == program, cancellationToken));
        }

        return Outcome.Done(application);
    }

    /// <summary>The applicant's own application, with its intake and documents (not their bytes); null for anyone else's.</summary>
    public Task<Application?> FindOwnAsync(int id, string applicantId, CancellationToken cancellationToken) =>
        Own(id, applicantId).Include(a => a.Intake).Include(a => a.Documents).Include(a => a.Interests).AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The applicant's own application with that id: the one rule every applicant action goes through.</summary>
    private IQueryable<Application> Own(int id, string applicantId) =>
        db.Applications.Where(a => a.Id == id && a.ApplicantId == applicantId);

    /// <summary>The step of the applicant's own application that a link names, while the application can still be edited; else null.</summary>
    public async Task<ApplicationAtStep?> FindStepAsync(string applicantId, int id, string slug, CancellationToken cancellationToken) =>
        await FindEditableAsync(id, applicantId, cancellationToken) is { } application && ApplicationSteps.FromSlug(slug) is { } step
            ? new ApplicationAtStep(application, step)
            : null;

    /// <summary>
    /// A step's page: the form as posted (or as stored when <paramref name="form"/> is null), its
    /// messages, the interests to pick from, and on the review step what is still missing.
    /// </summary>
    public async Task<ApplyStepViewModel> StepPageAsync(ApplicationAtStep at, ApplicationForm? form, FormErrors? errors, CancellationToken cancellationToken) =>
        new(at.Application, at.Step, form ?? ApplicationForm.From(at.Application),
            await InterestsAsync(cancellationToken),
            at.Step == ApplicationStep.Review ? await MissingAsync(at.Application, cancellationToken) : [],
            errors ?? new FormErrors())
        {
            Consent = at.Step == ApplicationStep.Review ? await consentText.ForAsync(at.Application.Intake!.EnrollmentDate, Culture, cancellationToken) : null,
        };

    /// <summary>
    /// Saves one step's fields. <paramref name="bound"/> holds what binding and the data annotations
    /// refused. <paramref name="go"/> is "next", "back" or "save" (or absent: save); anything else is
    /// refused. Done with the step to show next, refused with the step to show again.
    /// </summary>
    public async Task<Outcome<ApplicationAtStep>> SaveStepAsync(
        string applicantId, int id, string slug, ApplicationForm form, FormErrors bound, string? go, bool autosave, CancellationToken cancellationToken)
    {
        if (await FindStepAsync(applicantId, id, slug, cancellationToken) is not { Step: not (ApplicationStep.Documents or ApplicationStep.Review) } at)
        {
            return Outcome.NotFound();
        }

        // "go" is one of the form's buttons (or absent: the autosave and old pages save in place);
        // anything else is a broken form, refused before anything is saved.
        if (go is not (null or "next" or "back" or "save"))
        {
            return Outcome.Invalid(FormErrors.General(localizer["Use the buttons below the form to save or move between steps."]), at);
        }

        // A draft may be saved incomplete; moving on requires the step's required fields.
        var complete = go == "next" && !autosave;
        // Only this step's fields are saved, so only their messages count.
        var fields = ApplicationForm.FieldsOf(at.Step);
        var problems = await ProblemsAsync(form, at.Application, at.Step, complete, cancellationToken);
        var errors = StepErrors.Merge(
            bound.All.Where(e => fields.Contains(e.Field.Split('[')[0])), problems.Select(p => (p.Field, localizer[p.Message].Value)));
        if (errors.Any)
        {
            return Outcome.Invalid(errors, at);
        }

        form.ApplyTo(at.Application, at.Step);
        at.Application.Culture = Culture;
        at.Application.UpdatedAtUtc = Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(at with
        {
            Step = go switch
            {
                "next" => at.Step.Next() ?? at.Step,
                "back" => at.Step.Previous() ?? at.Step,
                _ => at.Step,
            },
        });
    }

    /// <summary>Checks and stores an uploaded PDF of the given kind; refused with a message beside the file field.</summary>
    public async Task<Outcome<ApplicationAtStep>> UploadAsync(
        string applicantId, int id, DocumentKind? kind, IFormFile? file, FormErrors bound, CancellationToken cancellationToken)
    {
        // The row alone: an upload needs the status and the route, not the intake, documents and interests
        // (three queries instead of one on each of a submission's three uploads).
        if (await Own(id, applicantId).AsNoTracking().FirstOrDefaultAsync(cancellationToken) is not { } application || !IsEditable(application))
        {
            return Outcome.NotFound();
        }

        // Only the documents the application asks for, and others: not a kind its route has no box for.
        var (checkedFile, error) = kind is not { } k || !DocumentNames.Accepted(application.Route).Contains(k)
            ? (null, "Choose what kind of document this is.")
            : await PdfUpload.ReadAsync(file, cancellationToken);
        error ??= await AddDocumentAsync(id, kind!.Value, checkedFile!, cancellationToken);
        if (error is null)
        {
            return Outcome.Done(new ApplicationAtStep(application, ApplicationStep.Documents));
        }

        // The page lists the documents as they are now, whichever of several uploads arriving together won.
        db.ChangeTracker.Clear();
        var current = await FindOwnAsync(id, applicantId, cancellationToken) ?? application;
        // Beside the box the file was for; a kind with no box is about the page as a whole.
        var field = kind is { } box && DocumentNames.Accepted(current.Route).Contains(box) ? DocumentNames.FileField(box) : string.Empty;
        return Outcome.Invalid(StepErrors.Merge(bound.All, [(field, localizer[error].Value)]), new ApplicationAtStep(current, ApplicationStep.Documents));
    }

    /// <summary>
    /// Removes one of the applicant's documents. One that is not (or no longer) in the application is
    /// done too: a double click on "Remove" lands on the documents page twice, not on an error.
    /// </summary>
    public async Task<Outcome> RemoveDocumentAsync(string applicantId, int id, int documentId, CancellationToken cancellationToken)
    {
        if (await FindEditableAsync(id, applicantId, cancellationToken) is null)
        {
            return Outcome.NotFound();
        }

        // A statement, not a tracked entity: the second of two deletes finds nothing to delete instead
        // of failing as a concurrency conflict. The bytes go with the row (cascade).
        if (await db.ApplicationDocuments.Where(d => d.Id == documentId && d.ApplicationId == id).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAtUtc, Now), cancellationToken);
        }

        return Outcome.Done();
    }

    /// <summary>
    /// Submits the applicant's draft (see <see cref="SubmitDraftAsync"/>); refused with a message
    /// about the application as a whole, on the review step.
    /// </summary>
    public async Task<Outcome<ApplicationAtStep>> SubmitAsync(
        string applicantId, int id, bool consent, string? website, FormErrors bound, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(id, applicantId, cancellationToken) is not { } application)
        {
            return Outcome.NotFound();
        }

        // The honeypot: people never see this field, form-filling bots do.
        var error = !string.IsNullOrEmpty(website)
            ? "Your submission could not be accepted."
            : await SubmitDraftAsync(application, consent, cancellationToken);
        var at = new ApplicationAtStep(application, ApplicationStep.Review);
        return error is null ? Outcome.Done(at) : Outcome.Invalid(StepErrors.Merge(bound.All, [(string.Empty, localizer[error].Value)]), at);
    }

    private async Task<Application?> FindEditableAsync(int id, string applicantId, CancellationToken cancellationToken) =>
        await FindOwnAsync(id, applicantId, cancellationToken) is { } application && IsEditable(application) ? application : null;

    private async Task<IReadOnlyList<ResearchInterest>> InterestsAsync(CancellationToken cancellationToken) =>
        await db.ResearchInterests.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(cancellationToken);

    /// <summary>Rules that need the database (interest ids) and the intake (its routes), as (field, English message).</summary>
    private async Task<IReadOnlyList<(string Field, string Message)>> ProblemsAsync(
        ApplicationForm form, Application application, ApplicationStep step, bool complete, CancellationToken cancellationToken)
    {
        var interestIds = (await InterestsAsync(cancellationToken)).Select(i => i.Id).ToHashSet();
        return [.. form.Problems(step, complete, new ApplicationFormContext(interestIds, application.Program, application.Intake!))];
    }

    /// <summary>
    /// Stores a checked PDF in a free place: a new CV or transcript replaces the old one (place 0),
    /// another document takes the first of the <see cref="MaxOtherDocuments"/> free places. The
    /// unique index (ApplicationId, Kind, Slot) decides between uploads arriving together: a request
    /// that lost its place looks again (the next free place, or for a CV the winner's to replace),
    /// so the limits hold and none fails with a 500. Returns an English error key or null.
    /// </summary>
    private async Task<string?> AddDocumentAsync(int applicationId, DocumentKind kind, PdfUpload.Checked file, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxStoreAttempts; attempt++)
        {
            var taken = await db.ApplicationDocuments.AsNoTracking()
                .Where(d => d.ApplicationId == applicationId && d.Kind == kind)
                .Select(d => d.Slot)
                .ToListAsync(cancellationToken);
            var slot = kind != DocumentKind.Other ? 0 : Enumerable.Range(0, MaxOtherDocuments).FirstOrDefault(s => !taken.Contains(s), -1);
            if (slot < 0)
            {
                return "You can add at most 3 other documents. Remove one first.";
            }

            if (await TryStoreAsync(applicationId, kind, slot, file, cancellationToken))
            {
                return null;
            }
        }

        return "Other uploads to this application arrived at the same moment. Please upload the file again.";
    }

    /// <summary>True when stored in <paramref name="slot"/>; false when a concurrent upload took that place first.</summary>
    private async Task<bool> TryStoreAsync(int applicationId, DocumentKind kind, int slot, PdfUpload.Checked file, CancellationToken cancellationToken)
    {
        try
        {
            // This process's writers take turns without holding a thread (see SqliteWriteGate).
            await using var turn = await writes.EnterAsync(cancellationToken);
            // SQL Server retries transient failures (a deadlock between two replacements among them);
            // a retried block starts from a clean change tracker.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (kind != DocumentKind.Other)
                {
                    // The replaced document goes in the transaction its successor arrives in: never none, never two.
                    await db.ApplicationDocuments.Where(d => d.ApplicationId == applicationId && d.Kind == kind).ExecuteDeleteAsync(ct);
                }

                var document = new ApplicationDocument
                {
                    ApplicationId = applicationId, Kind = kind, Slot = slot,
                    FileName = file.FileName, SizeBytes = file.Length, Sha256 = file.Sha256, UploadedAtUtc = Now,
                    PageCount = file.Facts.PageCount, ActiveContent = file.Facts.ActiveContent,
                };
                db.ApplicationDocuments.Add(document);
                await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAtUtc, Now), ct);
                await db.SaveChangesAsync(ct);
                // The bytes stream from the request's buffer into the row, in the same transaction:
                // the document row and its bytes commit together, nothing is half-stored.
                await using (var source = file.OpenRead())
                {
                    await DocumentBlobs.WriteAsync(db, document.Id, file.Length, source, ct);
                }

                await transaction.CommitAsync(ct);
            }, cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Only the unique index refusing a taken place is an answer; any other failure is an error.
            if (await db.ApplicationDocuments.AnyAsync(d => d.ApplicationId == applicationId && d.Kind == kind && d.Slot == slot, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>What is still missing before the application can be submitted, as English keys.</summary>
    private async Task<IReadOnlyList<(ApplicationStep Step, string Message)>> MissingAsync(Application application, CancellationToken cancellationToken)
    {
        var form = ApplicationForm.From(application);
        var missing = new List<(ApplicationStep, string)>();
        foreach (var step in ApplicationSteps.All)
        {
            missing.AddRange((await ProblemsAsync(form, application, step, complete: true, cancellationToken)).Select(p => (step, p.Message)));
        }

        // Each document the route asks for, by name.
        missing.AddRange(AdmissionRouteGuide.RequiredDocuments(application.Route)
            .Where(kind => application.Documents.All(d => d.Kind != kind))
            .Select(kind => (ApplicationStep.Documents, DocumentNames.UploadPrompt(kind))));
        return missing;
    }

    /// <summary>
    /// Submits a complete draft: the reference number, the status history, the applicant's
    /// confirmation and the professor's alert are saved in one SaveChanges. Returns an English error key or null.
    /// </summary>
    private async Task<string?> SubmitDraftAsync(Application application, bool consent, CancellationToken cancellationToken)
    {
        if (application.Status != ApplicationStatus.Draft)
        {
            return "This application has already been submitted.";
        }

        if (!application.Intake!.IsAcceptingApplications(Now))
        {
            return "This intake is no longer open for applications. Your draft is kept.";
        }

        if (!consent)
        {
            return "Please consent to the processing of your data to submit.";
        }

        if ((await MissingAsync(application, cancellationToken)).Count > 0)
        {
            return "Some required information is missing.";
        }

        var applicant = await db.Users.FirstAsync(u => u.Id == application.ApplicantId, cancellationToken);
        // Everything but the writes is ready before the write turn, which then holds SQLite's one write
        // lock only for writing (every other upload and submission waits for it): the consent text as the
        // page showed it (the settings in force now), the reference number (from the draft's id) and both
        // emails, written in full.
        var consented = await consentText.ForAsync(application.Intake.EnrollmentDate, Culture, cancellationToken);
        var professor = await ProfessorAddress.ForAlertAsync(db, options.Value, cancellationToken);
        var professorCulture = professor is null ? null : await ProfessorAddress.CultureAsync(db, cancellationToken);
        var reference = ReferenceNumbers.For(application, application.Intake);
        var emails = new List<EmailDraft> { Confirmation(application, reference, Culture, applicant.Email!) };
        if (professor is not null)
        {
            emails.Add(ProfessorAlert(application, reference, professor, professorCulture!, applicant.Email!));
        }

        await using var turn = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two submits of one draft (a double click) both read it as a draft above. Only the one
        // that moves it out of Draft in the database goes on; the other would queue a second
        // confirmation and a second alert. The database, not this copy, decides.
        var claimed = await db.Applications
            .Where(a => a.Id == application.Id && a.Status == ApplicationStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Submitted), cancellationToken);
        if (claimed == 0)
        {
            return "This application has already been submitted.";
        }

        var now = Now;
        application.Culture = Culture;
        application.ConsentedAtUtc = now;
        // The text as the page showed it, written from the settings in force now, and its version.
        application.ConsentVersion = consented.Version;
        application.ConsentText = consented.Text;
        application.SubmittedAtUtc = now;
        application.UpdatedAtUtc = now;
        application.Status = ApplicationStatus.Submitted;
        application.ReferenceNumber = reference;
        application.StatusHistory.Add(new ApplicationStatusChange
        {
            From = ApplicationStatus.Draft, To = ApplicationStatus.Submitted, ChangedAtUtc = now, ChangedByUserId = application.ApplicantId,
        });
        foreach (var email in emails)
        {
            db.QueueEmail(email, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private string Url(string path) => site.Absolute(path);

    /// <summary>In the language the applicant submitted in.</summary>
    private EmailDraft Confirmation(Application application, string reference, string culture, string email)
    {
        using var _ = CultureScope.Use(culture);
        var program = localizer[application.Program.ToString()].Value;
        return new EmailWriter(culture)
            .Heading(localizer["Your application has been received"])
            .Paragraph(localizer["Dear {0},", application.FullName])
            .Paragraph(localizer["Thank you for applying to Han Zhao's group at Shanghai Jiao Tong University. We will review your application and write to you when its status changes."])
            .Facts([
                (localizer["Reference number"], reference),
                (localizer["Program"], program),
                (localizer["Intake"], application.Intake!.Code),
                (localizer["Institution"], application.Institution),
                (localizer["Major"], application.Major),
                (localizer["Documents"], string.Join(", ", application.Documents.Select(d => d.FileName))),
            ])
            .Button(localizer["See your application"], Url("/applicant"))
            .Build(EmailCatalogue.SubmissionReceived, email, application.FullName,
                localizer["Application received: {0}", reference], localizer["Han Zhao's group, Shanghai Jiao Tong University"])
            with { ApplicationId = application.Id };
    }

    /// <summary>In the professor's language; replying to it writes to the applicant.</summary>
    private EmailDraft ProfessorAlert(Application application, string reference, string professor, string culture, string applicantEmail)
    {
        using var _ = CultureScope.Use(culture);
        return new EmailWriter(culture)
            .Heading(localizer["New application {0}", reference])
            .Facts([
                (localizer["Name"], application.ChineseName is { Length: > 0 } chinese ? $"{application.FullName} ({chinese})" : application.FullName),
                (localizer["Program"], localizer[application.Program.ToString()]),
                (localizer["Intake"], application.Intake!.Code),
                (localizer["Institution"], application.Institution),
                (localizer["Major"], application.Major),
            ])
            .Button(localizer["Review the application"], Url($"/review/applications/{application.Id}"))
            // The subject holds nothing the applicant typed: a name can be an RFC 2047 encoded word that
            // mail clients decode into a second header line. The name is in the body.
            .Build(EmailCatalogue.NewApplication, professor, null,
                localizer["New application {0}: {1} {2}", reference, localizer[application.Program.ToString()], application.Intake.Code],
                "HanZhao.Recruit")
            with { ApplicationId = application.Id, ReplyTo = applicantEmail };
    }
}
