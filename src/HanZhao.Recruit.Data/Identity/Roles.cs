namespace HanZhao.Recruit.Data.Identity;

public static class Roles
{
    public const string Professor = nameof(Professor);
    public const string Reviewer = nameof(Reviewer);
    public const string Applicant = nameof(Applicant);

    /// <summary>Staff may open /review; applicants and anonymous visitors may not.</summary>
    public const string Staff = Professor + "," + Reviewer;

    public static IReadOnlyList<string> All { get; } = [Professor, Reviewer, Applicant];
}
