namespace HanZhao.Recruit.Web.Letters;

/// <summary>Referee letters (configuration section <c>Recruit:Letters</c>).</summary>
public sealed class LetterOptions
{
    public const string Section = "Recruit:Letters";

    /// <summary>How long a referee's link works after the request.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Posts to letter pages one client IP may make within <see cref="ClientWindow"/>: guessing tokens is pointless, and this keeps it so.</summary>
    public int ClientPermitLimit { get; set; } = 20;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The first reminder to a referee who has not answered: this long after the request.</summary>
    public TimeSpan FirstReminderAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The second reminder: this long before the link expires.</summary>
    public TimeSpan SecondReminderBefore { get; set; } = TimeSpan.FromDays(3);

    /// <summary>At most this many reminders per request (0 turns them off; there are two moments, so more than 2 sends 2).</summary>
    public int MaxReminders { get; set; } = 2;

    /// <summary>Two reminders never come closer than this, even when both moments have passed (a short link lifetime, a job that was down).</summary>
    public TimeSpan MinimumReminderGap { get; set; } = TimeSpan.FromDays(1);
}
