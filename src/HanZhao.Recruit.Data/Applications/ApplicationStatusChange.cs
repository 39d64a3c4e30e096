namespace HanZhao.Recruit.Data.Applications;

/// <summary>One step of an application's status history.</summary>
public class ApplicationStatusChange
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public ApplicationStatus From { get; set; }

    public ApplicationStatus To { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    /// <summary>Who made the change (the applicant, a staff member); null for the system.</summary>
    public string? ChangedByUserId { get; set; }
}
