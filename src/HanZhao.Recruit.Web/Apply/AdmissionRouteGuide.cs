using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// What each official route means for an applicant: its name, a sentence on who takes it, the
/// documents the lab asks for with it, and which questions it raises (推免 eligibility, 夏令营).
/// The one description used by /join, the application form, its documents step and the reviewer.
/// Texts are English keys translated through the shared resource.
/// </summary>
public sealed record RouteGuide(
    AdmissionRoute Route,
    StudyPrograms Program,
    string Name,
    string Explanation,
    string OfficialStep,
    IReadOnlyList<DocumentKind> Documents,
    bool AsksRecommendation,
    bool AsksSummerCamps);

public static class AdmissionRouteGuide
{
    /// <summary>Asked of every route: the CV and the transcript.</summary>
    public static IReadOnlyList<DocumentKind> CommonDocuments { get; } = [DocumentKind.Cv, DocumentKind.Transcript];

    public static IReadOnlyList<RouteGuide> All { get; } =
    [
        new(AdmissionRoute.DirectPhd, StudyPrograms.PhD,
            "Direct PhD (直博)",
            "For students finishing a bachelor's degree who are recommended for exam-free admission (推免) and go straight to the PhD.",
            "the national 推免 system, usually in late September",
            [DocumentKind.RankingCertificate], AsksRecommendation: true, AsksSummerCamps: true),
        new(AdmissionRoute.MasterToPhd, StudyPrograms.PhD,
            "Master's to PhD (硕博连读)",
            "For current master's students at SJTU who continue to the PhD.",
            "the school's 硕博连读 selection in the spring",
            [DocumentKind.ResearchProposal], AsksRecommendation: false, AsksSummerCamps: false),
        new(AdmissionRoute.ApplicationAssessment, StudyPrograms.PhD,
            "Application and assessment (申请-考核)",
            "For applicants who hold or will soon hold a master's degree: the school assesses a written application and an interview.",
            "the graduate school's 申请-考核 round, usually from November to March",
            [DocumentKind.ResearchProposal], AsksRecommendation: false, AsksSummerCamps: false),
        new(AdmissionRoute.InternationalPhd, StudyPrograms.PhD,
            "International PhD",
            "For applicants from outside mainland China, for example with a Chinese Government (CSC) scholarship.",
            "SJTU's international graduate application",
            [DocumentKind.EnglishCertificate], AsksRecommendation: false, AsksSummerCamps: false),
        new(AdmissionRoute.Recommended, StudyPrograms.Master,
            "Recommendation (推免)",
            "For students recommended by their university for exam-free admission, through a summer camp (夏令营), pre-recommendation (预推免) or the September round (九推).",
            "the national 推免 system, usually in late September",
            [DocumentKind.RankingCertificate], AsksRecommendation: true, AsksSummerCamps: true),
        new(AdmissionRoute.NationalExam, StudyPrograms.Master,
            "National entrance exam (统考)",
            "For students who sit the national graduate entrance exam in December and the school's second round (复试) in the spring.",
            "the national entrance exam in December",
            [], AsksRecommendation: false, AsksSummerCamps: false),
    ];

    public static RouteGuide For(AdmissionRoute route) =>
        All.FirstOrDefault(g => g.Route == route) ?? throw new ArgumentOutOfRangeException(nameof(route), route, "One route, not a set or none.");

    /// <summary>The routes of <paramref name="program"/> the intake accepts, in the order pages show them.</summary>
    public static IReadOnlyList<RouteGuide> Of(StudyPrograms program, AdmissionRoute accepted) =>
        [.. All.Where(g => g.Program == program && accepted.HasFlag(g.Route))];

    /// <summary>Every document an application on <paramref name="route"/> must have before it is submitted.</summary>
    public static IReadOnlyList<DocumentKind> RequiredDocuments(AdmissionRoute route) =>
        route == AdmissionRoute.None ? CommonDocuments : [.. CommonDocuments, .. For(route).Documents];
}
