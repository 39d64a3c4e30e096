namespace HanZhao.Recruit.Data.Applications;

/// <summary>
/// Where an application stands. Draft until the applicant submits; the review pipeline is
/// Submitted → UnderReview → Interview → Offer → Accepted or Declined, Rejected from any open
/// state, Withdrawn by the applicant before a decision.
/// </summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    UnderReview,
    Interview,
    Offer,
    Accepted,
    Declined,
    Rejected,
    Withdrawn,
}
