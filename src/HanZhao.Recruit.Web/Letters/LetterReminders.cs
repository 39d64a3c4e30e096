using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Letters;

/// <summary>
/// The hourly job that reminds referees who have not answered: once <see cref="LetterOptions.FirstReminderAfter"/>
/// the request, again <see cref="LetterOptions.SecondReminderBefore"/> its deadline, at most
/// <see cref="LetterOptions.MaxReminders"/> in all; never once the letter arrived, the referee declined,
/// the applicant withdrew the request or the application closed, nor after the link expired. Each
/// reminder carries a fresh link (only hashes are stored, so the first token cannot be sent again).
/// </summary>
public sealed class LetterReminders(RecruitDbContext db, TimeProvider clock, LetterEmails emails, IOptions<LetterOptions> options)
{
    public const string JobId = "letter-reminders";

    private static readonly ApplicationStatus[] Closed = [ApplicationStatus.Withdrawn, ApplicationStatus.Rejected, ApplicationStatus.Declined];

    /// <summary>Sends the reminders due now; returns how many. Running twice, or twice at once, sends each reminder once.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var firstBefore = now - settings.FirstReminderAfter;
        var secondBefore = now + settings.SecondReminderBefore;
        var candidates = await db.LetterRequests.AsNoTracking()
            .Where(r => r.State == LetterState.Requested && r.ExpiresAtUtc > now && r.RemindersSent < settings.MaxReminders
                && (r.RequestedAtUtc <= firstBefore || r.ExpiresAtUtc <= secondBefore))
            .Join(db.Applications.Where(a => !Closed.Contains(a.Status)), r => r.ApplicationId, a => a.Id,
                (r, a) => new { Request = r, Facts = new LetterFacts(a.FullName, a.Program.ToString(), a.Intake!.Code) })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var candidate in candidates.Where(c => IsDue(c.Request, now, settings)))
        {
            sent += await RemindAsync(candidate.Request, candidate.Facts, now, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    /// <summary>
    /// Whether the next reminder's moment has passed: the first after the request, the second before
    /// the deadline; and the last reminder is not too recent, so two passed moments send one now.
    /// </summary>
    public static bool IsDue(LetterRequest request, DateTime nowUtc, LetterOptions settings)
    {
        DateTime[] moments = [request.RequestedAtUtc + settings.FirstReminderAfter, request.ExpiresAtUtc - settings.SecondReminderBefore];
        Array.Sort(moments);
        return request.RemindersSent < Math.Min(settings.MaxReminders, moments.Length)
            && nowUtc >= moments[request.RemindersSent]
            && (request.LastReminderAtUtc is not { } last || nowUtc - last >= settings.MinimumReminderGap);
    }

    /// <summary>
    /// One reminder: the count rises only from the value read (a conditional update), and the new link,
    /// the email and the audit row commit with it, so a second run at once changes nothing and sends nothing.
    /// </summary>
    private async Task<bool> RemindAsync(LetterRequest request, LetterFacts facts, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.LetterRequests
            .Where(r => r.Id == request.Id && r.State == LetterState.Requested && r.RemindersSent == request.RemindersSent)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RemindersSent, request.RemindersSent + 1).SetProperty(r => r.LastReminderAtUtc, now), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var token = LinkTokens.New();
        db.LetterLinks.Add(new LetterLink { LetterRequestId = request.Id, TokenHash = LinkTokens.Hash(token), IssuedAtUtc = now });
        db.QueueEmail(emails.Reminder(request, facts, token) with { ApplicationId = request.ApplicationId }, now);
        db.Record(null, "LetterReminded", $"Application {request.ApplicationId}", $"Letter request {request.Id}, reminder {request.RemindersSent + 1}", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
