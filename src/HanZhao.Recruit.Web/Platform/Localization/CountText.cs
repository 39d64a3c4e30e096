using System.Globalization;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Platform.Localization;

/// <summary>
/// The grammar of counts, one rule for every staff page: "1 application", "2 applications", "0
/// applications". English has one form for exactly one and another for the rest; Chinese has one form
/// ("1 份申请", "2 份申请"), so both keys translate to it. Both keys are literals at the call, so the
/// translation test sees them.
/// </summary>
public static class CountText
{
    /// <summary><paramref name="one"/> ("{0} application") when <paramref name="count"/> is 1, else <paramref name="other"/> ("{0} applications").</summary>
    public static string Count(this IStringLocalizer localizer, int count, string one, string other) =>
        localizer[count == 1 ? one : other, count.ToString("N0", CultureInfo.CurrentCulture)].Value;
}
