using HanZhao.Recruit.Data.Applications;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Milestones;

/// <summary>The steps and the countdown in words, with literal keys so the translation test sees each one.</summary>
public static class MilestoneText
{
    public static string Name(MilestoneKind kind, IStringLocalizer localizer) => kind switch
    {
        MilestoneKind.OfficialApplication => localizer["Official application submitted (推免 system or university)"],
        MilestoneKind.InterviewPassed => localizer["Interview (复试) passed"],
        MilestoneKind.PendingAdmission => localizer["待录取 notice sent"],
        MilestoneKind.PendingAdmissionAccepted => localizer["待录取 notice accepted"],
        MilestoneKind.Admitted => localizer["Admitted (录取)"],
        MilestoneKind.AcceptedElsewhere => localizer["Accepted a place elsewhere"],
        _ => kind.ToString(),
    };

    /// <summary>"3 days and 5 hours left", "5 hours left", or that the deadline has passed.</summary>
    public static string Countdown(Countdown countdown, IStringLocalizer localizer) => countdown switch
    {
        { HasPassed: true } => localizer["The deadline has passed."],
        { Days: 0 } => localizer["{0} hours left", countdown.Hours],
        _ => localizer["{0} days and {1} hours left", countdown.Days, countdown.Hours],
    };
}
