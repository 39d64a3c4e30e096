using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Database;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Applicant;

/// <summary>
/// The applicant's own page: their applications, documents and withdrawal. Every query is filtered
/// by the signed-in applicant's id, so another applicant's ids behave exactly like ids that do not
/// exist (the controller answers 404 for both).
/// </summary>
public sealed class ApplicantPortal(RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<ApplicantPage> GetPageAsync(string applicantId, int? justWithdrawnId, CancellationToken cancellationToken)
    {
        // Projected column by column: the document bytes live in their own table and are never joined here.
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantId == applicantId)
            .OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Program,
                IntakeCode = a.Intake!.Code,
                a.Status,
                a.ReferenceNumber,
                a.CreatedAtUtc,
                a.SubmittedAtUtc,
                a.Route,
                a.ConsentVersion,
                a.ConsentText,
                History = a.StatusHistory
                    .OrderBy(h => h.ChangedAtUtc).ThenBy(h => h.Id)
                    .Select(h => new StatusStep(h.From, h.To, h.ChangedAtUtc))
                    .ToList(),
                Documents = a.Documents
                    .Select(d => new DocumentSummary(d.Id, d.Kind, d.FileName, d.SizeBytes, d.UploadedAtUtc, d.PageCount, d.ActiveContent))
                    .ToList(),
            })
            // One query per collection rather than one joining history × documents.
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var applications = rows.Select(a => new ApplicationSummary(
                a.Id, a.Program, a.IntakeCode, a.Status, a.ReferenceNumber, a.CreatedAtUtc, a.SubmittedAtUtc, a.History,
                // Kinds are stored as text, so the database would sort them alphabetically; CV first is what people expect.
                [.. a.Documents.OrderBy(d => d.Kind).ThenBy(d => d.UploadedAtUtc)]) { Route = a.Route, ConsentVersion = a.ConsentVersion, ConsentText = a.ConsentText })
            .ToList();
        var justWithdrawn = applications.FirstOrDefault(a => a.Id == justWithdrawnId && a.Status == ApplicationStatus.Withdrawn);
        return new ApplicantPage(applications, justWithdrawn);
    }

    /// <summary>One of the applicant's own documents, its bytes streamed from the database, or null (someone else's, or none).</summary>
    public async Task<DocumentFile?> GetDocumentAsync(string applicantId, int documentId, CancellationToken cancellationToken)
    {
        var found = await db.ApplicationDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.Application!.ApplicantId == applicantId)
            .Select(d => new { d.Id, d.FileName })
            .SingleOrDefaultAsync(cancellationToken);
        return found is not null && await DocumentBlobs.OpenReadAsync(db, found.Id, cancellationToken) is { } content
            ? new DocumentFile(found.FileName, content)
            : null;
    }

    public Task<WithdrawalPage?> GetWithdrawalAsync(string applicantId, int applicationId, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking()
            .Where(a => a.Id == applicationId && a.ApplicantId == applicantId)
            .Select(a => new WithdrawalPage(a.Id, a.Program, a.Intake!.Code, a.Status, a.ReferenceNumber))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Withdraws the application, records the step in its history and queues the confirmation email
    /// in the application's language; all three commit together or not at all. <c>applicantPageUrl</c>
    /// is the absolute address of /applicant, for the link in the email. Refused, with the application
    /// as it is now, when it is not in a state that can be withdrawn (a draft, or a decision was made):
    /// nothing changed. Not found for anyone else's application, so others' ids are not revealed.
    /// </summary>
    public async Task<Outcome<WithdrawalPage>> WithdrawAsync(
        string applicantId, int applicationId, string applicantPageUrl, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.Id == applicationId && a.ApplicantId == applicantId)
            .Select(a => new
            {
                Page = new WithdrawalPage(a.Id, a.Program, a.Intake!.Code, a.Status, a.ReferenceNumber),
                a.Culture,
                a.FullName,
                a.Applicant!.Email,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            return Outcome.NotFound();
        }

        // Applicants sign in by email, so the address is always there; without one the confirmation
        // could not be sent, and a withdrawal nobody is told about is refused rather than half done.
        if (!application.Page.Allowed || string.IsNullOrEmpty(application.Email))
        {
            return Outcome.Invalid(new FormErrors(), application.Page);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var email = WriteEmail(application.Page, application.Culture, application.FullName, application.Email, applicantPageUrl);

        // SQL Server retries transient failures; a retried block must start from a clean change tracker.
        var strategy = db.Database.CreateExecutionStrategy();
        var withdrawn = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The status is claimed with a conditional UPDATE ("still what we checked"), not read and
            // written back: a double click, or the professor deciding at the same moment, then finds
            // nothing to update instead of withdrawing twice or overwriting the decision.
            var claimed = await db.Applications
                .Where(a => a.Id == applicationId && a.ApplicantId == applicantId && a.Status == application.Page.Status)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.Status, ApplicationStatus.Withdrawn)
                    .SetProperty(a => a.UpdatedAtUtc, now), ct);
            if (claimed == 0)
            {
                return false;
            }

            db.ApplicationStatusChanges.Add(new ApplicationStatusChange
            {
                ApplicationId = applicationId,
                From = application.Page.Status,
                To = ApplicationStatus.Withdrawn,
                ChangedAtUtc = now,
                ChangedByUserId = applicantId,
            });
            db.QueueEmail(email, now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

        return withdrawn
            ? Outcome.Done(application.Page with { Status = ApplicationStatus.Withdrawn })
            : Outcome.Invalid(new FormErrors(), await GetWithdrawalAsync(applicantId, applicationId, cancellationToken) ?? application.Page);
    }

    private EmailDraft WriteEmail(WithdrawalPage application, string culture, string fullName, string toAddress, string applicantPageUrl)
    {
        // The email is written in the applicant's language, not the language of this request.
        using var scope = CultureScope.Use(culture);
        var language = CultureInfo.CurrentUICulture.Name;
        var reference = application.ReferenceNumber ?? "—";
        var subject = localizer["Application {0} withdrawn", reference].Value;
        var draft = new EmailWriter(language)
            .Heading(localizer["Your application has been withdrawn"])
            .Paragraph(localizer["Dear {0},", string.IsNullOrWhiteSpace(fullName) ? toAddress : fullName])
            .Paragraph(localizer["As you asked, your application to Han Zhao's group has been withdrawn. It is closed and cannot be reopened."])
            .Facts(
            [
                (localizer["Reference number"], reference),
                (localizer["Program"], localizer[application.Program.ToString()]),
                (localizer["Intake"], application.IntakeCode),
            ])
            .Paragraph(localizer["You are welcome to apply again for a later intake."])
            .Button(localizer["See your applications"], applicantPageUrl + "?culture=" + Uri.EscapeDataString(language))
            .Build(EmailCatalogue.WithdrawalConfirmed, toAddress, fullName, subject, localizer["Han Zhao's group, Shanghai Jiao Tong University"]);
        return draft with { ApplicationId = application.Id };
    }
}
