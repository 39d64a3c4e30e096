using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Platform.Audit;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.AuditLog;

/// <summary>
/// The one table of readable names for audit actions: the log stores short stable names
/// ("ReviewerDisabled", "StatusRejected") that filters and tests use, people read "Co-reviewer
/// disabled", "Status changed to Not admitted". Each name is a literal key of the localizer, so the
/// translation test sees every one; an action missing here shows as stored, and a test reads every Record call for one.
/// </summary>
public static class AuditActionNames
{
    public static string Name(string action, IStringLocalizer localizer) => action switch
    {
        "SignIn" => localizer["Signed in"],
        "SignInFailed" => localizer["Sign-in failed"],
        "SignOut" => localizer["Signed out"],
        "SignOutEverywhere" => localizer["Signed out everywhere"],
        "TwoFactorEnabled" => localizer["Authenticator turned on"],
        "TwoFactorDisabled" => localizer["Authenticator turned off"],
        "RecoveryCodesRenewed" => localizer["Recovery codes renewed"],
        "PasswordSet" => localizer["Password set"],
        AuditActions.PasswordResetRequested => localizer["Password reset link sent"],
        AuditActions.PasswordReset => localizer["Password reset by email link"],
        "ProfessorCreated" => localizer["Professor account created"],
        "ReviewerInvited" => localizer["Co-reviewer invited"],
        "ReviewerInvitationResent" => localizer["Co-reviewer invitation sent again"],
        "ReviewerDisabled" => localizer["Co-reviewer disabled"],
        "ReviewerEnabled" => localizer["Co-reviewer enabled"],
        "Assign" => localizer["Co-reviewer assigned"],
        "Message" => localizer["Email sent to applicants"],
        "SavedViewCreate" => localizer["Saved view added"],
        "SavedViewDelete" => localizer["Saved view deleted"],
        "LetterRequested" => localizer["Letter requested from a referee"],
        "LetterWithdrawn" => localizer["Letter request withdrawn"],
        "LetterReceived" => localizer["Letter received from a referee"],
        "LetterDeclined" => localizer["A referee declined to write a letter"],
        "LetterReminded" => localizer["Referee reminded of a letter"],
        "InterviewSlotsAdded" => localizer["Interview slots added"],
        "InterviewSlotCancelled" => localizer["Interview slot cancelled"],
        "InterviewInvited" => localizer["Invited to book an interview"],
        "InterviewBooked" => localizer["Interview booked"],
        "InterviewMoved" => localizer["Interview moved"],
        "InterviewCancelled" => localizer["Interview cancelled"],
        "Unassign" => localizer["Co-reviewer unassigned"],
        "Note" => localizer["Note added"],
        "Tag" => localizer["Tag changed"],
        "Score" => localizer["Score saved"],
        "InterviewOutcome" => localizer["Interview outcome recorded"],
        // Entries written before status changes named their new status.
        "StatusChange" => localizer["Status changed"],
        "Milestone" => localizer["Official step recorded"],
        "Export" => localizer["Exported"],
        "Email" => localizer["Email sent again"],
        "Settings" => localizer["Settings changed"],
        "Intake" => localizer["Intake changed"],
        "Content" => localizer["Site content changed"],
        "Demo" => localizer["Demo data added"],
        AuditActions.DuplicateDismissed => localizer["Marked not a duplicate"],
        AuditActions.AlertsChanged => localizer["Alert choice changed"],
        "ApplicationErased" => localizer["Application erased"],
        "ApplicantAccountErased" => localizer["Applicant's account erased"],
        "PersonalDataExported" => localizer["Applicant's data exported"],
        "RetentionExtended" => localizer["Kept longer than the retention period"],
        "RetentionSettings" => localizer["Retention of admitted students' applications changed"],
        _ when StatusOf(action) is { } status => localizer["Status changed to {0}", PortalText.Status(status, localizer)],
        _ => action,
    };

    /// <summary>Whether <paramref name="action"/> has a readable name (not shown as stored).</summary>
    public static bool Has(string action) => Name(action, KeysOnly.Instance) != action;

    /// <summary>"StatusRejected" → Rejected; by name only, so "Status5" is no status.</summary>
    private static ApplicationStatus? StatusOf(string action) =>
        action.StartsWith(AuditActions.StatusPrefix, StringComparison.Ordinal)
        && Enum.GetNames<ApplicationStatus>().Contains(action[AuditActions.StatusPrefix.Length..], StringComparer.Ordinal)
            ? Enum.Parse<ApplicationStatus>(action[AuditActions.StatusPrefix.Length..])
            : null;

    /// <summary>Answers each key with itself: enough to tell a named action from one shown as stored.</summary>
    private sealed class KeysOnly : IStringLocalizer
    {
        public static readonly KeysOnly Instance = new();

        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
