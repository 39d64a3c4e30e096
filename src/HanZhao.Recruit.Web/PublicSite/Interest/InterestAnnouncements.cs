using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Interest;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.PublicSite.Interest;

/// <summary>
/// Tells each confirmed, subscribed registrant once when an intake offering their program takes
/// applications. Run every minute by the job server (so an intake that opens at a set time, or a
/// registration confirmed while one is open, is announced within a minute), and called by whoever
/// opens an intake so the news leaves at once. A <see cref="RegistrationAnnouncement"/> row per
/// registrant and intake, saved with the email, is the guarantee: its key refuses a second one, so
/// opening an intake twice or two instances running this together send one email each. Works on a
/// DbContext of its own, so a caller's unsaved changes are neither saved nor cleared by it.
/// </summary>
public sealed class InterestAnnouncements(
    DbContextOptions<RecruitDbContext> options, InterestEmails emails, TimeProvider clock, ILogger<InterestAnnouncements> logger)
{
    public const string JobId = "interest-announcements";

    /// <summary>Registrants read per query: memory stays small however many registered.</summary>
    private const int BatchSize = 100;

    /// <summary>Queues the announcements still owed for every intake that takes applications now; returns how many were queued.</summary>
    public async Task<int> AnnounceOpenIntakesAsync(CancellationToken cancellationToken)
    {
        await using var db = new RecruitDbContext(options);
        var now = clock.GetUtcNow().UtcDateTime;
        // A handful of rows; whether one takes applications is the entity's own rule, in memory.
        var open = (await db.Intakes.AsNoTracking().Where(i => i.IsOpen).ToListAsync(cancellationToken))
            .Where(i => i.IsAcceptingApplications(now))
            .ToList();
        var queued = 0;
        foreach (var intake in open)
        {
            queued += await AnnounceAsync(db, intake, cancellationToken);
        }

        if (queued > 0)
        {
            logger.LogInformation("Queued {Count} intake announcements to registrants", queued);
        }

        return queued;
    }

    private async Task<int> AnnounceAsync(RecruitDbContext db, Intake intake, CancellationToken cancellationToken)
    {
        var programs = new[] { StudyPrograms.PhD, StudyPrograms.Master }.Where(intake.Offers).ToList();
        var queued = 0;
        var afterId = 0;
        while (true)
        {
            // Keyset pages: each pass starts after the last registrant seen, so one that a concurrent
            // run announced first (and this one skipped) is not read again.
            var batch = await db.InterestRegistrations.AsNoTracking()
                .Where(r => r.Id > afterId && r.ConfirmedAtUtc != null && r.UnsubscribedAtUtc == null && programs.Contains(r.Program))
                .Where(r => !db.RegistrationAnnouncements.Any(a => a.RegistrationId == r.Id && a.IntakeId == intake.Id))
                .OrderBy(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var registration in batch)
            {
                queued += await TryAnnounceAsync(db, registration, intake, cancellationToken) ? 1 : 0;
            }

            if (batch.Count < BatchSize)
            {
                return queued;
            }

            afterId = batch[^1].Id;
        }
    }

    /// <summary>
    /// The announcement row, the email and the registrant's new unsubscribe link in one SaveChanges:
    /// all or nothing. False when another run saved this registrant's row first.
    /// </summary>
    private async Task<bool> TryAnnounceAsync(RecruitDbContext db, InterestRegistration registration, Intake intake, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Only the hash of a link is kept, so the email carries a new one; it replaces the previous.
        var unsubscribeToken = LinkTokens.New();
        db.Attach(registration);
        registration.UnsubscribeTokenHash = LinkTokens.Hash(unsubscribeToken);
        db.RegistrationAnnouncements.Add(new RegistrationAnnouncement { RegistrationId = registration.Id, IntakeId = intake.Id, SentAtUtc = now });
        db.QueueEmail(emails.Announcement(registration, intake, unsubscribeToken), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Only the key refusing a second row is an answer (the other run sent this registrant's
            // email); any other failure is an error.
            if (await db.RegistrationAnnouncements.AnyAsync(a => a.RegistrationId == registration.Id && a.IntakeId == intake.Id, cancellationToken))
            {
                return false;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
