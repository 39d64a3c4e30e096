using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>What the rules need beyond the form: the professor's interests and the intake and program applied for.</summary>
public sealed record ApplicationFormContext(IReadOnlySet<int> InterestIds, StudyPrograms Program, Intake Intake)
{
    /// <summary>The routes the applicant may choose: those the intake accepts for the program.</summary>
    public IReadOnlyList<RouteGuide> Routes => AdmissionRouteGuide.Of(Program, Intake.Routes);

    public DateOnly EarliestOfficialStep => EarliestOfficialStepOf(Intake);

    public DateOnly LatestOfficialStep => LatestOfficialStepOf(Intake);

    /// <summary>
    /// The official step comes before enrollment; it may already have happened, so any date this century
    /// up to enrollment is taken (a typing slip like 0205 is refused).
    /// </summary>
    public static DateOnly EarliestOfficialStepOf(Intake intake) => new(Math.Min(2000, intake.EnrollmentDate.Year), 1, 1);

    public static DateOnly LatestOfficialStepOf(Intake intake) => intake.EnrollmentDate;
}

public sealed partial class ApplicationForm
{
    /// <summary>Rules across fields and what completing a step needs; (field, English message) pairs.</summary>
    public IEnumerable<(string Field, string Message)> Problems(ApplicationStep step, bool complete, ApplicationFormContext context) => step switch
    {
        ApplicationStep.Route => RouteProblems(complete, context),
        ApplicationStep.Personal => PersonalProblems(complete),
        ApplicationStep.Education => EducationProblems(complete),
        ApplicationStep.Choice => ChoiceProblems(complete, context.InterestIds),
        ApplicationStep.English => EnglishProblems(complete),
        ApplicationStep.Statement => StatementProblems(complete),
        _ => [],
    };

    private IEnumerable<(string, string)> RouteProblems(bool complete, ApplicationFormContext context)
    {
        var routes = context.Routes;
        var route = RouteValue;
        if (Clean(Route) is not null && (route is null || !context.Intake.Accepts(context.Program, route.Value)))
        {
            yield return (nameof(Route), "Choose one of the routes this intake accepts for your program.");
            yield break;
        }

        // An intake that lists no route for the program leaves nothing to choose, and nothing to require.
        if (complete && route is null && routes.Count > 0)
        {
            yield return (nameof(Route), "Choose the route you plan to take.");
        }

        var guide = routes.FirstOrDefault(g => g.Route == route);
        if (guide is { AsksRecommendation: true })
        {
            if (Clean(RecommendationEligibility) is not null && EligibilityValue is null)
            {
                yield return (nameof(RecommendationEligibility), "Choose one of the answers about 推免.");
            }
            else if (complete && EligibilityValue is null)
            {
                yield return (nameof(RecommendationEligibility), "Say whether you are eligible for 推免.");
            }
        }

        if (Clean(OfficialStepExpectedOn) is not null && (DateValue is not { } date || date < context.EarliestOfficialStep || date > context.LatestOfficialStep))
        {
            yield return (nameof(OfficialStepExpectedOn), "Enter the date as YYYY-MM-DD, no later than the enrollment date.");
        }
        else if (complete && route is not null && DateValue is null)
        {
            yield return (nameof(OfficialStepExpectedOn), "Enter when you expect the official step.");
        }
    }

    private IEnumerable<(string, string)> PersonalProblems(bool complete)
    {
        if (complete && string.IsNullOrWhiteSpace(FullName)) yield return (nameof(FullName), "Enter your full name.");
        if (complete && string.IsNullOrWhiteSpace(Phone)) yield return (nameof(Phone), "Enter your phone number.");
    }

    private IEnumerable<(string, string)> EducationProblems(bool complete)
    {
        var gpa = GpaValue;
        var scale = GpaScaleValue;
        if (gpa is null && !string.IsNullOrWhiteSpace(Gpa)) yield return (nameof(Gpa), "GPA must be between 0 and 100, written like 3.8.");
        if (scale is null && !string.IsNullOrWhiteSpace(GpaScale)) yield return (nameof(GpaScale), "Choose the scale of your GPA from the list.");
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

        foreach (var problem in RankProblems())
        {
            yield return problem;
        }
    }

    /// <summary>The rank is optional, but it is two numbers or none, and no one ranks below their cohort.</summary>
    private IEnumerable<(string, string)> RankProblems()
    {
        var rank = RankValue;
        var size = CohortValue;
        if (rank is null && !string.IsNullOrWhiteSpace(RankPosition))
        {
            yield return (nameof(RankPosition), "Your rank is a whole number from 1, like 3.");
        }

        if (size is null && !string.IsNullOrWhiteSpace(CohortSize))
        {
            yield return (nameof(CohortSize), "The cohort size is a whole number from 1, like 120.");
        }

        if (string.IsNullOrWhiteSpace(RankPosition) != string.IsNullOrWhiteSpace(CohortSize))
        {
            yield return (string.IsNullOrWhiteSpace(RankPosition) ? nameof(RankPosition) : nameof(CohortSize),
                "Enter both your rank and the size of your cohort, or neither.");
        }
        else if (rank > size)
        {
            yield return (nameof(RankPosition), "Your rank cannot be larger than the size of your cohort.");
        }
    }

    private IEnumerable<(string, string)> ChoiceProblems(bool complete, IReadOnlySet<int> interestIds)
    {
        if (InterestIdValues is not { } ids || ids.Any(id => !interestIds.Contains(id)) || ids.Count != ids.Distinct().Count())
        {
            yield return (nameof(ResearchInterestIds), "Pick research interests from the list.");
        }
        else if (complete && ids.Count == 0 && string.IsNullOrWhiteSpace(OtherInterests))
        {
            yield return (nameof(ResearchInterestIds), "Pick at least one research interest or describe your own.");
        }
    }

    /// <summary>No test yet is an answer; a test needs its score, in the test's own range.</summary>
    private IEnumerable<(string, string)> EnglishProblems(bool complete)
    {
        var test = EnglishTestValue;
        if (Clean(EnglishTest) is { } name && name != NoEnglishTest && test is null)
        {
            yield return (nameof(EnglishTest), "Pick a test from the list.");
        }
        else if (test is { } taken && !string.IsNullOrWhiteSpace(EnglishScore) && TranscriptRules.Score(taken, EnglishScore) is null)
        {
            yield return (nameof(EnglishScore), TranscriptRules.RangeOf(taken).Message);
        }
        else if (complete && test is not null && string.IsNullOrWhiteSpace(EnglishScore))
        {
            yield return (nameof(EnglishScore), "Enter your score.");
        }
    }

    private IEnumerable<(string, string)> StatementProblems(bool complete)
    {
        if (TextLength.Count(Statement) > StatementMaxWords)
        {
            yield return (nameof(Statement), "The statement can have at most 1,500 words; each Chinese, Japanese or Korean character counts as one.");
        }
        else if (complete && string.IsNullOrWhiteSpace(Statement))
        {
            yield return (nameof(Statement), "Write your statement.");
        }
    }
}
