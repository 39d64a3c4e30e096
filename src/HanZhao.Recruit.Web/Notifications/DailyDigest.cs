using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Notifications;

/// <summary>
/// The professor's morning email (08:00 in Shanghai): who submitted since the last digest and how
/// many applications stand in each status. Nothing happened, nothing sent.
/// </summary>
public sealed class DailyDigest(
    RecruitDbContext db, TimeProvider time, IOptions<RecruitOptions> options, SiteAddress site, ILogger<DailyDigest> logger)
{
    public const string JobId = "daily-digest";

    public const string Cron = "0 8 * * *";

    public const string TimeZoneId = "Asia/Shanghai";

    /// <summary>Queues the digest in the outbox; false when there was nothing to tell or nobody to tell it to.</summary>
    public async Task<bool> QueueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // The outbox remembers the last digest, so a skipped day or a restart widens the window
        // rather than losing a submission.
        var since = await db.EmailMessages.Where(m => m.Kind == EmailCatalogue.DailyDigest.Name)
            .OrderByDescending(m => m.CreatedAtUtc).Select(m => (DateTime?)m.CreatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken) ?? now.AddDays(-1);

        var submitted = await db.Applications
            .Where(a => a.SubmittedAtUtc > since && a.SubmittedAtUtc <= now)
            .OrderBy(a => a.SubmittedAtUtc)
            .Select(a => new { a.FullName, a.ChineseName, a.Program, Intake = a.Intake!.Code, a.Institution, a.ReferenceNumber })
            .ToListAsync(cancellationToken);
        var changes = await db.ApplicationStatusChanges.CountAsync(c => c.ChangedAtUtc > since && c.ChangedAtUtc <= now, cancellationToken);
        if (submitted.Count == 0 && changes == 0)
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

        var writer = new EmailWriter(Cultures.English)
            .Heading(submitted.Count switch
            {
                0 => "No new applications",
                1 => "1 new application",
                var n => $"{n} new applications",
            })
            .Paragraph($"Since {since.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: "
                + $"{submitted.Count} submitted, {changes} status change{(changes == 1 ? "" : "s")}.");
        foreach (var a in submitted)
        {
            writer.Facts([
                ("Name", a.ChineseName is { Length: > 0 } chinese ? $"{a.FullName} ({chinese})" : a.FullName),
                ("Program", a.Program.ToString()),
                ("Intake", a.Intake),
                ("Institution", a.Institution),
                ("Reference", a.ReferenceNumber ?? ""),
            ]);
        }

        writer.Paragraph("All applications by status:")
            .Facts(byStatus.OrderBy(s => s.Status).Select(s => (s.Status.ToString(), s.Count.ToString(CultureInfo.InvariantCulture))))
            .Button("Open the review dashboard", site.Absolute("/review"));

        db.QueueEmail(writer.Build(EmailCatalogue.DailyDigest, professor, null,
            $"Applications digest {TimeZoneInfo.ConvertTimeBySystemTimeZoneId(now, TimeZoneId):yyyy-MM-dd}: {submitted.Count} new",
            "HanZhao.Recruit · daily digest, sent only when something happened"), now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
