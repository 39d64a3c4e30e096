using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// Every field the applicant types, with the rules checked on the server for every save. Each step
/// binds and saves only its own fields (<see cref="FieldsOf"/>), so a post cannot change another
/// step's answers. Whether a field may be empty is checked when the step is completed and on submit
/// (the rules are in ApplicationForm.Problems.cs). Messages are English keys, translated through the
/// shared resource.
/// </summary>
public sealed partial class ApplicationForm
{
    /// <summary>The statement's limit, counted by <see cref="TextLength"/>: words, each CJK character one.</summary>
    public const int StatementMaxWords = 1500;

    private const double MaxGpa = 100;

    // The route (招生类型) and what it asks.
    /// <summary>An <see cref="AdmissionRoute"/> by name, one the intake accepts for the program.</summary>
    [Display(Name = "Route")]
    public string? Route { get; set; }

    /// <summary>A <see cref="Data.Applications.RecommendationEligibility"/> by name; kept only for routes that ask it.</summary>
    [Display(Name = "推免 eligibility")]
    public string? RecommendationEligibility { get; set; }

    [Display(Name = "Summer camps (optional)"), StringLength(500, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? SummerCamps { get; set; }

    /// <summary>"2026-09-25", as a date input sends it.</summary>
    [Display(Name = "Expected date of the official step")]
    public string? OfficialStepExpectedOn { get; set; }

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

    /// <summary>One of <see cref="TranscriptRules.GpaScales"/>, from a select.</summary>
    [Display(Name = "GPA scale")]
    public string? GpaScale { get; set; }

    /// <summary>The applicant's place in their cohort, 1 for the first; with <see cref="CohortSize"/> or not at all.</summary>
    [Display(Name = "Your rank")]
    public string? RankPosition { get; set; }

    [Display(Name = "Cohort size")]
    public string? CohortSize { get; set; }

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

    /// <summary>An <see cref="Data.Applications.EnglishTest"/> by name, or <see cref="NoEnglishTest"/> (also when empty).</summary>
    [Display(Name = "English test"), StringLength(30, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? EnglishTest { get; set; }

    [Display(Name = "Score")]
    public string? EnglishScore { get; set; }

    [Display(Name = "Statement"), StringLength(15000, ErrorMessage = "{0} can have at most {1} characters.")]
    public string? Statement { get; set; }

    /// <summary>The English test answer "none yet", stored as no test.</summary>
    public const string NoEnglishTest = "None";

    /// <summary>The property names each step edits.</summary>
    public static IReadOnlyList<string> FieldsOf(ApplicationStep step) => step switch
    {
        ApplicationStep.Route => [nameof(Route), nameof(RecommendationEligibility), nameof(SummerCamps), nameof(OfficialStepExpectedOn)],
        ApplicationStep.Personal => [nameof(FullName), nameof(ChineseName), nameof(Phone)],
        ApplicationStep.Education => [nameof(Institution), nameof(Degree), nameof(Major), nameof(Gpa), nameof(GpaScale), nameof(RankPosition), nameof(CohortSize), nameof(ExpectedGraduation)],
        ApplicationStep.Choice => [nameof(ResearchInterestIds), nameof(OtherInterests)],
        ApplicationStep.Experience => [nameof(ResearchExperience), nameof(Projects), nameof(Publications)],
        ApplicationStep.English => [nameof(EnglishTest), nameof(EnglishScore)],
        ApplicationStep.Statement => [nameof(Statement)],
        _ => [],
    };

    public static ApplicationForm From(Application a) => new()
    {
        Route = a.Route == AdmissionRoute.None ? null : a.Route.ToString(),
        RecommendationEligibility = a.RecommendationEligibility?.ToString(),
        SummerCamps = a.SummerCamps,
        OfficialStepExpectedOn = a.OfficialStepExpectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FullName = NullIfEmpty(a.FullName),
        ChineseName = a.ChineseName,
        Phone = NullIfEmpty(a.Phone),
        Institution = NullIfEmpty(a.Institution),
        Degree = NullIfEmpty(a.Degree),
        Major = NullIfEmpty(a.Major),
        Gpa = Text(a.Gpa),
        GpaScale = a.GpaScale is { } scale ? TranscriptRules.ScaleText(scale) : null,
        RankPosition = a.RankPosition?.ToString(CultureInfo.InvariantCulture),
        CohortSize = a.CohortSize?.ToString(CultureInfo.InvariantCulture),
        ExpectedGraduation = a.ExpectedGraduation?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ResearchInterestIds = [.. a.Interests.Select(i => i.ResearchInterestId).Order().Select(id => id.ToString(CultureInfo.InvariantCulture))],
        OtherInterests = a.OtherInterests,
        ResearchExperience = a.ResearchExperience,
        Projects = a.Projects,
        Publications = a.Publications,
        EnglishTest = a.EnglishTest?.ToString() ?? NoEnglishTest,
        EnglishScore = Text(a.EnglishScore),
        Statement = a.Statement,
    };

    /// <summary>Copies this step's fields onto the application; only after <see cref="Problems"/> found none.</summary>
    public void ApplyTo(Application a, ApplicationStep step)
    {
        switch (step)
        {
            case ApplicationStep.Route:
                a.Route = RouteValue ?? AdmissionRoute.None;
                // 推免 answers belong only to the routes that ask them: a route changed away drops them.
                var guide = a.Route == AdmissionRoute.None ? null : AdmissionRouteGuide.For(a.Route);
                a.RecommendationEligibility = guide is { AsksRecommendation: true } ? EligibilityValue : null;
                a.SummerCamps = guide is { AsksSummerCamps: true } ? Clean(SummerCamps) : null;
                a.OfficialStepExpectedOn = DateValue;
                break;
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
                // Kept with the GPA whenever either changes, so lists sort applications on different scales.
                a.GpaPercent = TranscriptRules.Percent(a.Gpa, a.GpaScale);
                a.RankPosition = RankValue;
                a.CohortSize = CohortValue;
                a.ExpectedGraduation = ExpectedGraduation is null ? null
                    : DateOnly.ParseExact(ExpectedGraduation + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case ApplicationStep.Choice:
                var chosen = InterestIdValues ?? [];
                a.Interests.RemoveAll(i => !chosen.Contains(i.ResearchInterestId));
                a.Interests.AddRange(chosen.Except(a.Interests.Select(i => i.ResearchInterestId)).Select(id => new ApplicationInterest { ResearchInterestId = id }));
                a.OtherInterests = Clean(OtherInterests);
                break;
            case ApplicationStep.Experience:
                a.ResearchExperience = Clean(ResearchExperience);
                a.Projects = Clean(Projects);
                a.Publications = Clean(Publications);
                break;
            case ApplicationStep.English:
                a.EnglishTest = EnglishTestValue;
                a.EnglishScore = a.EnglishTest is { } test ? TranscriptRules.Score(test, EnglishScore) : null;
                break;
            case ApplicationStep.Statement:
                a.Statement = Clean(Statement);
                break;
        }
    }

    /// <summary>The route by name, among single routes; null when empty or not a route's name.</summary>
    private AdmissionRoute? RouteValue => Clean(Route) is { } name ? QueryReader.NameOf(name, AdmissionRoutes.Each) : null;

    private RecommendationEligibility? EligibilityValue =>
        Clean(RecommendationEligibility) is { } name ? QueryReader.NameOf<RecommendationEligibility>(name) : null;

    private DateOnly? DateValue =>
        DateOnly.TryParseExact(Clean(OfficialStepExpectedOn), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private double? GpaValue => FormNumbers.Number(Gpa, 0, MaxGpa);

    private double? GpaScaleValue => TranscriptRules.Scale(GpaScale);

    private int? RankValue => FormNumbers.WholeNumber(RankPosition, 1, TranscriptRules.MaxCohortSize);

    private int? CohortValue => FormNumbers.WholeNumber(CohortSize, 1, TranscriptRules.MaxCohortSize);

    /// <summary>The test by name; null for none (empty or <see cref="NoEnglishTest"/>) and for a name that is no test.</summary>
    private EnglishTest? EnglishTestValue =>
        Clean(EnglishTest) is { } name && name != NoEnglishTest ? QueryReader.NameOf(name, TranscriptRules.EnglishTests) : null;

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
