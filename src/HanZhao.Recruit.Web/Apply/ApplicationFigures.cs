using System.Globalization;
using HanZhao.Recruit.Data.Applications;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>How an application's figures are written wherever they are shown (the form, the reader, the CSV).</summary>
public static class ApplicationFigures
{
    /// <summary>"IELTS", "CET-6": the name the test has on its certificate.</summary>
    public static string Name(EnglishTest test) => test switch
    {
        EnglishTest.Cet4 => "CET-4",
        EnglishTest.Cet6 => "CET-6",
        EnglishTest.Ielts => "IELTS",
        EnglishTest.Toefl => "TOEFL",
        EnglishTest.Gre => "GRE",
        _ => test.ToString(),
    };

    /// <summary>"3/120", or null when either number is missing.</summary>
    public static string? Rank(int? position, int? cohortSize) =>
        position is { } p && cohortSize is { } s ? string.Create(CultureInfo.InvariantCulture, $"{p}/{s}") : null;

    /// <summary>How far up the cohort the rank is, as the "top" percentage: 3 of 120 is "2.5".</summary>
    public static string? Percentile(int? position, int? cohortSize) =>
        position is { } p && cohortSize is > 0 ? Percent(p * 100.0 / cohortSize.Value) : null;

    /// <summary>"3 of 120 (top 2.5%)" in the page's language, or null when either number is missing.</summary>
    public static string? RankWithPercentile(int? position, int? cohortSize, IStringLocalizer localizer) =>
        Percentile(position, cohortSize) is { } top ? localizer["{0} of {1} (top {2}%)", position!.Value, cohortSize!.Value, top].Value : null;

    /// <summary>A score as the test writes it: "7.5", "560".</summary>
    public static string? Score(double? score) => score?.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"IELTS 7.5", or null when no test was given.</summary>
    public static string? English(EnglishTest? test, double? score) =>
        test is { } t ? string.Join(' ', new[] { Name(t), Score(score) }.Where(s => s is not null)) : null;

    /// <summary>A percentage to one decimal: "95", "87.5".</summary>
    public static string? Percent(double? percent) => percent?.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"3.8 / 4.0 (95%)", or null without a GPA.</summary>
    public static string? Gpa(double? gpa, double? scale, double? percent) =>
        gpa is not { } g ? null
        : scale is not { } s ? Score(g)
        : string.Create(CultureInfo.InvariantCulture, $"{g:0.###} / {TranscriptRules.ScaleText(s)}") + (Percent(percent) is { } p ? $" ({p}%)" : string.Empty);
}
