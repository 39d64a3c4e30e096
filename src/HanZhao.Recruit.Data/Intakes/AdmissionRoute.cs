namespace HanZhao.Recruit.Data.Intakes;

/// <summary>
/// The official routes into SJTU's graduate programs (招生类型). The lab's portal comes months before
/// them: the applicant says which one they plan, because it decides whether and when they can be
/// admitted. Flags, so an intake can hold the set of routes the professor accepts; an application
/// holds exactly one. Which program each belongs to is <see cref="AdmissionRoutes.ProgramOf"/>.
/// </summary>
[Flags]
public enum AdmissionRoute
{
    None = 0,

    /// <summary>直博: PhD straight from a bachelor's degree, through 推免.</summary>
    DirectPhd = 1,

    /// <summary>硕博连读: a current master's student continues to the PhD.</summary>
    MasterToPhd = 2,

    /// <summary>申请-考核: PhD application with a master's degree, assessed by the school.</summary>
    ApplicationAssessment = 4,

    /// <summary>International PhD applicants (e.g. a CSC scholarship).</summary>
    InternationalPhd = 8,

    /// <summary>推免: master's by recommendation (夏令营, 预推免, 九推).</summary>
    Recommended = 16,

    /// <summary>统考: master's through the national entrance exam.</summary>
    NationalExam = 32,
}

public static class AdmissionRoutes
{
    public const AdmissionRoute Phd =
        AdmissionRoute.DirectPhd | AdmissionRoute.MasterToPhd | AdmissionRoute.ApplicationAssessment | AdmissionRoute.InternationalPhd;

    public const AdmissionRoute Master = AdmissionRoute.Recommended | AdmissionRoute.NationalExam;

    public const AdmissionRoute All = Phd | Master;

    /// <summary>Each route on its own, in the order pages list them.</summary>
    public static IReadOnlyList<AdmissionRoute> Each { get; } =
    [
        AdmissionRoute.DirectPhd, AdmissionRoute.MasterToPhd, AdmissionRoute.ApplicationAssessment, AdmissionRoute.InternationalPhd,
        AdmissionRoute.Recommended, AdmissionRoute.NationalExam,
    ];

    public static StudyPrograms ProgramOf(AdmissionRoute route) =>
        (Phd & route) == route && route != AdmissionRoute.None ? StudyPrograms.PhD
        : (Master & route) == route && route != AdmissionRoute.None ? StudyPrograms.Master
        : StudyPrograms.None;

    /// <summary>The routes of <paramref name="program"/> among <paramref name="set"/>.</summary>
    public static IReadOnlyList<AdmissionRoute> Of(StudyPrograms program, AdmissionRoute set) =>
        [.. Each.Where(r => set.HasFlag(r) && ProgramOf(r) == program)];
}
