using System.Globalization;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Platform.Localization;

public static class LocalizedTextExtensions
{
    /// <summary>The text in the language of the current request.</summary>
    public static string Current(this LocalizedText text) => text.In(CultureInfo.CurrentUICulture.Name);

    public static bool IsChinese(this CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>"PhD and Master" / "博士和硕士".</summary>
    public static string Describe(this StudyPrograms programs, IStringLocalizer localizer)
    {
        var names = Enum.GetValues<StudyPrograms>()
            .Where(p => p != StudyPrograms.None && programs.HasFlag(p))
            .Select(p => localizer[p.ToString()].Value)
            .ToList();
        return names.Count switch
        {
            0 => string.Empty,
            1 => names[0],
            _ => localizer["{0} and {1}", string.Join(localizer[", "].Value, names[..^1]), names[^1]].Value,
        };
    }
}
