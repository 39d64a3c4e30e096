using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Apply.SignIn;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Privacy;

/// <summary>
/// The requests about personal data, from the applicant (/applicant/data) and the professor (for a
/// request received by email): what may be done, checked here; the work is done by
/// <see cref="PersonalDataExport"/> and <see cref="PersonalDataErasure"/>.
/// </summary>
public sealed class PersonalDataRequests(
    RecruitDbContext db,
    PersonalDataExport export,
    PersonalDataErasure erasure,
    ApplicantPortal portal,
    ApplicantSignInService signIn,
    DatabaseLimits limits,
    TimeProvider clock,
    IOptions<PrivacyOptions> options,
    IStringLocalizer<SharedResource> localizer)
{
    public const string ExportLimitScope = "privacy-export";

    public const string ErasePath = "/applicant/data/erase";

    public const string ExportedAction = "PersonalDataExported";

    private static readonly ApplicationStatus[] Closed = [ApplicationStatus.Draft, ApplicationStatus.Withdrawn, ApplicationStatus.Rejected, ApplicationStatus.Declined, ApplicationStatus.Accepted];

    public async Task<DataSummary> SummaryAsync(string applicantId, FormErrors? errors, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == applicantId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        var mine = db.Applications.Where(a => a.ApplicantId == applicantId).Select(a => a.Id);
        return new DataSummary(
            email,
            await mine.CountAsync(cancellationToken),
            await db.ApplicationDocuments.CountAsync(d => mine.Contains(d.ApplicationId), cancellationToken),
            await db.LetterRequests.CountAsync(r => mine.Contains(r.ApplicationId), cancellationToken),
            await db.EmailMessages.CountAsync(m => m.ToAddress == email, cancellationToken),
            errors ?? new FormErrors());
    }

    /// <summary>The applicant's own ZIP, once per window (one atomic step: two requests at once get one ZIP).</summary>
    public async Task<Outcome<byte[]>> ExportOwnAsync(string applicantId, CancellationToken cancellationToken)
    {
        if (!await limits.TryTakeAsync(ExportLimitScope, applicantId, 1, options.Value.ExportWindow, cancellationToken))
        {
            return Outcome.Invalid(FormErrors.General(localizer["You have downloaded your data today already. You can download it again tomorrow."]), Array.Empty<byte>());
        }

        return await export.BuildAsync(applicantId, cancellationToken) is { } zip ? Outcome.Done(zip) : Outcome.NotFound();
    }

    /// <summary>The applicant's ZIP for the professor, found by one of their applications; audited (no personal data).</summary>
    public async Task<Outcome<byte[]>> ExportForStaffAsync(ClaimsPrincipal user, int applicationId, CancellationToken cancellationToken)
    {
        var applicantId = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.ApplicantId).SingleOrDefaultAsync(cancellationToken);
        if (applicantId is null || await export.BuildAsync(applicantId, cancellationToken) is not { } zip)
        {
            return Outcome.NotFound();
        }

        db.Record(user, ExportedAction, PersonalDataErasure.Target(applicationId), null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(zip);
    }

    public async Task<ErasePage> ErasePageAsync(ClaimsPrincipal user, string applicantId, EraseForm form, FormErrors? errors, CancellationToken cancellationToken) =>
        new(await SummaryAsync(applicantId, null, cancellationToken),
            await db.Applications.CountAsync(a => a.ApplicantId == applicantId && !Closed.Contains(a.Status), cancellationToken),
            !IsFresh(await SignedInAtAsync(user, cancellationToken)), form, errors ?? new FormErrors());

    /// <summary>
    /// Erases everything of the applicant once they typed their address and signed in recently:
    /// open applications are withdrawn first (recorded and told as any withdrawal), then all is
    /// erased. A stale session gets a fresh sign-in link instead (Invalid with "fresh"), which lands back
    /// on the confirmation. A wrong address: Invalid beside "Confirmation", nothing changed.
    /// </summary>
    public async Task<Outcome<ErasePage>> EraseOwnAsync(ClaimsPrincipal user, string applicantId, EraseForm form, string applicantPageUrl, CancellationToken cancellationToken)
    {
        var page = await ErasePageAsync(user, applicantId, form, null, cancellationToken);
        var typed = form.Confirmation?.Trim() ?? string.Empty;
        if (page.Summary.Email.Length == 0 || !string.Equals(typed, page.Summary.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Invalid(FormErrors.Of(nameof(EraseForm.Confirmation), localizer["Type the email address you signed in with, exactly as shown."]), page);
        }

        if (page.NeedsFreshSignIn)
        {
            var sent = await signIn.RequestLinkAsync(new SignInRequestForm { Email = page.Summary.Email, ReturnPath = ErasePath }, cancellationToken);
            var message = sent.IsDone
                ? localizer["For your safety, please confirm it is you: we sent a new sign-in link to your address. Open it, and you will come back to this page."]
                : sent.Errors.Messages.First();
            return Outcome.Invalid(FormErrors.Of("fresh", message), page with { Errors = FormErrors.Of("fresh", message) });
        }

        var open = await db.Applications.Where(a => a.ApplicantId == applicantId && !Closed.Contains(a.Status)).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in open)
        {
            await portal.WithdrawAsync(applicantId, id, applicantPageUrl, cancellationToken);
        }

        await erasure.EraseApplicantAsync(applicantId, null, ErasureReason.ApplicantRequest, includeInterest: true, cancellationToken);
        return Outcome.Done(page);
    }

    public async Task<StaffErasePage?> StaffErasePageAsync(int applicationId, StaffEraseForm form, FormErrors? errors, CancellationToken cancellationToken)
    {
        var found = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.ApplicantId, a.ReferenceNumber, a.FullName }).SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new StaffErasePage(applicationId, found.ReferenceNumber, found.FullName,
                await db.Applications.CountAsync(a => a.ApplicantId == found.ApplicantId, cancellationToken), form, errors ?? new FormErrors());
    }

    /// <summary>
    /// The professor erases the applicant of <paramref name="applicationId"/>: every application, the
    /// account and the interest registrations. A reason from the list and the tick are required. A
    /// second post (a replay, another tab) finds the application erased: a clear message, nothing changed.
    /// </summary>
    public async Task<Outcome<StaffErasePage>> EraseForStaffAsync(ClaimsPrincipal user, int applicationId, StaffEraseForm form, CancellationToken cancellationToken)
    {
        var page = await StaffErasePageAsync(applicationId, form, null, cancellationToken);
        if (page is null)
        {
            return await WasErasedAsync(applicationId, cancellationToken)
                ? Outcome.Invalid(FormErrors.General(localizer["This applicant's data has been erased already. Nothing more was changed."]),
                    new StaffErasePage(applicationId, null, string.Empty, 0, form, new FormErrors()))
                : Outcome.NotFound();
        }

        var errors = new FormErrors();
        var reason = Enum.GetNames<ErasureReason>().Contains(form.Reason, StringComparer.Ordinal) && form.Reason != nameof(ErasureReason.Retention)
            ? Enum.Parse<ErasureReason>(form.Reason!)
            : (ErasureReason?)null;
        if (reason is null)
        {
            errors.Add(nameof(StaffEraseForm.Reason), localizer["Choose why the data is erased."]);
        }

        if (form.Confirm is not ("yes" or "true" or "on"))
        {
            errors.Add(nameof(StaffEraseForm.Confirm), localizer["Tick the box to confirm: erasing cannot be undone."]);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors, page with { Errors = errors });
        }

        var applicantId = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.ApplicantId).SingleOrDefaultAsync(cancellationToken);
        var result = applicantId is null
            ? ErasureResult.Nothing
            : await erasure.EraseApplicantAsync(applicantId, user, reason!.Value, includeInterest: true, cancellationToken);
        return result.ApplicationsErased > 0
            ? Outcome.Done(page)
            : Outcome.Invalid(FormErrors.General(localizer["This applicant's data has been erased already. Nothing more was changed."]), page);
    }

    private Task<bool> WasErasedAsync(int applicationId, CancellationToken cancellationToken)
    {
        var target = PersonalDataErasure.Target(applicationId);
        return db.AuditEntries.AnyAsync(e => e.Action == PersonalDataErasure.ErasedAction && e.Target == target, cancellationToken);
    }

    /// <summary>When this session began: its row (see ServerSessions), made at sign-in and kept while it lasts.</summary>
    private async Task<DateTime?> SignedInAtAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(ServerSessions.KeyClaim) is not { Length: > 0 } key)
        {
            return null;
        }

        var id = LinkTokens.Hash(key);
        return await db.UserSessions.Where(s => s.Id == id).Select(s => (DateTime?)s.CreatedAtUtc).SingleOrDefaultAsync(cancellationToken);
    }

    private bool IsFresh(DateTime? signedInAtUtc) =>
        signedInAtUtc is { } at && clock.GetUtcNow().UtcDateTime - at <= options.Value.FreshSignIn;
}
