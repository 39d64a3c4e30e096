using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Applicant;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Decisions;

/// <summary>Refusals in words, with literal keys so the translation test sees each one.</summary>
public static class DecisionText
{
    public static string Refusal(DecisionResult result, IStringLocalizer localizer)
    {
        var from = result.Application is { } application ? PortalText.Status(application.Status, localizer) : "";
        var to = PortalText.Status(result.To, localizer);
        return result.Refusal switch
        {
            Decisions.Refusal.NotFound => localizer["Application {0} was not found.", result.Id],
            Decisions.Refusal.Unchanged => localizer["The application is already {0}.", from],
            Decisions.Refusal.ToDraft => localizer["An application never goes back to Draft."],
            Decisions.Refusal.ToWithdrawn => localizer["Only the applicant can withdraw an application."],
            Decisions.Refusal.Final => localizer["{0} is a final status: the application cannot change any more.", from],
            Decisions.Refusal.NotNext => localizer["An application that is {0} cannot move to {1}.", from, to],
            Decisions.Refusal.Conflict => localizer["The application changed while you were deciding (it is now {0}). Look again and retry.", from],
            Decisions.Refusal.NoEmailAddress => localizer["The applicant has no email address, so no email can be sent."],
            Decisions.Refusal.OneAtATime => localizer["An application that is {0} is moved to {1} on its own page, not in bulk.", from, to],
            _ => "",
        };
    }

    /// <summary>The status as staff name it: "Rejected" rather than the applicant's "Not admitted".</summary>
    public static string Status(ApplicationStatus status, IStringLocalizer localizer) =>
        status == ApplicationStatus.Rejected ? localizer["Rejected"] : PortalText.Status(status, localizer);
}
