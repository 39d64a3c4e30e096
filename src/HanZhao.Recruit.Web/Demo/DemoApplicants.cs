using System.Globalization;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Apply;
using HanZhao.Recruit.Web.Settings.Intakes;

namespace HanZhao.Recruit.Web.Demo;

/// <summary>
/// The demo's sample applications: clearly fictional people ("Demo Applicant 01 · 演示申请人 01",
/// example.org addresses, institutions marked "(demo)"), spread over both programs, their routes and
/// the review statuses, with figures, documents and, further along, a co-reviewer's notes and scores
/// and the official milestones. Deterministic: the same every time.
/// </summary>
public static class DemoApplicants
{
    public const int Count = 36;

    public const string ReviewerEmail = "demo-reviewer@example.org";

    public const string ReviewerName = "Demo Reviewer · 演示评审人";

    private static readonly AdmissionRoute[] PhdRoutes =
        [AdmissionRoute.DirectPhd, AdmissionRoute.ApplicationAssessment, AdmissionRoute.MasterToPhd, AdmissionRoute.InternationalPhd, AdmissionRoute.DirectPhd];

    private static readonly AdmissionRoute[] MasterRoutes = [AdmissionRoute.Recommended, AdmissionRoute.NationalExam, AdmissionRoute.Recommended];

    /// <summary>By pairs (one PhD, one Master): 12 submitted, 12 under review, 6 at interview, 6 with an offer.</summary>
    private static readonly ApplicationStatus[] Statuses =
    [
        ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.Submitted, ApplicationStatus.Interview,
        ApplicationStatus.UnderReview, ApplicationStatus.Offer,
    ];

    private static readonly ApplicationStatus[] Pipeline =
        [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.Interview, ApplicationStatus.Offer];

    private static readonly string[] Institutions =
    [
        "Example University (demo)", "Sample University of Technology (demo)", "Placeholder Normal University (demo)",
        "Fictional Institute of Science (demo)", "Illustrative University (demo)",
    ];

    private static readonly string[] Majors = ["Computer Science and Technology", "Software Engineering", "Artificial Intelligence", "Electronic Engineering"];

    private static readonly double[] GpaScales = [4.0, 4.3, 5.0, 100];

    public static string Email(int number) => string.Create(CultureInfo.InvariantCulture, $"demo-applicant-{number:00}@example.org");

    /// <summary>The name the PDFs carry (the standard PDF fonts have no Chinese).</summary>
    public static string LatinName(int number) => string.Create(CultureInfo.InvariantCulture, $"Demo Applicant {number:00}");

    public static string Culture(int number) => number % 3 == 0 ? "zh-CN" : "en";

    /// <summary>Applicant <paramref name="number"/> (1 to <see cref="Count"/>)'s submitted application, its history and documents; ids and reference number come with saving.</summary>
    public static Application Create(int number, string applicantId, Intake intake, IReadOnlyList<int> interestIds, DateTime nowUtc)
    {
        var program = number % 2 == 1 ? StudyPrograms.PhD : StudyPrograms.Master;
        var routes = program == StudyPrograms.PhD ? PhdRoutes : MasterRoutes;
        var route = routes[(number / 2) % routes.Length];
        var guide = AdmissionRouteGuide.For(route);
        var status = Statuses[(number + 1) / 2 % Statuses.Length];
        var chinese = Culture(number) == "zh-CN";
        var submitted = nowUtc.AddHours(-17 * number);
        var scale = GpaScales[number % GpaScales.Length];
        var gpa = Math.Round(scale * (78 + (number * 7 % 19)) / 100, scale >= 100 ? 1 : 2);
        var (test, score) = English(number, route);
        var application = new Application
        {
            ApplicantId = applicantId,
            IntakeId = intake.Id,
            Program = program,
            Status = status,
            Culture = Culture(number),
            IsDemo = true,
            FullName = string.Create(CultureInfo.InvariantCulture, $"Demo Applicant {number:00} · 演示申请人 {number:00}"),
            Phone = string.Create(CultureInfo.InvariantCulture, $"+1 202 555 01{number:00}"),
            Institution = route == AdmissionRoute.InternationalPhd ? "Example International University (demo)" : Institutions[number % Institutions.Length],
            Degree = route is AdmissionRoute.MasterToPhd or AdmissionRoute.ApplicationAssessment or AdmissionRoute.InternationalPhd ? "Master" : "Bachelor",
            Major = Majors[number % Majors.Length],
            Gpa = gpa,
            GpaScale = scale,
            GpaPercent = Math.Round(gpa / scale * 100, 1),
            RankPosition = 1 + (number * 5 % 30),
            CohortSize = 60 + (number * 13 % 180),
            ExpectedGraduation = new DateOnly(intake.EnrollmentDate.Year, 6, 30),
            Interests = [.. interestIds.Skip(number % Math.Max(1, interestIds.Count)).Take(2).Select(id => new ApplicationInterest { ResearchInterestId = id })],
            ResearchExperience = chinese
                ? "（演示）在本科实验室参与分布式存储系统的性能测试，负责实验脚本与数据分析。"
                : "(Demo) Helped measure the performance of a distributed storage system in an undergraduate lab: experiment scripts and data analysis.",
            Projects = chinese ? "（演示）一个简单的键值存储，支持复制与故障恢复。" : "(Demo) A small key-value store with replication and crash recovery.",
            EnglishTest = test,
            EnglishScore = score,
            Route = route,
            RecommendationEligibility = guide.AsksRecommendation
                ? (number % 4 == 1 ? RecommendationEligibility.Expected : RecommendationEligibility.Confirmed)
                : null,
            SummerCamps = guide.AsksSummerCamps ? (chinese ? "示例大学计算机夏令营（演示，计划参加）" : "Example University computing summer camp (demo, planned)") : null,
            OfficialStepExpectedOn = OfficialStep(route, intake.EnrollmentDate.Year),
            Statement = chinese
                ? "这是为演示而写的虚构个人陈述。申请人对计算机系统、数据库与分布式计算感兴趣，希望在课题组从事系统方向的研究。"
                : "This is a fictional statement written for the demo. The applicant is interested in computer systems, databases and distributed computing, and hopes to do systems research in the group.",
            ConsentedAtUtc = submitted,
            CreatedAtUtc = submitted.AddDays(-2),
            UpdatedAtUtc = submitted,
            SubmittedAtUtc = submitted,
        };
        application.StatusHistory.AddRange(History(status, applicantId, submitted));
        application.Documents.AddRange(AdmissionRouteGuide.RequiredDocuments(route)
            .Select(kind => DemoDocuments.Create(kind, LatinName(number), string.Create(CultureInfo.InvariantCulture, $"demo-applicant-{number:00}"), submitted)));
        if (status == ApplicationStatus.Offer)
        {
            application.Milestones.AddRange(Milestones(number, nowUtc));
        }

        return application;
    }

    /// <summary>The co-reviewer's score, for applications past the first look; null for the others.</summary>
    public static ApplicationScore? Score(Application application, string reviewerId, int number, DateTime nowUtc) =>
        application.Status == ApplicationStatus.Submitted
            ? null
            : new ApplicationScore
            {
                ApplicationId = application.Id,
                ReviewerId = reviewerId,
                ResearchFit = 2 + (number % 4),
                AcademicRecord = 2 + ((number + 1) % 4),
                Skills = 2 + ((number + 2) % 4),
                Communication = 3 + (number % 3),
                Comment = "Demo score: a fictional reviewer's view.",
                UpdatedAtUtc = nowUtc,
            };

    /// <summary>A note on every fifth application.</summary>
    public static ApplicationNote? Note(Application application, string reviewerId, int number, DateTime nowUtc) =>
        number % 5 != 1
            ? null
            : new ApplicationNote
            {
                ApplicationId = application.Id,
                AuthorId = reviewerId,
                Text = (number % 2) switch
                {
                    1 => "Demo note: solid systems background; ask about the storage project at the interview.",
                    _ => "Demo note: strong figures; check the research proposal against our current projects.",
                },
                CreatedAtUtc = nowUtc.AddHours(-number),
            };

    private static (EnglishTest Test, double Score) English(int number, AdmissionRoute route) =>
        (route == AdmissionRoute.InternationalPhd ? number % 2 : number % 5) switch
        {
            0 => (EnglishTest.Ielts, 6 + (number % 5 * 0.5)),
            1 => (EnglishTest.Toefl, 88 + (number % 25)),
            2 => (EnglishTest.Cet6, 480 + (number * 11 % 150)),
            3 => (EnglishTest.Cet4, 520 + (number * 7 % 120)),
            _ => (EnglishTest.Gre, 310 + (number % 21)),
        };

    /// <summary>When the route's official step usually comes, for an intake enrolling in <paramref name="year"/>.</summary>
    private static DateOnly OfficialStep(AdmissionRoute route, int year) => route switch
    {
        AdmissionRoute.DirectPhd or AdmissionRoute.Recommended => new DateOnly(year - 1, 9, 25),
        AdmissionRoute.NationalExam => new DateOnly(year - 1, 12, 20),
        AdmissionRoute.MasterToPhd => new DateOnly(year, 4, 15),
        _ => new DateOnly(year, 3, 1),
    };

    /// <summary>Draft → submitted (by the applicant), then each status up to <paramref name="status"/>, a few days apart.</summary>
    private static IEnumerable<ApplicationStatusChange> History(ApplicationStatus status, string applicantId, DateTime submitted)
    {
        yield return new ApplicationStatusChange { From = ApplicationStatus.Draft, To = ApplicationStatus.Submitted, ChangedAtUtc = submitted, ChangedByUserId = applicantId };
        for (var step = 1; step < Pipeline.Length && Pipeline[step - 1] != status; step++)
        {
            yield return new ApplicationStatusChange { From = Pipeline[step - 1], To = Pipeline[step], ChangedAtUtc = submitted.AddDays(step * 2) };
        }
    }

    /// <summary>Registered officially, interview passed, 待录取 notice with a deadline days away; one has accepted it.</summary>
    private static IEnumerable<ApplicationMilestone> Milestones(int number, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(ShanghaiTime.FromUtc(nowUtc));
        yield return new ApplicationMilestone { Kind = MilestoneKind.OfficialApplication, OccurredOn = today.AddDays(-30), RecordedAtUtc = nowUtc };
        yield return new ApplicationMilestone { Kind = MilestoneKind.InterviewPassed, OccurredOn = today.AddDays(-12), RecordedAtUtc = nowUtc };
        yield return new ApplicationMilestone
        {
            Kind = MilestoneKind.PendingAdmission, OccurredOn = today.AddDays(-3), RespondByUtc = nowUtc.AddDays(3 + (number % 7)), RecordedAtUtc = nowUtc,
        };
        if (number % 4 == 1)
        {
            yield return new ApplicationMilestone { Kind = MilestoneKind.PendingAdmissionAccepted, OccurredOn = today.AddDays(-1), RecordedAtUtc = nowUtc };
        }
    }
}
