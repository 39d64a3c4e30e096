using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Review.Dashboard;

namespace HanZhao.Recruit.Web.Review.Duplicates;

/// <summary>Why two applications may be the same person; shown beside the link to the other one.</summary>
public enum DuplicateReason
{
    /// <summary>The same phone number once spaces, dashes and a +86/0086/86 prefix are ignored.</summary>
    SamePhone,

    /// <summary>The same name and institution, ignoring case and spaces.</summary>
    SameNameAndInstitution,

    /// <summary>The same Chinese name and institution, ignoring spaces.</summary>
    SameChineseNameAndInstitution,

    /// <summary>A document with the same SHA-256: the very same file uploaded twice.</summary>
    SameDocument,
}

/// <summary>Another application that may be the same person, with every reason found.</summary>
public sealed record PossibleDuplicate(int OtherId, string OtherName, string? OtherReference, ApplicationStatus OtherStatus, IReadOnlyList<DuplicateReason> Reasons);

/// <summary>What the view component shows on an application's page.</summary>
public sealed record PossibleDuplicatesPanel(int ApplicationId, IReadOnlyList<PossibleDuplicate> Duplicates, bool CanDismiss, string ListQuery);

/// <summary>The list's query string as links carry it: read by the dashboard's query model and written again, so nothing unread rides along.</summary>
public static class DuplicateListQuery
{
    public static string Of(HttpRequest request) =>
        QueryText.Read<DashboardQuery>(request.QueryString.Value).ToQueryString() is { Length: > 0 } query ? "?" + query : string.Empty;
}
