namespace HanZhao.Recruit.Web.Interviews;

/// <summary>Interviews (configuration section <c>Recruit:Interviews</c>).</summary>
public sealed class InterviewOptions
{
    public const string Section = "Recruit:Interviews";

    /// <summary>
    /// How long before a slot's start the applicant can no longer book, move or cancel it on the
    /// site: the professor plans the day by then, and a later change is a conversation, not a click.
    /// </summary>
    public TimeSpan ChangeCutoff { get; set; } = TimeSpan.FromHours(24);
}
