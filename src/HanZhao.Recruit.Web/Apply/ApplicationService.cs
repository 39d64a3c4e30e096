using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Seo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>Starting, filling in and submitting an application. Talks to the DbContext directly.</summary>
public sealed class ApplicationService(
    RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer,
    IOptions<RecruitOptions> options, IHttpContextAccessor http)
{
    public const int MaxOtherDocuments = 3;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool IsEditable(Application application) =>
        application.Status is ApplicationStatus.Draft or ApplicationStatus.Submitted;

    /// <summary>Continues the applicant's application to this intake and program, or starts it.</summary>
    public async Task<(Application? Application, string? Error)> StartAsync(
        string applicantId, string? intakeCode, string? programText, string culture, CancellationToken cancellationToken)
    {
        var intake = await db.Intakes.FirstOrDefaultAsync(i => i.Code == intakeCode, cancellationToken);
        var program = Enum.GetValues<StudyPrograms>().FirstOrDefault(p => p != StudyPrograms.None && p.ToString().Equals(programText, StringComparison.OrdinalIgnoreCase));
        if (intake is null || !intake.IsAcceptingApplications(Now))
        {
            return (null, "This intake is not open for applications.");
        }

        if (!intake.Offers(program))
        {
            return (null, "This intake does not offer that program.");
        }

        var existing = await db.Applications.FirstOrDefaultAsync(
            a => a.ApplicantId == applicantId && a.IntakeId == intake.Id && a.Program == program, cancellationToken);
        if (existing is not null)
        {
            return (existing, null);
        }

        var application = new Application
        {
            ApplicantId = applicantId, IntakeId = intake.Id, Program = program, Culture = culture,
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
            return (await db.Applications.FirstAsync(
                a => a.ApplicantId == applicantId && a.IntakeId == intake.Id && a.Program == program, cancellationToken), null);
        }

        return (application, null);
    }

    /// <summary>The applicant's own application, with its intake and documents (not their bytes); null for anyone else's.</summary>
    public Task<Application?> FindOwnAsync(int id, string applicantId, CancellationToken cancellationToken) =>
        db.Applications.Include(a => a.Intake).Include(a => a.Documents)
            .FirstOrDefaultAsync(a => a.Id == id && a.ApplicantId == applicantId, cancellationToken);

    public async Task<IReadOnlyList<ResearchInterest>> InterestsAsync(CancellationToken cancellationToken) =>
        await db.ResearchInterests.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(cancellationToken);

    /// <summary>Rules that need the database (interest ids), as (field, English message).</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> ProblemsAsync(
        ApplicationForm form, ApplicationStep step, bool complete, CancellationToken cancellationToken)
    {
        var interestIds = (await InterestsAsync(cancellationToken)).Select(i => i.Id).ToHashSet();
        return [.. form.Problems(step, complete, interestIds)];
    }

    public async Task SaveStepAsync(Application application, ApplicationStep step, ApplicationForm form, string culture, CancellationToken cancellationToken)
    {
        form.ApplyTo(application, step);
        application.Culture = culture;
        application.UpdatedAtUtc = Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stores a checked PDF; a new CV or transcript replaces the old one. Returns an English error key or null.</summary>
    public async Task<string?> AddDocumentAsync(Application application, DocumentKind kind, PdfUpload.Checked file, CancellationToken cancellationToken)
    {
        var replaced = kind == DocumentKind.Other ? null : application.Documents.FirstOrDefault(d => d.Kind == kind);
        if (kind == DocumentKind.Other && application.Documents.Count(d => d.Kind == DocumentKind.Other) >= MaxOtherDocuments)
        {
            return "You can add at most 3 other documents. Remove one first.";
        }

        if (replaced is not null)
        {
            application.Documents.Remove(replaced);
            db.ApplicationDocuments.Remove(replaced);
        }

        application.Documents.Add(new ApplicationDocument
        {
            Kind = kind, FileName = file.FileName, SizeBytes = file.Bytes.LongLength, Sha256 = file.Sha256,
            UploadedAtUtc = Now, Content = new DocumentContent { Bytes = file.Bytes },
        });
        application.UpdatedAtUtc = Now;
        // The document row and its bytes commit together: nothing is half-stored.
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<bool> RemoveDocumentAsync(Application application, int documentId, CancellationToken cancellationToken)
    {
        var document = application.Documents.FirstOrDefault(d => d.Id == documentId);
        if (document is null)
        {
            return false;
        }

        db.ApplicationDocuments.Remove(document);
        application.UpdatedAtUtc = Now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>What is still missing before the application can be submitted, as English keys.</summary>
    public async Task<IReadOnlyList<(ApplicationStep Step, string Message)>> MissingAsync(Application application, CancellationToken cancellationToken)
    {
        var form = ApplicationForm.From(application);
        var missing = new List<(ApplicationStep, string)>();
        foreach (var step in ApplicationSteps.All)
        {
            missing.AddRange((await ProblemsAsync(form, step, complete: true, cancellationToken)).Select(p => (step, p.Message)));
        }

        if (application.Documents.All(d => d.Kind != DocumentKind.Cv))
        {
            missing.Add((ApplicationStep.Documents, "Upload your CV."));
        }

        if (application.Documents.All(d => d.Kind != DocumentKind.Transcript))
        {
            missing.Add((ApplicationStep.Documents, "Upload your transcript."));
        }

        return missing;
    }

    /// <summary>
    /// Submits a complete draft: the reference number, the status history, the applicant's
    /// confirmation and the professor's alert are saved in one SaveChanges. Returns an English error key or null.
    /// </summary>
    public async Task<string?> SubmitAsync(Application application, bool consent, string culture, CancellationToken cancellationToken)
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
        // The id exists only after the first save; the number is derived from it, so both saves
        // happen in one transaction with the emails.
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

        application.Culture = culture;
        application.ConsentedAtUtc = Now;
        application.SubmittedAtUtc = Now;
        application.UpdatedAtUtc = Now;
        application.Status = ApplicationStatus.Submitted;
        application.StatusHistory.Add(new ApplicationStatusChange
        {
            From = ApplicationStatus.Draft, To = ApplicationStatus.Submitted, ChangedAtUtc = Now, ChangedByUserId = application.ApplicantId,
        });
        await db.SaveChangesAsync(cancellationToken);
        application.ReferenceNumber = ReferenceNumbers.For(application, application.Intake);
        db.QueueEmail(Confirmation(application, applicant.Email!), Now);
        if (await ProfessorAddress.FindAsync(db, options.Value, cancellationToken) is { } professor)
        {
            db.QueueEmail(ProfessorAlert(application, professor, applicant.Email!), Now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private string Url(string path) =>
        http.HttpContext is { } context ? SiteUrls.Absolute(context.Request, options.Value.PublicUrl, path) : path;

    private EmailDraft Confirmation(Application application, string email)
    {
        using var _ = CultureScope.Use(application.Culture);
        var program = localizer[application.Program.ToString()].Value;
        return new EmailWriter(application.Culture)
            .Heading(localizer["Your application has been received"])
            .Paragraph(localizer["Dear {0},", application.FullName])
            .Paragraph(localizer["Thank you for applying to Han Zhao's group at Shanghai Jiao Tong University. We will review your application and write to you when its status changes."])
            .Facts([
                (localizer["Reference number"], application.ReferenceNumber!),
                (localizer["Program"], program),
                (localizer["Intake"], application.Intake!.Code),
                (localizer["Institution"], application.Institution),
                (localizer["Major"], application.Major),
                (localizer["Documents"], string.Join(", ", application.Documents.Select(d => d.FileName))),
            ])
            .Button(localizer["See your application"], Url("/applicant"))
            .Build("SubmissionReceived", email, application.FullName,
                localizer["Application received: {0}", application.ReferenceNumber!], localizer["Han Zhao's group, Shanghai Jiao Tong University"])
            with { ApplicationId = application.Id };
    }

    /// <summary>Replying to it writes to the applicant.</summary>
    private EmailDraft ProfessorAlert(Application application, string professor, string applicantEmail)
    {
        using var _ = CultureScope.Use(Cultures.English);
        return new EmailWriter(Cultures.English)
            .Heading($"New application {application.ReferenceNumber}")
            .Facts([
                ("Name", application.ChineseName is { Length: > 0 } chinese ? $"{application.FullName} ({chinese})" : application.FullName),
                ("Program", application.Program.ToString()),
                ("Intake", application.Intake!.Code),
                ("Institution", application.Institution),
                ("Major", application.Major),
            ])
            .Button("Review the application", Url($"/review/applications/{application.Id}"))
            .Build("NewApplication", professor, null, $"New application: {application.FullName}, {application.Program} {application.Intake.Code}",
                "HanZhao.Recruit")
            with { ApplicationId = application.Id, ReplyTo = applicantEmail };
    }
}
