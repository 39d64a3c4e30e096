using System.Globalization;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Interviews;

/// <summary>How interview times, modes and places read, on the pages and in the emails alike.</summary>
public static class InterviewText
{
    /// <summary>"2026-03-10 14:00 (UTC+8)": Shanghai time with its offset, readable anywhere without a script.</summary>
    public static string Shanghai(DateTime utc) => ShanghaiTime.Display(utc) + " (UTC+8)";

    /// <summary>"14:00": the Shanghai time of day, for lists grouped by day.</summary>
    public static string ShanghaiClock(DateTime utc) => ShanghaiTime.FromUtc(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"14:00–14:30".</summary>
    public static string ShanghaiRange(DateTime utc, int minutes) => ShanghaiClock(utc) + "–" + ShanghaiClock(utc.AddMinutes(minutes));

    /// <summary>The day in Shanghai, with its weekday in the reader's language: "2026-03-10 Tue" / "2026-03-10 周二".</summary>
    public static string ShanghaiDay(DateTime utc)
    {
        var local = ShanghaiTime.FromUtc(utc);
        return local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + local.ToString("ddd", CultureInfo.CurrentUICulture);
    }

    /// <summary>The moment for a <c>datetime</c> attribute and the browser's conversion: "2026-03-10T06:00:00Z".</summary>
    public static string IsoUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Mode(InterviewMode mode, IStringLocalizer localizer) =>
        mode == InterviewMode.Online ? localizer["Online"] : localizer["On site"];

    public static string Minutes(int minutes, IStringLocalizer localizer) => localizer["{0} min", minutes];

    /// <summary>The cut-off as a count of hours ("24 hours"), or of minutes when it is not whole hours.</summary>
    public static string Cutoff(TimeSpan cutoff, IStringLocalizer localizer) =>
        cutoff.TotalMinutes % 60 == 0
            ? localizer.Count((int)cutoff.TotalHours, "{0} hour", "{0} hours")
            : localizer.Count((int)cutoff.TotalMinutes, "{0} minute", "{0} minutes");
}
