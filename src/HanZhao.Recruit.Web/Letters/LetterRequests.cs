using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Letters;

/// <summary>
/// The applicant's side of letters: naming referees (each gets the request email with a private
/// link), seeing where each request stands, and withdrawing one until its letter arrives. The
/// applicant never sees a letter. Another applicant's application is not found.
/// </summary>
public sealed class LetterRequests(
    RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer, LetterEmails emails, IOptions<LetterOptions> options)
{
    /// <summary>Open or answered requests per application: more referees than any program reads.</summary>
    public const int MaxRequests = 5;

    private static readonly ApplicationStatus[] Closed = [ApplicationStatus.Withdrawn, ApplicationStatus.Rejected, ApplicationStatus.Declined];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<RefereesPage?> GetPageAsync(string applicantId, int applicationId, RefereeForm? form, FormErrors? errors, CancellationToken cancellationToken)
    {
        var application = await OwnAsync(applicantId, applicationId, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var requests = await db.LetterRequests.AsNoTracking().Where(r => r.ApplicationId == applicationId)
            .OrderBy(r => r.RequestedAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return new RefereesPage(application.Id, application.ReferenceNumber, application.FullName, requests, Now, !Closed.Contains(application.Status))
        {
            Form = form ?? new RefereeForm(),
            Errors = errors ?? new FormErrors(),
        };
    }

    /// <summary>Asks a referee: the request and its email are saved together, or nothing is.</summary>
    public async Task<Outcome<RefereesPage>> AskAsync(ClaimsPrincipal user, string applicantId, string applicantEmail, int applicationId, RefereeForm form, CancellationToken cancellationToken)
    {
        var application = await OwnAsync(applicantId, applicationId, cancellationToken);
        if (application is null)
        {
            return Outcome.NotFound();
        }

        var errors = new FormErrors();
        var values = Validate(form, applicantEmail, application, errors);
        if (values is not null && await AskedAlreadyAsync(applicationId, values.RefereeEmail, cancellationToken))
        {
            errors.Add("email", localizer["You already asked this referee. Withdraw that request first to ask again."]);
        }

        if (values is null || errors.Any)
        {
            return Outcome.Invalid(errors, (await GetPageAsync(applicantId, applicationId, form, errors, cancellationToken))!);
        }

        return await StoreAsync(user, application, values, form, cancellationToken);
    }

    /// <summary>Withdraws a request whose letter has not arrived; its link then says so.</summary>
    public async Task<Outcome> WithdrawAsync(ClaimsPrincipal user, string applicantId, int applicationId, int requestId, CancellationToken cancellationToken)
    {
        if (await OwnAsync(applicantId, applicationId, cancellationToken) is null)
        {
            return Outcome.NotFound();
        }

        var now = Now;
        var withdrawn = await db.LetterRequests
            .Where(r => r.Id == requestId && r.ApplicationId == applicationId && r.State == LetterState.Requested)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, LetterState.Withdrawn).SetProperty(r => r.ClosedAtUtc, now), cancellationToken);
        if (withdrawn == 0)
        {
            // Unknown, another application's, or already answered: nothing to withdraw, and nothing changed.
            return Outcome.NotFound();
        }

        db.Record(user, "LetterWithdrawn", $"Application {applicationId}", $"Letter request {requestId}", now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    private async Task<Outcome<RefereesPage>> StoreAsync(
        ClaimsPrincipal user, Application application, LetterRequest values, RefereeForm form, CancellationToken cancellationToken)
    {
        var token = LinkTokens.New();
        var now = Now;
        values.Links.Add(new LetterLink { TokenHash = LinkTokens.Hash(token), IssuedAtUtc = now });
        values.RequestedAtUtc = now;
        values.ExpiresAtUtc = now + options.Value.LinkLifetime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.LetterRequests.Add(values);
        db.QueueEmail(emails.Request(values, new LetterFacts(application.FullName, application.Program.ToString(), application.Intake!.Code), token) with
        {
            ApplicationId = application.Id,
        }, now);
        db.Record(user, "LetterRequested", $"Application {application.Id}", $"Referee {values.RefereeEmail}", now);
        await db.SaveChangesAsync(cancellationToken);
        // Counted after the insert, inside the transaction: of two requests racing for the last place,
        // the second sees both rows and takes its own back.
        if (await db.LetterRequests.CountAsync(r => r.ApplicationId == application.Id && r.State != LetterState.Withdrawn, cancellationToken) > MaxRequests)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var errors = FormErrors.Of("", localizer["You can ask at most 5 referees. Withdraw a request to ask someone else."]);
            return Outcome.Invalid(errors, (await GetPageAsync(application.ApplicantId, application.Id, form, errors, cancellationToken))!);
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done((await GetPageAsync(application.ApplicantId, application.Id, null, null, cancellationToken))!);
    }

    private LetterRequest? Validate(RefereeForm form, string applicantEmail, Application application, FormErrors errors)
    {
        var name = Required(form.Name, "name", 100, errors);
        var institution = Required(form.Institution, "institution", 200, errors);
        var relationship = Required(form.Relationship, "relationship", 200, errors);
        var title = form.Title?.Trim() is { Length: > 0 } typed ? typed : null;
        if (title is { Length: > 100 })
        {
            errors.Add("title", localizer["At most {0} characters.", 100]);
        }

        var email = EmailAddresses.Check(form.Email);
        if (!email.IsValid)
        {
            errors.Add("email", localizer[email.Problem!]);
        }
        else if (string.Equals(email.Address, EmailAddresses.Check(applicantEmail).Address, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("email", localizer["A referee is someone else: enter their address, not yours."]);
        }

        if (!Cultures.IsSupported(form.Language))
        {
            errors.Add("language", localizer["Choose the language of the referee's email."]);
        }

        if (form.Waive is not (null or "" or "true"))
        {
            errors.Add("waive", localizer["Tick the box or leave it empty."]);
        }

        if (Closed.Contains(application.Status))
        {
            errors.AddGeneral(localizer["This application is closed: no more letters can be requested."]);
        }

        return errors.Any ? null : new LetterRequest
        {
            ApplicationId = application.Id, RefereeName = name!, RefereeEmail = email.Address!, RefereeTitle = title, RefereeInstitution = institution!,
            Relationship = relationship!, Culture = Cultures.Supported.First(c => c.Equals(form.Language, StringComparison.OrdinalIgnoreCase)),
            ApplicantWaivedAccess = form.Waive == "true", State = LetterState.Requested,
        };
    }

    private string? Required(string? value, string field, int max, FormErrors errors)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            errors.Add(field, localizer["This field is required."]);
        }
        else if (text.Length > max)
        {
            errors.Add(field, localizer["At most {0} characters.", max]);
        }

        return text;
    }

    /// <summary>Whether the referee was asked and not withdrawn; "Wang@" and "wang@" are one person in practice.</summary>
    private Task<bool> AskedAlreadyAsync(int applicationId, string email, CancellationToken cancellationToken)
    {
        var lower = email.ToLowerInvariant();
#pragma warning disable CA1862 // EF turns ToLower into SQL LOWER(); string.Equals with a comparison has no SQL translation.
        return db.LetterRequests.AnyAsync(
            r => r.ApplicationId == applicationId && r.RefereeEmail.ToLower() == lower && r.State != LetterState.Withdrawn, cancellationToken);
#pragma warning restore CA1862
    }

    private Task<Application?> OwnAsync(string applicantId, int applicationId, CancellationToken cancellationToken) =>
        db.Applications.Include(a => a.Intake).SingleOrDefaultAsync(a => a.Id == applicationId && a.ApplicantId == applicantId, cancellationToken);
}
