using System.Globalization;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// What the transcript figures may be, so applications compare: a GPA on one of the scales Chinese
/// and foreign universities use (kept with its percentage), a rank within a cohort, and an English
/// score within its test's range. Numbers are read by <see cref="FormNumbers"/>; messages are English keys.
/// </summary>
public static class TranscriptRules
{
    public const int MaxCohortSize = 100_000;

    /// <summary>The scales offered, in the order of the select.</summary>
    public static IReadOnlyList<double> GpaScales { get; } = [4.0, 4.3, 5.0, 100];

    /// <summary>"4.0", "4.3", "5.0", "100": as the select offers the scale and as transcripts print it.</summary>
    public static string ScaleText(double scale) => scale.ToString(scale >= 10 ? "0" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>One of <see cref="GpaScales"/> ("4" and "4.0" alike), or null.</summary>
    public static double? Scale(string? text) =>
        FormNumbers.Number(text, 0, 100) is { } value && GpaScales.Contains(value) ? value : null;

    /// <summary>The GPA as a percentage of its scale; null unless both are known.</summary>
    public static double? Percent(double? gpa, double? scale) =>
        gpa is { } g && scale is { } s && s > 0 ? g / s * 100 : null;

    /// <summary>The tests the form offers, in its order; no test is "None" (stored as no test).</summary>
    public static IReadOnlyList<EnglishTest> EnglishTests { get; } =
        [EnglishTest.Cet4, EnglishTest.Cet6, EnglishTest.Ielts, EnglishTest.Toefl, EnglishTest.Gre];

    /// <summary>A test's total score: from <see cref="Min"/> to <see cref="Max"/> in steps of <see cref="Step"/>.</summary>
    public sealed record ScoreRange(double Min, double Max, double Step, string Message);

    /// <summary>Total scores as the score reports print them (CET reports whole numbers, as do TOEFL and GRE).</summary>
    public static ScoreRange RangeOf(EnglishTest test) => test switch
    {
        EnglishTest.Cet4 or EnglishTest.Cet6 => new(0, 710, 1, "A CET score is a whole number from 0 to 710."),
        EnglishTest.Ielts => new(0, 9, 0.5, "An IELTS score is from 0 to 9 in steps of 0.5, like 6.5."),
        EnglishTest.Toefl => new(0, 120, 1, "A TOEFL score is a whole number from 0 to 120."),
        _ => new(260, 340, 1, "A GRE score is a whole number from 260 to 340."),
    };

    /// <summary>The score when it is a number in the test's range on its steps; otherwise null.</summary>
    public static double? Score(EnglishTest test, string? text)
    {
        var range = RangeOf(test);
        return FormNumbers.Number(text, range.Min, range.Max) is { } value && IsStep(value - range.Min, range.Step) ? value : null;
    }

    // Steps of 1 and 0.5 are exact in binary, so the remainder is exactly zero for every value on a step.
    private static bool IsStep(double offset, double step) => Math.IEEERemainder(offset, step) == 0;
}
