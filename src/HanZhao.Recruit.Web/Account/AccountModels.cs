using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Account;

/// <summary>Messages are English keys of the shared resource, translated where they are put on a page.</summary>
public static class AccountMessages
{
    public const string SignInFailed = "The email address or password is wrong, or the account is locked or disabled. After 5 failed attempts, sign-in is blocked for 15 minutes.";
    public const string CodeFailed = "That code did not work. Enter the current 6-digit code from your authenticator app, or one of your recovery codes.";
    public const string LinkFailed = "This link has expired or has already been used. Ask the professor for a new invitation.";
    public const string PasswordsDiffer = "The two passwords do not match.";
    public const string PasswordTooShort = "Use at least 12 characters.";
    public const string PasswordTooLong = "Use at most 256 characters.";
    public const string PasswordTooCommon = "This password is too common. Choose another.";
    public const string EnrolCodeFailed = "That code did not match. Check the time on your phone and enter the current code.";
    public const string InviteInvalidEmail = "Enter a valid email address.";
    public const string InviteExists = "An account with this email address already exists.";
    public const string InviteNameTooLong = "The name can have at most 100 characters.";
}

public sealed class StaffSignInPage
{
    public string? Email { get; init; }

    public string? ReturnUrl { get; init; }

    /// <summary>Why the sign-in was refused: one message about the form as a whole.</summary>
    public FormErrors Errors { get; init; } = new();

    public bool PasswordSet { get; init; }

    public bool SignedOut { get; init; }
}

/// <summary>The authenticator step of the sign-in; <see cref="Errors"/> holds why a code was refused (about the form as a whole).</summary>
public sealed record TwoFactorSignInPage(string? ReturnUrl, FormErrors Errors);

public sealed class SetPasswordPage
{
    public required string UserId { get; init; }

    public required string Token { get; init; }

    public required string Email { get; init; }

    public FormErrors Errors { get; init; } = new();

    public static SetPasswordPage For(RecruitUser user, string token, FormErrors? errors = null) =>
        new() { UserId = user.Id, Token = token, Email = user.Email ?? "", Errors = errors ?? new() };
}

public sealed class TwoFactorPage
{
    public bool Enabled { get; init; }

    public bool Suggest { get; init; }

    public bool IsProfessor { get; init; }

    /// <summary>The Base32 shared key, only while not yet enabled.</summary>
    public string? SharedKey { get; init; }

    public string? AuthenticatorUri { get; init; }

    public int RecoveryCodesLeft { get; init; }

    /// <summary>Why the first code was refused ("code").</summary>
    public FormErrors Errors { get; init; } = new();
}

public sealed class ProfessorSetupPage
{
    public required string Token { get; init; }

    public string? Email { get; init; }

    public FormErrors Errors { get; init; } = new();
}
