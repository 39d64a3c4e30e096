using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Interviews;

/// <summary>One booking whose reminder is due, with what its email says.</summary>
public sealed record DueReminder(
    int ApplicationId, int SlotId, DateTime BookedAtUtc, DateTime StartsAtUtc, int LengthMinutes, InterviewMode Mode, string Location,
    string FullName, string? ReferenceNumber, string Culture, string? Email);

/// <summary>
/// The applicant's reminder 24 hours before their interview, run by the job server every five minutes
/// (so a booking made less than 24 hours ahead is reminded within minutes of being made). A booking
/// is due when its slot, not cancelled, starts within the next 24 hours and it has had no reminder
/// since it was booked: a rescheduled booking (a new row, or the row moved to another slot with a new
/// BookedAtUtc) gets its own. Each reminder is claimed with a conditional update of
/// <see cref="InterviewBooking.ReminderSentAtUtc"/> in the transaction that queues its email, so two
/// runs at once (two instances, a manual trigger) send one email: the second run's update finds the
/// row already stamped and changes nothing.
/// </summary>
public sealed class InterviewReminders(
    RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer, SiteAddress site,
    IOptions<RecruitOptions> options, ILogger<InterviewReminders> logger)
{
    public const string JobId = "interview-reminders";

    public const string Cron = "*/5 * * * *";

    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    /// <summary>Queues every reminder now due; returns how many this run queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await DueAsync(now, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var professor = await ProfessorAddress.FindAsync(db, options.Value, cancellationToken);
        var queued = 0;
        foreach (var reminder in due)
        {
            queued += await TrySendAsync(reminder, professor, now, cancellationToken) ? 1 : 0;
        }

        logger.LogInformation("Queued {Count} interview reminders", queued);
        return queued;
    }

    private Task<List<DueReminder>> DueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var until = now + Ahead;
        return (from b in db.InterviewBookings.AsNoTracking()
                where b.ReminderSentAtUtc == null || b.ReminderSentAtUtc < b.BookedAtUtc
                join s in db.InterviewSlots on b.SlotId equals s.Id
                where !s.IsCancelled && s.StartsAtUtc > now && s.StartsAtUtc <= until
                join a in db.Applications on b.ApplicationId equals a.Id
                where a.Status != ApplicationStatus.Withdrawn && a.Applicant!.Email != null
                orderby s.StartsAtUtc, b.ApplicationId
                select new DueReminder(b.ApplicationId, b.SlotId, b.BookedAtUtc, s.StartsAtUtc, s.LengthMinutes, s.Mode, s.Location,
                    a.FullName, a.ReferenceNumber, a.Culture, a.Applicant!.Email))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The stamp and the email in one transaction; false when another run stamped this booking first.</summary>
    private async Task<bool> TrySendAsync(DueReminder reminder, string? professor, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.InterviewBookings
            .Where(b => b.ApplicationId == reminder.ApplicationId && b.SlotId == reminder.SlotId && b.BookedAtUtc == reminder.BookedAtUtc
                && (b.ReminderSentAtUtc == null || b.ReminderSentAtUtc < b.BookedAtUtc))
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.ReminderSentAtUtc, now), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        db.QueueEmail(Email(reminder, professor), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The reminder in the applicant's language: when (Shanghai and its offset), how long, where or the link, and whom to ask.</summary>
    private EmailDraft Email(DueReminder reminder, string? professor)
    {
        using var _ = CultureScope.Use(reminder.Culture);
        var online = reminder.Mode == InterviewMode.Online;
        var writer = new EmailWriter(Cultures.IsSupported(reminder.Culture) ? reminder.Culture : Cultures.English)
            .Heading(localizer["Your interview is tomorrow"])
            .Paragraph(localizer["Dear {0},", reminder.FullName])
            .Paragraph(localizer["This is a reminder of your interview with Han Zhao's group at Shanghai Jiao Tong University."])
            .Facts([
                (localizer["When"], StaffTime.Text(reminder.StartsAtUtc, localizer)),
                (localizer["Length"], localizer.Count(reminder.LengthMinutes, "{0} minute", "{0} minutes")),
                (localizer["Mode"], online ? localizer["Online"] : localizer["On site"]),
                (online ? localizer["Meeting link"] : localizer["Room"], reminder.Location),
                (localizer["Reference"], reminder.ReferenceNumber ?? string.Empty),
            ])
            .Paragraph(professor is null
                ? localizer["Questions, or cannot come? Reply to this email."]
                : localizer["Questions, or cannot come? Reply to this email or write to {0}.", professor])
            .Button(localizer["Your application page"], site.Absolute("/applicant"));
        return writer.Build(EmailCatalogue.InterviewReminder, reminder.Email!, reminder.FullName,
                localizer["Reminder: your interview on {0}", ShanghaiTime.Display(reminder.StartsAtUtc)], localizer["Han Zhao's group, Shanghai Jiao Tong University"])
            with { ApplicationId = reminder.ApplicationId };
    }
}
