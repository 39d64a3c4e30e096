using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Jobs;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Notifications;

/// <summary>
/// The professor's morning email (08:00 in Shanghai): who submitted since the last digest and how
/// many applications stand in each status, and the day's interviews (Interviews/InterviewSchedule), in the
/// professor's language (ProfessorAddress.CultureAsync). Nothing happened and no interview today, nothing sent.
/// At most one digest per Shanghai day, however many instances run the job (Platform/Jobs/PeriodicRuns):
/// the day's row commits with the digest, and a second instance's save of the same day is refused.
/// </summary>
public sealed class DailyDigest(
    RecruitDbContext db, TimeProvider time, IOptions<RecruitOptions> options, SiteAddress site, InterviewSchedule schedule,
    IStringLocalizer<SharedResource> localizer, ILogger<DailyDigest> logger)
{
    public const string JobId = "daily-digest";

    public const string Cron = "0 8 * * *";

    public const string TimeZoneId = "Asia/Shanghai";

    /// <summary>Queues the digest in the outbox; false when there was nothing to tell or nobody to tell it to.</summary>
    public async Task<bool> QueueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var period = PeriodicRuns.Day(ShanghaiTime.Today(now));
        if (await db.HasRunAsync(JobId, period, cancellationToken))
        {
            logger.LogInformation("No digest: the digest of {Day} was sent by another instance or run", period);
            return false;
        }

        // The outbox remembers the last digest, so a skipped day or a restart widens the window
        // rather than losing a submission.
        var since = await db.EmailMessages.Where(m => m.Kind == EmailCatalogue.DailyDigest.Name)
            .OrderByDescending(m => m.CreatedAtUtc).Select(m => (DateTime?)m.CreatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken) ?? now.AddDays(-1);

        var news = await NewsAsync(since, now, cancellationToken);
        // The day's interviews go in the day's first digest only, so a second run the same day sends nothing new.
        var today = ShanghaiTime.Today(now);
        var interviews = since < ShanghaiTime.StartOfDayUtc(today) ? await schedule.DayAsync(today, cancellationToken) : [];
        if (news.IsEmpty && interviews.Count == 0)
        {
            logger.LogInformation("No digest: nothing happened since {Since:u}", since);
            return false;
        }

        if (await ProfessorAddress.FindAsync(db, options.Value, cancellationToken) is not { } professor)
        {
            logger.LogWarning("No digest: set Recruit:ProfessorEmail or create the professor's account");
            return false;
        }

        var byStatus = await db.Applications.GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var culture = await ProfessorAddress.CultureAsync(db, cancellationToken);
        using var scope = CultureScope.Use(culture);
        var submitted = news.Submitted;
        var writer = new EmailWriter(culture)
            .Heading(submitted.Count == 0 ? localizer["No new applications"] : localizer.Count(submitted.Count, "{0} new application", "{0} new applications"))
            .Paragraph(localizer["Since {0} (Shanghai, UTC+8): {1}, {2}, {3}, {4}. Applicants already decided (offer, not admitted, withdrawn) before then are left out.",
                ShanghaiTime.Display(since),
                localizer.Count(submitted.Count, "{0} submission", "{0} submissions"),
                localizer.Count(news.StatusChanges.Count, "{0} status change", "{0} status changes"),
                localizer.Count(news.Notes.Sum(n => n.Notes), "{0} new note", "{0} new notes"),
                localizer.Count(news.Notes.Sum(n => n.Scores), "{0} new score", "{0} new scores")]);
        if (interviews.Count > 0)
        {
            schedule.Write(writer, today, interviews, culture);
        }

        foreach (var a in submitted)
        {
            writer.Facts([
                (localizer["Name"], a.ChineseName is { Length: > 0 } chinese ? $"{a.FullName} ({chinese})" : a.FullName),
                (localizer["Program"], localizer[a.Program.ToString()]),
                (localizer["Intake"], a.Intake),
                (localizer["Institution"], a.Institution),
                (localizer["Reference"], a.ReferenceNumber ?? ""),
            ]);
        }

        if (news.StatusChanges.Count > 0)
        {
            writer.Paragraph(localizer["Status changes:"])
                .Facts(news.StatusChanges.Select(c => (Label(c.FullName, c.ReferenceNumber), $"{PortalText.Status(c.From, localizer)} → {PortalText.Status(c.To, localizer)}")));
        }

        if (news.Notes.Count > 0)
        {
            writer.Paragraph(localizer["Notes and scores:"]).Facts(news.Notes.Select(n => (Label(n.FullName, n.ReferenceNumber),
                $"{localizer.Count(n.Notes, "{0} note", "{0} notes")}, {localizer.Count(n.Scores, "{0} score", "{0} scores")}")));
        }

        writer.Paragraph(localizer["All applications by status:"])
            .Facts(byStatus.OrderBy(s => s.Status).Select(s => (PortalText.Status(s.Status, localizer), s.Count.ToString(CultureInfo.InvariantCulture))))
            .Button(localizer["Open the review dashboard"], site.Absolute("/review"));

        db.QueueEmail(writer.Build(EmailCatalogue.DailyDigest, professor, null,
            localizer["Applications digest {0}: {1} new", ShanghaiTime.Today(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), submitted.Count],
            localizer["HanZhao.Recruit · daily digest, sent only when something happened"]), now);
        db.RecordRun(JobId, period, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance committed the day's digest between the check above and this save.
            db.ChangeTracker.Clear();
            logger.LogInformation("No digest: another instance sent the digest of {Day} at the same moment", period);
            return false;
        }

        return true;
    }

    /// <summary>
    /// What changed in (since, now]: submissions, status changes after submission, notes and scores,
    /// each only for applications not already decided (Offer, Rejected, Withdrawn) by the start of the
    /// period: a decided applicant's later steps are not news for the professor's morning.
    /// </summary>
    private async Task<DigestNews> NewsAsync(DateTime since, DateTime now, CancellationToken cancellationToken)
    {
        ApplicationStatus[] decided = [ApplicationStatus.Offer, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn];
        var open = db.Applications.Where(a => !db.ApplicationStatusChanges.Any(c => c.ApplicationId == a.Id && c.ChangedAtUtc <= since && decided.Contains(c.To)));
        var submitted = await open
            .Where(a => a.SubmittedAtUtc > since && a.SubmittedAtUtc <= now)
            .OrderBy(a => a.SubmittedAtUtc)
            .Select(a => new DigestSubmission(a.FullName, a.ChineseName, a.Program, a.Intake!.Code, a.Institution, a.ReferenceNumber))
            .ToListAsync(cancellationToken);
        var changes = await (from c in db.ApplicationStatusChanges
                             join a in open on c.ApplicationId equals a.Id
                             where c.ChangedAtUtc > since && c.ChangedAtUtc <= now && c.From != ApplicationStatus.Draft
                             orderby c.ChangedAtUtc
                             select new DigestChange(a.FullName, a.ReferenceNumber, c.From, c.To)).ToListAsync(cancellationToken);
        // An anonymous type, not the record: EF filters on its members in SQL.
        var notes = await open
            .Select(a => new
            {
                a.FullName,
                a.ReferenceNumber,
                Notes = db.ApplicationNotes.Count(n => n.ApplicationId == a.Id && n.CreatedAtUtc > since && n.CreatedAtUtc <= now),
                Scores = db.ApplicationScores.Count(x => x.ApplicationId == a.Id && x.UpdatedAtUtc > since && x.UpdatedAtUtc <= now),
            })
            .Where(n => n.Notes > 0 || n.Scores > 0)
            .ToListAsync(cancellationToken);
        return new DigestNews(submitted, changes, [.. notes.Select(n => new DigestNotes(n.FullName, n.ReferenceNumber, n.Notes, n.Scores))]);
    }

    private static string Label(string name, string? reference) => reference is null ? name : $"{name} ({reference})";

    private sealed record DigestSubmission(string FullName, string? ChineseName, StudyPrograms Program, string Intake, string Institution, string? ReferenceNumber);

    private sealed record DigestChange(string FullName, string? ReferenceNumber, ApplicationStatus From, ApplicationStatus To);

    private sealed record DigestNotes(string FullName, string? ReferenceNumber, int Notes, int Scores);

    private sealed record DigestNews(List<DigestSubmission> Submitted, List<DigestChange> StatusChanges, List<DigestNotes> Notes)
    {
        public bool IsEmpty => Submitted.Count == 0 && StatusChanges.Count == 0 && Notes.Count == 0;
    }
}
