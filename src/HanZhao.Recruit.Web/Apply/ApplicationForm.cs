using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;

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

    [Display(Name = "GPA"), Range(0, 100, ErrorMessage = "{0} must be between {1} and {2}.")]
    public double? Gpa { get; set; }

    [Display(Name = "GPA scale"), Range(1, 100, ErrorMessage = "{0} must be between {1} and {2}.")]
    public double? GpaScale { get; set; }

    [Display(Name = "Ranking (optional)"), StringLength(50, ErrorMessage = "{0} can have at most {1} characters."), SingleLine]
    public string? Ranking { get; set; }

    /// <summary>"2026-06", as a month input sends it.</summary>
    [Display(Name = "Expected graduation"), RegularExpression(@"^(19|20)\d\d-(0[1-9]|1[0-2])$", ErrorMessage = "Enter the month as YYYY-MM.")]
    public string? ExpectedGraduation { get; set; }

    [Display(Name = "Research interests")]
    public List<int> ResearchInterestIds { get; set; } = [];

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
                if (complete)
                {
                    if (string.IsNullOrWhiteSpace(Institution)) yield return (nameof(Institution), "Enter your institution.");
                    if (string.IsNullOrWhiteSpace(Degree)) yield return (nameof(Degree), "Enter your degree.");
                    if (string.IsNullOrWhiteSpace(Major)) yield return (nameof(Major), "Enter your major.");
                    if (Gpa is null) yield return (nameof(Gpa), "Enter your GPA.");
                    if (GpaScale is null) yield return (nameof(GpaScale), "Enter the scale of your GPA.");
                    if (string.IsNullOrWhiteSpace(ExpectedGraduation)) yield return (nameof(ExpectedGraduation), "Enter when you expect to graduate.");
                }

                if (Gpa is { } gpa && GpaScale is { } scale && gpa > scale)
                {
                    yield return (nameof(Gpa), "The GPA cannot be above its scale.");
                }

                break;
            case ApplicationStep.Choice:
                if (ResearchInterestIds.Any(id => !interestIds.Contains(id)) || ResearchInterestIds.Count != ResearchInterestIds.Distinct().Count())
                {
                    yield return (nameof(ResearchInterestIds), "Pick research interests from the list.");
                }
                else if (complete && ResearchInterestIds.Count == 0 && string.IsNullOrWhiteSpace(OtherInterests))
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
        Gpa = a.Gpa,
        GpaScale = a.GpaScale,
        Ranking = a.Ranking,
        ExpectedGraduation = a.ExpectedGraduation?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ResearchInterestIds = [.. a.ResearchInterestIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))],
        OtherInterests = a.OtherInterests,
        ResearchExperience = a.ResearchExperience,
        Projects = a.Projects,
        Publications = a.Publications,
        EnglishTest = a.EnglishTest,
        EnglishScore = a.EnglishScore,
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
                a.Gpa = Gpa;
                a.GpaScale = GpaScale;
                a.Ranking = Clean(Ranking);
                a.ExpectedGraduation = ExpectedGraduation is null ? null
                    : DateOnly.ParseExact(ExpectedGraduation + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case ApplicationStep.Choice:
                a.ResearchInterestIds = string.Join(',', ResearchInterestIds.Order());
                a.OtherInterests = Clean(OtherInterests);
                break;
            case ApplicationStep.Experience:
                a.ResearchExperience = Clean(ResearchExperience);
                a.Projects = Clean(Projects);
                a.Publications = Clean(Publications);
                break;
            case ApplicationStep.English:
                a.EnglishTest = EnglishTest;
                a.EnglishScore = EnglishTest == "None" ? null : Clean(EnglishScore);
                break;
            case ApplicationStep.Statement:
                a.Statement = Clean(Statement);
                break;
        }
    }

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
