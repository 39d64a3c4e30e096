using System.Globalization;
using HanZhao.Recruit.Data.Applications;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>How an application's figures are written wherever they are shown (the reader, the CSV, the applicant's page).</summary>
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

    /// <summary>A score as the test writes it: "7.5", "560".</summary>
    public static string? Score(double? score) => score?.ToString("0.##", CultureInfo.InvariantCulture);
}
