namespace HanZhao.Recruit.Data.Intakes;

/// <summary>The programs a student can apply to.</summary>
[Flags]
public enum StudyPrograms
{
    None = 0,
    PhD = 1,
    Master = 2,
}

/// <summary>An enrollment round, e.g. "2026.09": which programs it offers and whether it takes applications.</summary>
public class Intake
{
    public int Id { get; set; }

    /// <summary>"2026.09": the year and month of enrollment.</summary>
    public string Code { get; set; } = string.Empty;

    public DateOnly EnrollmentDate { get; set; }

    public StudyPrograms Programs { get; set; }

    /// <summary>Switched by the professor; a closed intake takes no submissions whatever its dates.</summary>
    public bool IsOpen { get; set; }

    public DateTime? OpensAtUtc { get; set; }

    /// <summary>After this moment the intake stops taking submissions by itself; drafts are kept.</summary>
    public DateTime? DeadlineUtc { get; set; }

    public int? PhdQuota { get; set; }

    public int? MasterQuota { get; set; }

    /// <summary>The official routes the professor accepts for this intake (<see cref="AdmissionRoutes.All"/> by default).</summary>
    public AdmissionRoute Routes { get; set; } = AdmissionRoutes.All;

    /// <summary>When the professor last closed it; null while open or never closed by hand.</summary>
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>
    /// The moment enrollment begins, midnight in Shanghai (UTC+8 all year, no daylight saving), as UTC:
    /// no application is taken from then on.
    /// </summary>
    public DateTime EnrollmentStartsUtc => EnrollmentDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);

    /// <summary>
    /// Open, after its opening, before its deadline, and before its enrollment date: an intake with
    /// no deadline closes by itself when enrollment begins.
    /// </summary>
    public bool IsAcceptingApplications(DateTime nowUtc) =>
        IsOpen && Programs != StudyPrograms.None
        && (OpensAtUtc is null || OpensAtUtc <= nowUtc)
        && (DeadlineUtc is null || nowUtc < DeadlineUtc)
        && nowUtc < EnrollmentStartsUtc;

    /// <summary>When it stopped taking applications by itself or by hand; null while it takes them or has not opened.</summary>
    public DateTime? ClosedSinceUtc(DateTime nowUtc) =>
        IsAcceptingApplications(nowUtc) ? null
        : !IsOpen ? ClosedAtUtc
        : DeadlineUtc is { } deadline && deadline <= nowUtc && deadline < EnrollmentStartsUtc ? deadline
        : nowUtc >= EnrollmentStartsUtc ? EnrollmentStartsUtc
        : null;

    /// <summary>Whether <paramref name="route"/> may be chosen for <paramref name="program"/> in this intake.</summary>
    public bool Accepts(StudyPrograms program, AdmissionRoute route) =>
        Offers(program) && route != AdmissionRoute.None && Routes.HasFlag(route) && AdmissionRoutes.ProgramOf(route) == program;

    public bool Offers(StudyPrograms program) => program != StudyPrograms.None && Programs.HasFlag(program);
}
