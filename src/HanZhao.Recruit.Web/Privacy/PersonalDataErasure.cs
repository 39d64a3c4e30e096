using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Review.Scoring;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Privacy;

/// <summary>What one erasure did: how many applications it erased and whether the account went too.</summary>
public sealed record ErasureResult(int ApplicationsErased, bool AccountErased)
{
    public static readonly ErasureResult Nothing = new(0, false);

    public bool ErasedAnything => ApplicationsErased > 0 || AccountErased;
}

/// <summary>
/// The one place that erases an applicant's personal data: the applicant's own request, the
/// professor's, and the retention job all come here. Each application goes in its own transaction
/// (so a failure leaves whole applications, never half of one); rows are deleted table by table
/// rather than trusting cascades, so SQL Server's NO ACTION keys and a table added later (see
/// <see cref="ApplicationTables"/> and its test) cannot keep a row. Erasing what is already gone is a
/// no-op that reports nothing erased. On SQLite deleted content is overwritten (<see cref="Platform.Database.ConnectionPragmas"/>),
/// so the database file keeps no copy of it.
/// </summary>
public sealed class PersonalDataErasure(RecruitDbContext db, TimeProvider clock, ScoreFigures figures)
{
    /// <summary>The audit action of the one entry an erased application leaves behind.</summary>
    public const string ErasedAction = "ApplicationErased";

    /// <summary>The audit action of an erased account (the applicant's sign-in, without applications left).</summary>
    public const string AccountErasedAction = "ApplicantAccountErased";

    /// <summary>What replaces personal details in audit entries and emails about an erased application.</summary>
    public const string Removed = "(personal details removed: erased)";

    /// <summary>
    /// Every table with a row per application, by the entity that holds it. A test lists the model's
    /// entity types with an application id and fails when one is missing here.
    /// </summary>
    public static readonly IReadOnlyList<Type> ApplicationTables =
    [
        typeof(Application), typeof(ApplicationDocument), typeof(DocumentContent),
        typeof(ApplicationStatusChange), typeof(ApplicationMilestone),
        typeof(LetterRequest), typeof(LetterLink), typeof(LetterContent),
        typeof(InterviewInvitation), typeof(InterviewBooking),
        typeof(ApplicationNote), typeof(ApplicationScore), typeof(ApplicationTag), typeof(ApplicationInterest), typeof(ReviewerAssignment), typeof(DuplicateDismissal),
        typeof(EmailMessage),
    ];

    /// <summary>
    /// Erases every application of the applicant, then their account. <paramref name="includeInterest"/>:
    /// also the interest registrations (意向登记) of their address, when they asked to erase everything.
    /// <paramref name="user"/> is who erased (null: the retention job).
    /// </summary>
    public async Task<ErasureResult> EraseApplicantAsync(
        string applicantId, ClaimsPrincipal? user, ErasureReason reason, bool includeInterest, CancellationToken cancellationToken)
    {
        var ids = await db.Applications.Where(a => a.ApplicantId == applicantId).Select(a => a.Id).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var id in ids)
        {
            erased += await EraseOneAsync(id, user, reason, cancellationToken) is null ? 0 : 1;
        }

        var account = await EraseAccountIfEmptyAsync(applicantId, user, reason, includeInterest, cancellationToken);
        return new ErasureResult(erased, account);
    }

    /// <summary>
    /// Erases one application and everything about it; its account too when it was the applicant's
    /// last. An application that is not there (erased already, or never was) changes nothing.
    /// </summary>
    public Task<ErasureResult> EraseApplicationAsync(int applicationId, ClaimsPrincipal? user, ErasureReason reason, CancellationToken cancellationToken) =>
        EraseApplicationAsync(applicationId, user, reason, onlyIf: null, cancellationToken);

    /// <summary>
    /// As above, but only while the application matches <paramref name="onlyIf"/>, checked by the same
    /// write that takes the row (the retention job: only while it is still due as read).
    /// </summary>
    public async Task<ErasureResult> EraseApplicationAsync(
        int applicationId, ClaimsPrincipal? user, ErasureReason reason, Expression<Func<Application, bool>>? onlyIf, CancellationToken cancellationToken)
    {
        var applicantId = await EraseOneAsync(applicationId, user, reason, cancellationToken, onlyIf);
        return applicantId is null
            ? ErasureResult.Nothing
            : new ErasureResult(1, await EraseAccountIfEmptyAsync(applicantId, user, reason, includeInterest: false, cancellationToken));
    }

    /// <summary>One application in one transaction; the applicant's id, or null when there was nothing to erase.</summary>
    private async Task<string?> EraseOneAsync(
        int applicationId, ClaimsPrincipal? user, ErasureReason reason, CancellationToken cancellationToken, Expression<Func<Application, bool>>? onlyIf = null)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // A write first: it takes the row (SQL Server) or the database (SQLite) for this
            // transaction, so a status change at the same moment lands wholly before or finds nothing,
            // and a second erasure of the same application waits, then finds nothing to erase.
            var now = clock.GetUtcNow().UtcDateTime;
            if (await db.Applications.Where(a => a.Id == applicationId).Where(onlyIf ?? (a => true)).ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAtUtc, now), ct) == 0)
            {
                return null;
            }

            var application = await db.Applications.AsNoTracking()
                .Where(a => a.Id == applicationId)
                .Select(a => new { a.ApplicantId, a.ReferenceNumber, a.FullName, a.ChineseName, a.Phone, a.Applicant!.Email })
                .SingleOrDefaultAsync(ct);
            if (application is null)
            {
                return null;
            }

            var personal = new[] { application.FullName, application.ChineseName, application.Phone, application.Email, application.ReferenceNumber }
                .Where(text => !string.IsNullOrWhiteSpace(text) && text.Trim().Length >= 3)
                .Select(text => text!.Trim())
                .ToList();
            await ScrubAuditAsync(applicationId, application.ApplicantId, personal, ct);
            await ScrubOtherEmailsAsync(applicationId, personal, ct);
            await DeleteRowsAsync(applicationId, ct);
            // Its scores are gone: every other application's normalised figure may move with them.
            await figures.RecomputeAsync(ct);
            db.Record(user, ErasedAction, Target(applicationId), Describe(reason, application.ReferenceNumber), now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return application.ApplicantId;
        }, cancellationToken);
    }

    public static string Target(int applicationId) => string.Create(CultureInfo.InvariantCulture, $"Application {applicationId}");

    /// <summary>The reference number as a short SHA-256: matches a reference someone quotes, reveals none.</summary>
    public static string ReferenceHash(string? reference) =>
        string.IsNullOrEmpty(reference) ? "none" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference)))[..16];

    private static string Describe(ErasureReason reason, string? reference) =>
        $"Reason: {reason}; reference SHA-256: {ReferenceHash(reference)}";

    /// <summary>
    /// The applicant's account (an applicant only: staff accounts are never erased here), its
    /// sessions, sign-in links and the emails to its address, once no application of theirs is left.
    /// </summary>
    private async Task<bool> EraseAccountIfEmptyAsync(
        string applicantId, ClaimsPrincipal? user, ErasureReason reason, bool includeInterest, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var applicantRole = await db.Roles.Where(r => r.Name == Roles.Applicant).Select(r => r.Id).SingleOrDefaultAsync(ct);
            var account = await db.Users.AsNoTracking().Where(u => u.Id == applicantId).Select(u => new { u.Email, u.NormalizedEmail }).SingleOrDefaultAsync(ct);
            var onlyApplicant = await db.UserRoles.Where(r => r.UserId == applicantId).AllAsync(r => r.RoleId == applicantRole, ct);
            if (account is null || !onlyApplicant || await db.Applications.AnyAsync(a => a.ApplicantId == applicantId, ct))
            {
                return false;
            }

            var email = account.Email ?? string.Empty;
            var normalized = account.NormalizedEmail ?? string.Empty;
            await db.SignInLinks.Where(l => l.NormalizedEmail == normalized || l.NormalizedEmail == email).ExecuteDeleteAsync(ct);
            await db.EmailMessages.Where(m => m.ToAddress == email || m.ToAddress == normalized || m.SentTo == email).ExecuteDeleteAsync(ct);
            await db.UserSessions.Where(s => s.UserId == applicantId).ExecuteDeleteAsync(ct);
            await db.UserTokens.Where(t => t.UserId == applicantId).ExecuteDeleteAsync(ct);
            await db.UserLogins.Where(t => t.UserId == applicantId).ExecuteDeleteAsync(ct);
            await db.UserClaims.Where(t => t.UserId == applicantId).ExecuteDeleteAsync(ct);
            await db.UserRoles.Where(t => t.UserId == applicantId).ExecuteDeleteAsync(ct);
            await db.Users.Where(u => u.Id == applicantId).ExecuteDeleteAsync(ct);
            if (includeInterest && email.Length > 0)
            {
                var registrations = db.InterestRegistrations.Where(r => r.Email == email || r.Email == normalized);
                await db.RegistrationAnnouncements.Where(a => registrations.Any(r => r.Id == a.RegistrationId)).ExecuteDeleteAsync(ct);
                await registrations.ExecuteDeleteAsync(ct);
            }

            await db.AuditEntries.Where(e => e.UserId == applicantId)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.UserEmail, (string?)null), ct);
            await ScrubTextAsync([email], ct);
            db.Record(user, AccountErasedAction, "Applicant account", "Reason: " + reason, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Deletes the application's rows, children before parents.</summary>
    private async Task DeleteRowsAsync(int id, CancellationToken ct)
    {
        var letters = db.LetterRequests.Where(r => r.ApplicationId == id).Select(r => r.Id);
        await db.LetterLinks.Where(l => letters.Contains(l.LetterRequestId)).ExecuteDeleteAsync(ct);
        await db.LetterContents.Where(c => letters.Contains(c.LetterRequestId)).ExecuteDeleteAsync(ct);
        await db.LetterRequests.Where(r => r.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.InterviewBookings.Where(b => b.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.InterviewInvitations.Where(i => i.ApplicationId == id).ExecuteDeleteAsync(ct);
        var documents = db.ApplicationDocuments.Where(d => d.ApplicationId == id).Select(d => d.Id);
        await db.DocumentContents.Where(c => documents.Contains(c.DocumentId)).ExecuteDeleteAsync(ct);
        await db.ApplicationDocuments.Where(d => d.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.ApplicationStatusChanges.Where(c => c.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.ApplicationMilestones.Where(m => m.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.ApplicationNotes.Where(n => n.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.ApplicationScores.Where(s => s.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.ApplicationTags.Where(t => t.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.ApplicationInterests.Where(i => i.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.ReviewerAssignments.Where(a => a.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.DuplicateDismissals.Where(d => d.FirstApplicationId == id || d.SecondApplicationId == id).ExecuteDeleteAsync(ct);
        await db.EmailMessages.Where(m => m.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.Applications.Where(a => a.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Audit entries stay (who did what, when) but lose what they said about the person: the details
    /// of every entry about the application, and any entry naming them.
    /// </summary>
    private async Task ScrubAuditAsync(int id, string applicantId, IReadOnlyList<string> personal, CancellationToken ct)
    {
        var target = Target(id);
        var pair = string.Create(CultureInfo.InvariantCulture, $"{id} and ");
        var pairEnd = string.Create(CultureInfo.InvariantCulture, $" and {id}");
        await db.AuditEntries
            .Where(e => e.Target == target || (e.Target != null && e.Target.StartsWith("applications ") && (e.Target.EndsWith(pairEnd) || e.Target.Contains(" " + pair))))
            .Where(e => e.Details != null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Details, Removed), ct);
        await db.AuditEntries.Where(e => e.UserId == applicantId).ExecuteUpdateAsync(set => set.SetProperty(e => e.UserEmail, (string?)null), ct);
        await ScrubTextAsync(personal, ct);
    }

    /// <summary>Audit entries and emails not tied to the application (a digest, an export) that name the person.</summary>
    private async Task ScrubTextAsync(IReadOnlyList<string> personal, CancellationToken ct)
    {
        foreach (var text in personal.Where(t => t.Length > 0))
        {
            await db.AuditEntries.Where(e => e.Details != null && e.Details.Contains(text))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Details, Removed), ct);
            await db.AuditEntries.Where(e => e.Target != null && e.Target.Contains(text))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Target, Removed), ct);
            await db.AuditEntries.Where(e => e.UserEmail == text).ExecuteUpdateAsync(set => set.SetProperty(e => e.UserEmail, (string?)null), ct);
        }
    }

    /// <summary>Emails to others (the digest, a referee) that mention the person: the mention is replaced, the email kept.</summary>
    private async Task ScrubOtherEmailsAsync(int id, IReadOnlyList<string> personal, CancellationToken ct)
    {
        foreach (var text in personal)
        {
            var messages = await db.EmailMessages
                .Where(m => m.ApplicationId != id && (m.TextBody.Contains(text) || m.HtmlBody.Contains(text) || m.Subject.Contains(text) || m.ToName == text))
                .ToListAsync(ct);
            foreach (var message in messages)
            {
                message.TextBody = message.TextBody.Replace(text, Removed, StringComparison.Ordinal);
                message.HtmlBody = message.HtmlBody.Replace(text, Removed, StringComparison.Ordinal);
                message.Subject = message.Subject.Replace(text, Removed, StringComparison.Ordinal);
                message.ToName = message.ToName == text ? null : message.ToName;
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
