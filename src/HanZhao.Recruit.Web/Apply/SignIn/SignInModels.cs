using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Apply.SignIn;

/// <summary>The request form: what the visitor typed, and what was wrong with it.</summary>
public sealed class SignInRequestForm
{
    public string? Email { get; set; }

    /// <summary>The honeypot: hidden from people and screen readers, so only bots fill it in.</summary>
    public string? Website { get; set; }

    public string? ReturnPath { get; set; }

    /// <summary>
    /// "email": shown beside the email field. "": about the form as a whole (the per-address limit),
    /// shown above it.
    /// </summary>
    public FormErrors Errors { get; set; } = new();
}

/// <summary>
/// "Check your email": the address the link went to, as normalised (null when the page is opened again
/// or without a request), and how long the link works.
/// </summary>
public sealed record SignInSentPage(string? Address, TimeSpan LinkLifetime)
{
    public int LinkMinutes => (int)Math.Ceiling(LinkLifetime.TotalMinutes);
}

/// <summary>The page that turns the emailed link into a POST (see <c>ApplicantSignInController.Confirm</c>).</summary>
public sealed record SignInConfirmPage(string Token);

/// <summary>Why a sign-in link cannot be used: it picks the text and the button of the "link cannot be used" page.</summary>
public enum SignInLinkProblem
{
    /// <summary>No link has this token (mistyped, cut off, or forged).</summary>
    Unknown,

    Expired,

    AlreadyUsed,

    /// <summary>The address belongs to the professor or a reviewer, who sign in with a password.</summary>
    StaffAccount,
}

/// <summary>A used sign-in link: where it leads once signed in (done), or why it cannot be used (refused).</summary>
public sealed record SignInLinkUse(string? ReturnPath, SignInLinkProblem Problem = SignInLinkProblem.Unknown)
{
    /// <summary>An English key for the localizer explaining a failure.</summary>
    public string Message => Problem switch
    {
        SignInLinkProblem.Expired => "This sign-in link has expired. Links work for 15 minutes.",
        SignInLinkProblem.AlreadyUsed => "This sign-in link has already been used. Each link works once.",
        SignInLinkProblem.StaffAccount => "This address belongs to a staff account. Staff sign in with their password.",
        _ => "This sign-in link is not valid. It may be incomplete; copy the whole link from the email.",
    };
}
