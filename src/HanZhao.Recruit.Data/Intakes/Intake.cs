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

    public bool IsAcceptingApplications(DateTime nowUtc) =>
        IsOpen && Programs != StudyPrograms.None
        && (OpensAtUtc is null || OpensAtUtc <= nowUtc)
        && (DeadlineUtc is null || nowUtc < DeadlineUtc);

    public bool Offers(StudyPrograms program) => program != StudyPrograms.None && Programs.HasFlag(program);
}
