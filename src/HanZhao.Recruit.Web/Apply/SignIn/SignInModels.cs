namespace HanZhao.Recruit.Web.Apply.SignIn;

/// <summary>The request form: what the visitor typed, and what was wrong with it.</summary>
public sealed class SignInRequestForm
{
    public string? Email { get; set; }

    /// <summary>The honeypot: hidden from people and screen readers, so only bots fill it in.</summary>
    public string? Website { get; set; }

    public string? ReturnPath { get; set; }

    /// <summary>An English key for the localizer, shown beside the email field.</summary>
    public string? EmailError { get; set; }

    /// <summary>An English key for the localizer, shown above the form (the per-address limit).</summary>
    public string? FormError { get; set; }
}

/// <summary>The page that turns the emailed link into a POST (see <c>ApplicantSignInController.Confirm</c>).</summary>
public sealed record SignInConfirmPage(string Token);

public enum SignInRequestOutcome
{
    /// <summary>A link was stored and its email queued.</summary>
    Sent,

    /// <summary>A bot filled the honeypot: it sees the same page as a person, but nothing is stored.</summary>
    Ignored,

    /// <summary>The form is shown again with <see cref="SignInRequestForm.EmailError"/>.</summary>
    Invalid,

    /// <summary>The address has had its links for now.</summary>
    TooMany,
}

public enum SignInConfirmOutcome
{
    SignedIn,

    /// <summary>No link has this token (mistyped, cut off, or forged).</summary>
    Unknown,

    Expired,

    AlreadyUsed,

    /// <summary>The address belongs to the professor or a reviewer, who sign in with a password.</summary>
    StaffAccount,
}

public sealed record SignInConfirmResult(SignInConfirmOutcome Outcome, string? ReturnPath = null)
{
    /// <summary>An English key for the localizer explaining a failure.</summary>
    public string Message => Outcome switch
    {
        SignInConfirmOutcome.Expired => "This sign-in link has expired. Links work for 15 minutes.",
        SignInConfirmOutcome.AlreadyUsed => "This sign-in link has already been used. Each link works once.",
        SignInConfirmOutcome.StaffAccount => "This address belongs to a staff account. Staff sign in with their password.",
        _ => "This sign-in link is not valid. It may be incomplete; copy the whole link from the email.",
    };
}
