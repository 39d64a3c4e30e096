using System.Globalization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Platform.Localization;

/// <summary>
/// Every moment shown on a staff page: in Asia/Shanghai, where the lab works, always with the zone
/// said ("2026-03-02 09:00 (Shanghai, UTC+8)", "2026-03-02 09:00（上海，UTC+8）"), so nobody wonders
/// whether a time is UTC. The database holds UTC; the &lt;time&gt; element keeps it for machines.
/// </summary>
public static class StaffTime
{
    /// <summary>The zone as staff read it; English key, translated.</summary>
    public const string WithZone = "{0} (Shanghai, UTC+8)";

    /// <summary>"2026-03-02 09:00 (Shanghai, UTC+8)"; with <paramref name="seconds"/> for logs, where order within a minute matters.</summary>
    public static string Text(DateTime utc, IStringLocalizer localizer, bool seconds = false) =>
        localizer[WithZone, ShanghaiTime.FromUtc(utc).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)].Value;

    /// <summary>The moment as a &lt;time&gt; element: UTC for machines, Shanghai with the zone for people.</summary>
    public static IHtmlContent Html(DateTime utc, IStringLocalizer localizer, bool seconds = false)
    {
        var content = new HtmlContentBuilder();
        content.AppendHtml("<time datetime=\"");
        content.Append(utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        content.AppendHtml("\">");
        content.Append(Text(utc, localizer, seconds));
        return content.AppendHtml("</time>");
    }

    /// <summary>The day in Shanghai ("2026-03-02"): a date alone needs no zone, but it must be Shanghai's day.</summary>
    public static string Date(DateTime utc) => ShanghaiTime.Date(utc);
}
