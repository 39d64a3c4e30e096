using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// Every field the applicant types, with the rules checked on the server for every save. Each step
/// binds and saves only its own fields (<see cref="FieldsOf"/>), so a post cannot change another
/// step's answers. Whether a field may be empty is checked when the step is completed and on submit.
/// Messages are English keys, translated through the shared resource.
/// </summary>
public sealed partial class ApplicationForm
{
    public const int StatementMaxWords = 1500;

    private const double MaxGpa = 100;

    [Display(Name = "Full name"), StringLength(100, ErrorMessage = "{0} can have at most {1} characters."), SingleLine]
    public string? FullName { get; set; }

    [Display(Name = "Chinese name (optional)"), StringLength(50, ErrorMessage = "{0} can have at most {1} characters."), SingleLine]
    public string? ChineseName { get; set; }

    [Display(Name = "Phone"), StringLength(30, ErrorMessage = "{0} can have at most {1} characters."),
     RegularExpression(@"^\+?[0-9 ()\-]{5,30}$", ErrorMessage = "Enter a phone number with digits, spaces, +, ( ) or -.")]
    public string? Phone { get; set; }

    [Display(Name = "Institution"), StringLength(200, ErrorMessage = "{0} can have at most {1} characters."), SingleLine]
    public string? Institution { get; set; }

    [Display(Name = "Degree"), StringLength(100, ErrorMessage = "{0} can have at most {1} characters."), SingleLine]
    public string? Degree { get; set; }

    [Display(Name = "Major"), StringLength(200, ErrorMessage = "{0} can have at most {1} characters."), SingleLine]
    public string? Major { get; set; }

    /// <summary>As typed: read by <see cref="FormNumbers"/> (a bound double took "NaN", "1e308" and "1,5" as 15).</summary>
    [Display(Name = "GPA")]
    public string? Gpa { get; set; }

    [Display(Name = "GPA scale")]
    public string? GpaScale { get; set; }

    [Display(Name = "Ranking (optional)"), StringLength(50, ErrorMessage = "{0} can have at most {1} characters."), SingleLine]
    public string? Ranking { get; set; }

    /// <summary>"2026-06", as a month input sends it.</summary>
    [Display(Name = "Expected graduation"), RegularExpression(@"^(19|20)\d\d-(0[1-9]|1[0-2])$", ErrorMessage = "Enter the month as YYYY-MM.")]
    public string? ExpectedGraduation { get; set; }

    /// <summary>The ticked interests' ids as posted, read by <see cref="FormNumbers"/>.</summary>
    [Display(Name = "Research interests")]
    public List<string> ResearchInterestIds { get; set; } = [];

    [Display(Name = "Other interests (optional)"), StringLength(1000, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? OtherInterests { get; set; }

    [Display(Name = "Research experience"), StringLength(5000, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? ResearchExperience { get; set; }

    [Display(Name = "Projects"), StringLength(5000, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? Projects { get; set; }

    [Display(Name = "Publications"), StringLength(5000, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? Publications { get; set; }

    [Display(Name = "English test"), StringLength(30, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? EnglishTest { get; set; }

    [Display(Name = "Score"), StringLength(30, ErrorMessage = "{0} can have at most {1} characters."), SingleLine]
    public string? EnglishScore { get; set; }

    [Display(Name = "Statement"), StringLength(15000, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? Statement { get; set; }

    /// <summary>Tests the applicant can choose; "None" means no test taken yet.</summary>
    public static IReadOnlyList<string> EnglishTests { get; } = ["IELTS", "TOEFL", "CET-6", "CET-4", "GRE", "Other", "None"];

    public static int CountWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : Words().Count(text);

    /// <summary>The property names each step edits.</summary>
    public static IReadOnlyList<string> FieldsOf(ApplicationStep step) => step switch
    {
        ApplicationStep.Personal => [nameof(FullName), nameof(ChineseName), nameof(Phone)],
        ApplicationStep.Education => [nameof(Institution), nameof(Degree), nameof(Major), nameof(Gpa), nameof(GpaScale), nameof(Ranking), nameof(ExpectedGraduation)],
        ApplicationStep.Choice => [nameof(ResearchInterestIds), nameof(OtherInterests)],
        ApplicationStep.Experience => [nameof(ResearchExperience), nameof(Projects), nameof(Publications)],
        ApplicationStep.English => [nameof(EnglishTest), nameof(EnglishScore)],
        ApplicationStep.Statement => [nameof(Statement)],
        _ => [],
    };

    /// <summary>Rules across fields and what completing a step needs; (field, English message) pairs.</summary>
    public IEnumerable<(string Field, string Message)> Problems(ApplicationStep step, bool complete, IReadOnlySet<int> interestIds)
    {
        switch (step)
        {
            case ApplicationStep.Personal when complete:
                if (string.IsNullOrWhiteSpace(FullName)) yield return (nameof(FullName), "Enter your full name.");
                if (string.IsNullOrWhiteSpace(Phone)) yield return (nameof(Phone), "Enter your phone number.");
                break;
            case ApplicationStep.Education:
                var gpa = GpaValue;
                var scale = GpaScaleValue;
                if (gpa is null && !string.IsNullOrWhiteSpace(Gpa)) yield return (nameof(Gpa), "GPA must be between 0 and 100, written like 3.8.");
                if (scale is null && !string.IsNullOrWhiteSpace(GpaScale)) yield return (nameof(GpaScale), "GPA scale must be between 1 and 100, written like 4 or 4.3.");
                if (complete)
                {
                    if (string.IsNullOrWhiteSpace(Institution)) yield return (nameof(Institution), "Enter your institution.");
                    if (string.IsNullOrWhiteSpace(Degree)) yield return (nameof(Degree), "Enter your degree.");
                    if (string.IsNullOrWhiteSpace(Major)) yield return (nameof(Major), "Enter your major.");
                    if (string.IsNullOrWhiteSpace(Gpa)) yield return (nameof(Gpa), "Enter your GPA.");
                    if (string.IsNullOrWhiteSpace(GpaScale)) yield return (nameof(GpaScale), "Enter the scale of your GPA.");
                    if (string.IsNullOrWhiteSpace(ExpectedGraduation)) yield return (nameof(ExpectedGraduation), "Enter when you expect to graduate.");
                }

                if (gpa > scale)
                {
                    yield return (nameof(Gpa), "The GPA cannot be above its scale.");
                }

                break;
            case ApplicationStep.Choice:
                if (InterestIdValues is not { } ids || ids.Any(id => !interestIds.Contains(id)) || ids.Count != ids.Distinct().Count())
                {
                    yield return (nameof(ResearchInterestIds), "Pick research interests from the list.");
                }
                else if (complete && ids.Count == 0 && string.IsNullOrWhiteSpace(OtherInterests))
                {
                    yield return (nameof(ResearchInterestIds), "Pick at least one research interest or describe your own.");
                }

                break;
            case ApplicationStep.English:
                if (EnglishTest is not null && !EnglishTests.Contains(EnglishTest))
                {
                    yield return (nameof(EnglishTest), "Pick a test from the list.");
                }
                else if (complete && EnglishTest is null)
                {
                    yield return (nameof(EnglishTest), "Pick your English test, or None.");
                }
                else if (complete && EnglishTest is not (null or "None") && string.IsNullOrWhiteSpace(EnglishScore))
                {
                    yield return (nameof(EnglishScore), "Enter your score.");
                }

                break;
            case ApplicationStep.Statement:
                if (CountWords(Statement) > StatementMaxWords)
                {
                    yield return (nameof(Statement), "The statement can have at most 1,500 words.");
                }
                else if (complete && string.IsNullOrWhiteSpace(Statement))
                {
                    yield return (nameof(Statement), "Write your statement.");
                }

                break;
        }
    }

    public static ApplicationForm From(Application a) => new()
    {
        FullName = NullIfEmpty(a.FullName),
        ChineseName = a.ChineseName,
        Phone = NullIfEmpty(a.Phone),
        Institution = NullIfEmpty(a.Institution),
        Degree = NullIfEmpty(a.Degree),
        Major = NullIfEmpty(a.Major),
        Gpa = Text(a.Gpa),
        GpaScale = Text(a.GpaScale),
        Ranking = a.RankPosition is { } position && a.CohortSize is { } size ? $"{position}/{size}" : null,
        ExpectedGraduation = a.ExpectedGraduation?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ResearchInterestIds = [.. a.ResearchInterestIds.Split(',', StringSplitOptions.RemoveEmptyEntries)],
        OtherInterests = a.OtherInterests,
        ResearchExperience = a.ResearchExperience,
        Projects = a.Projects,
        Publications = a.Publications,
        EnglishTest = a.EnglishTest is { } test ? EnglishTestNames.First(n => n.Value == test).Key : null,
        EnglishScore = Text(a.EnglishScore),
        Statement = a.Statement,
    };

    /// <summary>Copies this step's fields onto the application.</summary>
    public void ApplyTo(Application a, ApplicationStep step)
    {
        switch (step)
        {
            case ApplicationStep.Personal:
                a.FullName = Clean(FullName) ?? string.Empty;
                a.ChineseName = Clean(ChineseName);
                a.Phone = Clean(Phone) ?? string.Empty;
                break;
            case ApplicationStep.Education:
                a.Institution = Clean(Institution) ?? string.Empty;
                a.Degree = Clean(Degree) ?? string.Empty;
                a.Major = Clean(Major) ?? string.Empty;
                a.Gpa = GpaValue;
                a.GpaScale = GpaScaleValue;
                (a.RankPosition, a.CohortSize) = RankValue;
                a.ExpectedGraduation = ExpectedGraduation is null ? null
                    : DateOnly.ParseExact(ExpectedGraduation + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case ApplicationStep.Choice:
                a.ResearchInterestIds = string.Join(',', (InterestIdValues ?? []).Order());
                a.OtherInterests = Clean(OtherInterests);
                break;
            case ApplicationStep.Experience:
                a.ResearchExperience = Clean(ResearchExperience);
                a.Projects = Clean(Projects);
                a.Publications = Clean(Publications);
                break;
            case ApplicationStep.English:
                a.EnglishTest = EnglishTest is not null && EnglishTestNames.TryGetValue(EnglishTest, out var test) ? test : null;
                a.EnglishScore = a.EnglishTest is null ? null : FormNumbers.Number(EnglishScore, 0, 1000);
                break;
            case ApplicationStep.Statement:
                a.Statement = Clean(Statement);
                break;
        }
    }

    private double? GpaValue => FormNumbers.Number(Gpa, 0, MaxGpa);

    private static readonly Dictionary<string, EnglishTest> EnglishTestNames = new(StringComparer.Ordinal)
    {
        ["IELTS"] = Data.Applications.EnglishTest.Ielts, ["TOEFL"] = Data.Applications.EnglishTest.Toefl,
        ["CET-6"] = Data.Applications.EnglishTest.Cet6, ["CET-4"] = Data.Applications.EnglishTest.Cet4, ["GRE"] = Data.Applications.EnglishTest.Gre,
    };

    /// <summary>"3/120" as rank and cohort size; anything else as none.</summary>
    private (int?, int?) RankValue =>
        Clean(Ranking)?.Split('/') is [var position, var size]
        && FormNumbers.WholeNumber(position.Trim(), 1, 100_000) is { } p && FormNumbers.WholeNumber(size.Trim(), 1, 100_000) is { } s && p <= s
            ? (p, s)
            : (null, null);

    private double? GpaScaleValue => FormNumbers.Number(GpaScale, 1, MaxGpa);

    /// <summary>The ticked ids, or null when one of them is not an id at all.</summary>
    private List<int>? InterestIdValues
    {
        get
        {
            var ids = ResearchInterestIds.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => FormNumbers.WholeNumber(v, 1, int.MaxValue)).ToList();
            return ids.Contains(null) ? null : [.. ids.Select(id => id!.Value)];
        }
    }

    // Never "1E-05": the form must read back what it wrote.
    private static string? Text(double? number) => number?.ToString("0.############", CultureInfo.InvariantCulture);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();
}

/// <summary>One line of text: no line breaks or other control characters (names go into email headers).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleLineAttribute : ValidationAttribute
{
    public SingleLineAttribute() : base("{0} must be on one line, without special characters.")
    {
    }

    public override bool IsValid(object? value) => value is not string text || !text.Any(char.IsControl);
}
