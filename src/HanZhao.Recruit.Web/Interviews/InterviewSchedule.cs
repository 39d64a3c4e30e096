using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Interviews;

/// <summary>One booked interview of the day, as the professor's digest lists it.</summary>
public sealed record ScheduledInterview(
    int ApplicationId, DateTime StartsAtUtc, int LengthMinutes, InterviewMode Mode, string Location, string FullName, string? ChineseName, string? ReferenceNumber);

/// <summary>
/// The day's interviews for the professor's morning digest: every booking of a slot that is not
/// cancelled and starts that day in Shanghai, in time order, written in the professor's language
/// (the professor account's; English without one).
/// </summary>
public sealed class InterviewSchedule(RecruitDbContext db, IStringLocalizer<SharedResource> localizer, SiteAddress site)
{
    /// <summary>The interviews starting on <paramref name="day"/> (a Shanghai date), earliest first.</summary>
    public Task<List<ScheduledInterview>> DayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var start = ShanghaiTime.StartOfDayUtc(day);
        var until = ShanghaiTime.StartOfDayUtc(day.AddDays(1));
        return (from b in db.InterviewBookings.AsNoTracking()
                join s in db.InterviewSlots on b.SlotId equals s.Id
                where !s.IsCancelled && s.StartsAtUtc >= start && s.StartsAtUtc < until
                join a in db.Applications on b.ApplicationId equals a.Id
                orderby s.StartsAtUtc, a.FullName, a.Id
                select new ScheduledInterview(a.Id, s.StartsAtUtc, s.LengthMinutes, s.Mode, s.Location, a.FullName, a.ChineseName, a.ReferenceNumber))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds the day's section to the digest; nothing at all for a day without interviews.</summary>
    public void Write(EmailWriter writer, DateOnly day, IReadOnlyList<ScheduledInterview> interviews, string culture)
    {
        if (interviews.Count == 0)
        {
            return;
        }

        using var _ = CultureScope.Use(culture);
        writer.Paragraph(localizer["Today's interviews ({0}, Shanghai time, UTC+8): {1}", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            localizer.Count(interviews.Count, "{0} interview", "{0} interviews")]);
        foreach (var interview in interviews)
        {
            var online = interview.Mode == InterviewMode.Online;
            writer.Facts([
                (localizer["Time"], string.Create(CultureInfo.InvariantCulture,
                    $"{ShanghaiTime.FromUtc(interview.StartsAtUtc):HH:mm}–{ShanghaiTime.FromUtc(interview.StartsAtUtc.AddMinutes(interview.LengthMinutes)):HH:mm}")),
                (localizer["Applicant"], interview.ChineseName is { Length: > 0 } chinese ? $"{interview.FullName} ({chinese})" : interview.FullName),
                (localizer["Reference"], interview.ReferenceNumber ?? string.Empty),
                (localizer["Mode"], online ? localizer["Online"] : localizer["On site"]),
                (online ? localizer["Meeting link"] : localizer["Room"], interview.Location),
                (localizer["Reader"], site.Absolute(string.Create(CultureInfo.InvariantCulture, $"/review/applications/{interview.ApplicationId}"))),
            ]);
        }
    }
}
