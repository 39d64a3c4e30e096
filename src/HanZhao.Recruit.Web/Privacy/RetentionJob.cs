using System.Linq.Expressions;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Data.Privacy;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Privacy;

/// <summary>What one sweep did.</summary>
public sealed record RetentionCounts(int Noticed, int Erased, int BodiesBlanked, int SkippedExtended);

/// <summary>
/// The daily retention job (03:00 in Shanghai, Platform/Jobs): (a) one notice to each applicant whose
/// application falls due within the notice period, (b) the erasure, through <see cref="PersonalDataErasure"/>
/// with reason Retention, of what is due and was noticed at least the notice period ago, (c) blanking the
/// bodies and addresses of emails sent longer ago than their period, (d) the counts in the log and the run's row.
/// Every step re-checks in the database what it acts on (a notice is claimed by an update that only one
/// run can make; an erasure only goes ahead while the application is as it was read), so a rerun, a
/// second instance or a crash half-way sends nothing twice, erases nothing early and loses nothing.
/// Drafts get a notice too: their owner signed in with an email link, so we can tell them, and a
/// draft started months ago may still matter to them (they can submit it, or download it, first).
/// </summary>
public sealed class RetentionJob(
    RecruitDbContext db, RetentionPolicy policy, PersonalDataErasure erasure, RetentionNotice notice, TimeProvider clock, ILogger<RetentionJob> logger)
{
    public const string JobId = "retention";

    public const string Cron = "0 3 * * *";

    /// <summary>A run that started this long ago and never finished (the process died) may be taken over the same day.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromHours(2);

    /// <summary>The recurring entry: once per Shanghai day across instances (the <see cref="RetentionRun"/> row), then the sweep.</summary>
    public async Task<RetentionCounts?> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = ShanghaiTime.Today(now);
        if (!await ClaimAsync(day, now, cancellationToken))
        {
            logger.LogInformation("Retention: the run of {Day} was made by another instance or run", day);
            return null;
        }

        var counts = await SweepAsync(cancellationToken);
        await db.RetentionRuns.Where(r => r.Day == day).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.CompletedAtUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(r => r.Noticed, counts.Noticed).SetProperty(r => r.Erased, counts.Erased)
            .SetProperty(r => r.BodiesBlanked, counts.BodiesBlanked).SetProperty(r => r.SkippedExtended, counts.SkippedExtended), cancellationToken);
        return counts;
    }

    /// <summary>The work itself, safe to run any number of times, and at once.</summary>
    public async Task<RetentionCounts> SweepAsync(CancellationToken cancellationToken)
    {
        var rules = await policy.RulesAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await policy.ScheduleAsync(rules, only: null, dueBy: now + rules.Notice, cancellationToken);
        var skipped = items.Count(i => i.Extended && i.ScheduledUtc <= now);
        var noticed = 0;
        foreach (var item in items.Where(i => !i.Noticed && i.DueUtc - rules.Notice <= now))
        {
            noticed += await notice.SendOnceAsync(item, Unchanged(item), cancellationToken) ? 1 : 0;
        }

        var erased = 0;
        var due = items.Where(i => i.Noticed && i.DueUtc <= now && i.NoticedAtUtc <= now - rules.Notice).ToList();
        foreach (var batch in due.Chunk(policy.Options.BatchSize))
        {
            foreach (var item in batch)
            {
                var result = await erasure.EraseApplicationAsync(item.Id, null, ErasureReason.Retention, Unchanged(item), cancellationToken);
                erased += result.ApplicationsErased;
            }

            db.ChangeTracker.Clear();
        }

        var blanked = await BlankBodiesAsync(now.AddDays(-rules.OutboxDays), cancellationToken);
        var counts = new RetentionCounts(noticed, erased, blanked, skipped);
        logger.LogInformation("Retention: {Noticed} noticed, {Erased} erased, {Blanked} email bodies blanked, {Skipped} skipped because extended",
            counts.Noticed, counts.Erased, counts.BodiesBlanked, counts.SkippedExtended);
        return counts;
    }

    /// <summary>
    /// True while the application is as the job read it: the same status, last change, extension and notice.
    /// A status change, an edit of a draft or an extension in between moves the due date, so the step is skipped.
    /// </summary>
    private static Expression<Func<Application, bool>> Unchanged(RetentionItem item) => a =>
        a.Status == item.Status && a.UpdatedAtUtc == item.UpdatedAtUtc && a.KeepUntilUtc == item.KeepUntilUtc
        && a.RetentionNoticeForUtc == item.NoticeForUtc;

    /// <summary>Sent emails past their period keep their kind, subject and dates; body, address and name go, in batches.</summary>
    private async Task<int> BlankBodiesAsync(DateTime sentBefore, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var ids = await Blankable(sentBefore).OrderBy(m => m.SentAtUtc).Select(m => m.Id).Take(policy.Options.BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            total += await Blankable(sentBefore).Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.TextBody, string.Empty).SetProperty(m => m.HtmlBody, string.Empty).SetProperty(m => m.Calendar, (string?)null)
                .SetProperty(m => m.ToAddress, string.Empty).SetProperty(m => m.ToName, (string?)null).SetProperty(m => m.ReplyTo, (string?)null), cancellationToken);
        }
    }

    private IQueryable<EmailMessage> Blankable(DateTime sentBefore) =>
        db.EmailMessages.Where(m => m.Status == EmailStatus.Sent && m.SentAtUtc < sentBefore
            && (m.TextBody != string.Empty || m.HtmlBody != string.Empty || m.ToAddress != string.Empty || m.ReplyTo != null));

    /// <summary>Inserts the day's row; the key makes a second insert fail, so one instance runs. A run abandoned hours ago is taken over.</summary>
    private async Task<bool> ClaimAsync(DateOnly day, DateTime now, CancellationToken cancellationToken)
    {
        db.RetentionRuns.Add(new RetentionRun { Day = day, StartedAtUtc = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var abandoned = now - Abandoned;
            return await db.RetentionRuns.Where(r => r.Day == day && r.CompletedAtUtc == null && r.StartedAtUtc < abandoned)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.StartedAtUtc, now), cancellationToken) == 1;
        }
    }
}
