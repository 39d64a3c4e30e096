using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.Duplicates;

/// <summary>
/// Finds applications that may be the same person under another account (another email address):
/// the same phone, the same name and institution (Latin or Chinese), or the very same document.
/// Everything is compared among the applications the staff member may see (<see cref="ReviewAccess"/>),
/// so a co-reviewer never learns of an application that is not theirs. The professor's "not a
/// duplicate" removes a pair from both pages.
/// </summary>
public sealed class DuplicateFinder(RecruitDbContext db, TimeProvider clock)
{
    /// <summary>The application's possible duplicates the user may see, without those dismissed; empty when the user may not see it.</summary>
    public async Task<IReadOnlyList<PossibleDuplicate>> FindAsync(ClaimsPrincipal user, int applicationId, CancellationToken cancellationToken)
    {
        var found = await FindAllAsync(user, applicationId, cancellationToken);
        if (found.Count == 0)
        {
            return found;
        }

        var dismissed = await DismissedPartnersAsync(applicationId, cancellationToken);
        return [.. found.Where(d => !dismissed.Contains(d.OtherId))];
    }

    /// <summary>
    /// The professor's "not a duplicate": stored once per pair (smaller id first) and audited. Saying
    /// it again, or twice at once, changes nothing more. A pair that is not flagged is refused, so a
    /// forged pair leaves no row behind.
    /// </summary>
    public async Task<Outcome> DismissAsync(ClaimsPrincipal user, int applicationId, int otherId, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Professor))
        {
            return Outcome.Forbidden();
        }

        if (applicationId == otherId)
        {
            return Outcome.Invalid("other", "An application is not a duplicate of itself.");
        }

        var visible = db.VisibleTo(user);
        if (await visible.CountAsync(a => a.Id == applicationId || a.Id == otherId, cancellationToken) != 2)
        {
            return Outcome.NotFound();
        }

        var (first, second) = applicationId < otherId ? (applicationId, otherId) : (otherId, applicationId);
        if (await IsDismissedAsync(first, second, cancellationToken))
        {
            return Outcome.Done();
        }

        var pair = (await FindAllAsync(user, applicationId, cancellationToken)).FirstOrDefault(d => d.OtherId == otherId);
        if (pair is null)
        {
            return Outcome.Invalid("other", "These two applications are not flagged as possible duplicates.");
        }

        return await SaveDismissalAsync(user, first, second, pair, cancellationToken);
    }

    private async Task<Outcome> SaveDismissalAsync(ClaimsPrincipal user, int first, int second, PossibleDuplicate pair, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.DuplicateDismissals.Add(new DuplicateDismissal
        {
            FirstApplicationId = first,
            SecondApplicationId = second,
            DismissedById = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            DismissedAtUtc = now,
        });
        db.Record(user, AuditActions.DuplicateDismissed, $"applications {first} and {second}", string.Join(", ", pair.Reasons), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same "not a duplicate" posted twice at once: the key keeps one row, and that is what was asked.
            db.ChangeTracker.Clear();
            if (!await IsDismissedAsync(first, second, CancellationToken.None))
            {
                throw;
            }
        }

        return Outcome.Done();
    }

    private Task<bool> IsDismissedAsync(int first, int second, CancellationToken cancellationToken) =>
        db.DuplicateDismissals.AsNoTracking().AnyAsync(d => d.FirstApplicationId == first && d.SecondApplicationId == second, cancellationToken);

    private async Task<HashSet<int>> DismissedPartnersAsync(int applicationId, CancellationToken cancellationToken) =>
        [.. await db.DuplicateDismissals
            .Where(d => d.FirstApplicationId == applicationId || d.SecondApplicationId == applicationId)
            .Select(d => d.FirstApplicationId == applicationId ? d.SecondApplicationId : d.FirstApplicationId)
            .ToListAsync(cancellationToken)];

    /// <summary>
    /// Every visible application of another account that matches by a key, dismissed or not. The
    /// keys (phone digits, names without spaces) are not columns, so the visible applications' few
    /// short fields are compared here; documents are matched by their indexed hash in the database.
    /// </summary>
    private async Task<IReadOnlyList<PossibleDuplicate>> FindAllAsync(ClaimsPrincipal user, int applicationId, CancellationToken cancellationToken)
    {
        var visible = db.VisibleTo(user);
        var people = await visible
            .Select(a => new Person(a.Id, a.ApplicantId, a.FullName, a.ChineseName, a.Phone, a.Institution, a.ReferenceNumber, a.Status))
            .ToListAsync(cancellationToken);
        if (people.FirstOrDefault(p => p.Id == applicationId) is not { } self)
        {
            return [];
        }

        var sameDocument = (await db.ApplicationDocuments
            .Where(d => d.ApplicationId != applicationId && d.Sha256 != string.Empty && visible.Any(a => a.Id == d.ApplicationId)
                && db.ApplicationDocuments.Any(mine => mine.ApplicationId == applicationId && mine.Sha256 == d.Sha256))
            .Select(d => d.ApplicationId)
            .Distinct()
            .ToListAsync(cancellationToken)).ToHashSet();

        return [.. people
            .Where(other => other.ApplicantId != self.ApplicantId)
            .Select(other => Compare(self, other, sameDocument.Contains(other.Id)))
            .OfType<PossibleDuplicate>()
            .OrderBy(d => d.OtherId)];
    }

    private static PossibleDuplicate? Compare(Person self, Person other, bool sameDocument)
    {
        var reasons = new List<DuplicateReason>();
        if (DuplicateKeys.Phone(self.Phone) is { } phone && phone == DuplicateKeys.Phone(other.Phone))
        {
            reasons.Add(DuplicateReason.SamePhone);
        }

        if (DuplicateKeys.NameAndInstitution(self.FullName, self.Institution) is { } name && name == DuplicateKeys.NameAndInstitution(other.FullName, other.Institution))
        {
            reasons.Add(DuplicateReason.SameNameAndInstitution);
        }

        if (DuplicateKeys.NameAndInstitution(self.ChineseName, self.Institution) is { } chinese && chinese == DuplicateKeys.NameAndInstitution(other.ChineseName, other.Institution))
        {
            reasons.Add(DuplicateReason.SameChineseNameAndInstitution);
        }

        if (sameDocument)
        {
            reasons.Add(DuplicateReason.SameDocument);
        }

        return reasons.Count == 0 ? null : new PossibleDuplicate(other.Id, other.FullName, other.ReferenceNumber, other.Status, reasons);
    }

    private sealed record Person(int Id, string ApplicantId, string FullName, string? ChineseName, string Phone, string Institution, string? ReferenceNumber, ApplicationStatus Status);
}
