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
}
