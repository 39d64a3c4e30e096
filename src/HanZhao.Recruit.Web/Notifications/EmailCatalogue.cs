using HanZhao.Recruit.Data.Applications;

namespace HanZhao.Recruit.Web.Notifications;

/// <summary>
/// One kind of email: its name (stored on the outbox row, shown in the email log), who receives it,
/// what sends it, its language, and the file whose code writes its words.
/// </summary>
public sealed record EmailKind(string Name, string To, string SentWhen, string Language, string WrittenIn);

/// <summary>
/// Every email the site sends, in one list: "which emails exist and what do they say" starts here.
/// <see cref="EmailWriter.Build"/> takes an <see cref="EmailKind"/>, so an email cannot be written
/// without its line in this file, and a test checks that each line's <see cref="EmailKind.WrittenIn"/>
/// names the file that writes it. All are queued in the outbox with the change that causes them.
/// </summary>
public static class EmailCatalogue
{
    public static readonly EmailKind SignInLink = new(
        "SignInLink",
        To: "a prospective applicant",
        SentWhen: "they ask for a sign-in link on /apply/signin (at most 3 per address per 15 minutes); the link works once, for 15 minutes",
        Language: "the language of the page they asked from",
        WrittenIn: "Apply/SignIn/ApplicantSignInService.cs");

    public static readonly EmailKind SubmissionReceived = new(
        "SubmissionReceived",
        To: "the applicant",
        SentWhen: "they submit an application: reference number, program, intake, documents, a link to /applicant",
        Language: "the language the application was written in",
        WrittenIn: "Apply/ApplicationService.cs");

    public static readonly EmailKind NewApplication = new(
        "NewApplication",
        To: "the professor (Recruit:ProfessorEmail, else the professor account); Reply-To the applicant",
        SentWhen: "an application is submitted: name, program, intake, institution, a link to the reader",
        Language: "the professor's language (the professor account's choice on the site; English without one)",
        WrittenIn: "Apply/ApplicationService.cs");

    public static readonly EmailKind WithdrawalConfirmed = new(
        "WithdrawalConfirmed",
        To: "the applicant",
        SentWhen: "they withdraw an application on /applicant",
        Language: "the applicant's language",
        WrittenIn: "Applicant/ApplicantPortal.cs");

    public static readonly EmailKind ReviewerInvitation = new(
        "Invitation",
        To: "a co-reviewer",
        SentWhen: "the professor invites them on /review/reviewers, or sends the invitation again: a link to set a password (valid 3 days)",
        Language: "English and Chinese in one message",
        WrittenIn: "Review/Reviewers/ReviewerAccounts.cs");

    public static readonly EmailKind PasswordReset = new(
        "PasswordReset",
        To: "a staff member (the professor or an enabled co-reviewer)",
        SentWhen: "they ask on /account/forgot-password: a one-time link to choose a new password (valid 3 days; using it ends every session); nothing for other addresses",
        Language: "English and Chinese in one message",
        WrittenIn: "Account/StaffPasswordReset.cs");

    public static readonly EmailKind ContactMessage = new(
        "ContactMessage",
        To: "the professor; Reply-To the visitor",
        SentWhen: "a visitor writes on /contact",
        Language: "the professor's language (the professor account's choice on the site; English without one) (the visitor's words as written)",
        WrittenIn: "PublicSite/Contact/ContactService.cs");

    public static readonly EmailKind DailyDigest = new(
        "DailyDigest",
        To: "the professor",
        SentWhen: "08:00 Shanghai time, on days with news since the last digest (submissions, status changes, notes, scores) or with interviews that day: the day's first digest lists them in time order (Interviews/InterviewSchedule.cs)",
        Language: "the professor's language (the professor account's choice on the site; English without one)",
        WrittenIn: "Notifications/DailyDigest.cs");

    public static readonly EmailKind InterestConfirmation = new(
        "InterestConfirmation",
        To: "a visitor who registered interest on /join/interest",
        SentWhen: "they register, or register the same address and program again (at most 3 per address per hour): a link to confirm (valid 7 days, works once) and one to unsubscribe",
        Language: "the language of the page they registered on",
        WrittenIn: "PublicSite/Interest/InterestEmails.cs");

    public static readonly EmailKind InterestAnnouncement = new(
        "InterestAnnouncement",
        To: "each confirmed registrant who has not unsubscribed",
        SentWhen: "an intake offering their program takes applications (checked every minute and when an intake is opened): once per registrant and intake; the intake, its programs, routes and deadline, links to /join and /apply, and to unsubscribe",
        Language: "the language they registered in",
        WrittenIn: "PublicSite/Interest/InterestEmails.cs");

    /// <summary>
    /// The status emails, one per status staff can set. Their words are the templates the professor
    /// edits on /review/templates (built-in ones in Review/Templates/DefaultTemplates.cs).
    /// </summary>
    private static readonly Dictionary<ApplicationStatus, EmailKind> StatusKinds = new[]
    {
        ApplicationStatus.UnderReview, ApplicationStatus.Interview, ApplicationStatus.Offer,
        ApplicationStatus.Accepted, ApplicationStatus.Declined, ApplicationStatus.Rejected,
    }.ToDictionary(status => status, status => new EmailKind(
        "Status" + status,
        To: "the applicant; Reply-To the professor (every email about an application: Notifications/ApplicantReplyTo.cs)",
        SentWhen: $"the professor moves the application to {status} with \"send the email\" ticked (one at a time or in bulk)",
        Language: "the applicant's language; the template of that language",
        WrittenIn: "Review/Decisions/StatusEmails.cs"));

    /// <summary>
    /// The official milestones' emails, one per step (推免 system / official application, 复试, 待录取
    /// with its deadline, accepted, admitted, accepted elsewhere). Their words are the built-in
    /// templates in Review/Templates/MilestoneTemplates.cs, shown on /review/templates.
    /// </summary>
    private static readonly Dictionary<MilestoneKind, EmailKind> MilestoneKinds = Enum.GetValues<MilestoneKind>().ToDictionary(
        kind => kind,
        kind => new EmailKind(
            "Milestone" + kind,
            To: "the applicant",
            SentWhen: $"the professor records the official step {kind} with \"send the email\" ticked"
                + (kind is MilestoneKind.OfficialApplication or MilestoneKind.AcceptedElsewhere ? ", or the applicant records it on /applicant" : string.Empty),
            Language: "the applicant's language",
            WrittenIn: "Review/Milestones/MilestoneEmails.cs"));

    public static readonly EmailKind MilestoneReported = new(
        "MilestoneReported",
        To: "the professor (Recruit:ProfessorEmail, else the professor account); Reply-To the applicant",
        SentWhen: "an applicant records an official step of their own on /applicant (official application submitted, accepted elsewhere)",
        Language: "the professor's language (the professor account's choice on the site; English without one)",
        WrittenIn: "Review/Milestones/MilestoneEmails.cs");

    public static readonly EmailKind LetterRequest = new(
        "LetterRequest",
        To: "a referee the applicant named on /applicant/{id}/referees",
        SentWhen: "the applicant asks them for a letter (or replaces a referee): the private link /letters/{token}, valid 30 days (Recruit:Letters:LinkLifetime)",
        Language: "the language the applicant chose for that referee",
        WrittenIn: "Letters/LetterEmails.cs");

    public static readonly EmailKind InterviewReminder = new(
        "InterviewReminder",
        To: "the applicant with a booked interview; Reply-To the professor",
        SentWhen: "within the 24 hours before the interview (the job runs every 5 minutes; a booking made later than that is reminded at once), once per booking of a slot, never for a cancelled slot",
        Language: "the applicant's language",
        WrittenIn: "Interviews/InterviewReminders.cs");
    public static readonly EmailKind LetterReminder = new(
        "LetterReminder",
        To: "a referee who has not answered",
        SentWhen: "the hourly job Letters/LetterReminders.cs: 7 days after the request and 3 days before its deadline (Recruit:Letters), at most 2 in all, never once the letter arrived or the request was declined, withdrawn or expired; who asked, the deadline in Shanghai time and a fresh link (earlier links keep working)",
        Language: "the language the applicant chose for that referee",
        WrittenIn: "Letters/LetterEmails.cs");

    public static readonly EmailKind LetterAnswered = new(
        "LetterAnswered",
        To: "the applicant",
        SentWhen: "a referee sends the letter or declines on /letters/{token}: who answered and how (a decline's reason, never the letter), a link to /applicant/{id}/referees",
        Language: "the applicant's language",
        WrittenIn: "Letters/LetterEmails.cs");
    public static readonly EmailKind InterviewInvitation = new(
        "InterviewInvitation",
        To: "the applicant",
        SentWhen: "the professor invites an application in the Interview status to book a slot (on /review/interviews or the list's toolbar); once per application: a link to /applicant/{id}/interview and the cut-off (Recruit:Interviews:ChangeCutoff, default 24 h)",
        Language: "the applicant's language",
        WrittenIn: "Interviews/InterviewMail.cs");

    public static readonly EmailKind InterviewCalendar = new(
        "InterviewCalendar",
        To: "the applicant, and a copy to the professor (Recruit:ProfessorEmail, else the professor account; Reply-To the applicant)",
        SentWhen: "an interview is booked, moved or cancelled (by the applicant, or with its slot by the professor): an iCalendar invitation (METHOD:REQUEST, or CANCEL) with the invitation's one UID and a rising SEQUENCE, organised by the professor",
        Language: "the applicant's language; the professor's copy in the professor's language",
        WrittenIn: "Interviews/InterviewMail.cs");

    public static readonly EmailKind Message = new(
        "Message",
        To: "each selected applicant with an address",
        SentWhen: "the professor writes a free-text email to the applications ticked on /review (the toolbar's Email, previewed, sent once per preview); placeholders as in the status templates",
        Language: "the applicant's language for the facts and footer; the professor's words as written",
        WrittenIn: "Review/Toolbar/SelectionActions.cs");

    public static readonly EmailKind RetentionNotice = new(
        "RetentionNotice",
        To: "the applicant (of a draft too)",
        SentWhen: "the retention job finds their application due for erasure within Recruit:Retention:NoticeDays (28 days): the date and a link to /applicant/data; once per announced date (again only if the professor extends it)",
        Language: "the language the application was written in",
        WrittenIn: "Privacy/RetentionNotice.cs");

    public static IReadOnlyList<EmailKind> All { get; } =
    [
        SignInLink, SubmissionReceived, NewApplication, WithdrawalConfirmed, .. StatusKinds.Values, .. MilestoneKinds.Values, MilestoneReported,
        ReviewerInvitation, PasswordReset, ContactMessage, DailyDigest, InterestConfirmation, InterestAnnouncement, Message, LetterRequest,
        InterviewReminder,
        LetterReminder, LetterAnswered,
        InterviewInvitation, InterviewCalendar,
        RetentionNotice,
    ];

    /// <summary>The email for a status staff can set; throws for Draft, Submitted and Withdrawn, which have none.</summary>
    public static EmailKind ForStatus(ApplicationStatus status) =>
        StatusKinds.TryGetValue(status, out var kind) ? kind : throw new ArgumentOutOfRangeException(nameof(status), status, "No email for this status.");

    /// <summary>The email of an official milestone.</summary>
    public static EmailKind ForMilestone(MilestoneKind milestone) =>
        MilestoneKinds.TryGetValue(milestone, out var kind) ? kind : throw new ArgumentOutOfRangeException(nameof(milestone), milestone, "No such milestone.");
}
