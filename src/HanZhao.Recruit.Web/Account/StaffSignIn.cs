using System.Security.Claims;
using System.Text.Encodings.Web;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using IdentitySignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// Staff sign-in: the password with lockout, then the authenticator step when the account has one,
/// and signing out here or everywhere. Every attempt, good or bad, is audited. A done sign-in says
/// where to go next (a local path); a refused one says why in the form's general message.
/// </summary>
public sealed class StaffSignIn(
    SignInManager<RecruitUser> signIn, UserManager<RecruitUser> users, StaffAudit audit, IStringLocalizer<SharedResource> localizer,
    ServerSessions sessions)
{
    public const string DefaultLanding = "/review";

    // What a refused sign-in hashes when there is no password to check (see HashAsIfChecked).
    private static readonly RecruitUser DummyUser = new();
    private static string? _dummyHash;

    /// <summary>
    /// Applicants, unknown addresses, disabled and locked accounts all get the same answer.
    /// <paramref name="returnUrl"/> is already known to be local (or null).
    /// </summary>
    public async Task<Outcome<string>> PasswordAsync(string? email, string? password, string? returnUrl)
    {
        // Normalized as every address is stored (EmailAddresses): "Prof@Example.org." finds prof@example.org.
        email = EmailAddresses.Check(email).Address ?? email?.Trim();
        var user = string.IsNullOrEmpty(email) || email.Length > 256 ? null : await users.FindByEmailAsync(email);
        var result = IdentitySignInResult.Failed;
        var tried = user is not null && await users.IsStaffAsync(user) && !string.IsNullOrEmpty(password) && password.Length <= PasswordRules.MaxLength;
        // Identity hashes the password only for an account that may sign in, is not locked and has one.
        var hashed = tried && user!.PasswordHash is not null && await signIn.CanSignInAsync(user) && !await users.IsLockedOutAsync(user);
        if (tried)
        {
            result = await signIn.PasswordSignInAsync(user!, password!, isPersistent: false, lockoutOnFailure: true);
        }

        if (!hashed)
        {
            HashAsIfChecked(password);
        }

        if (result.RequiresTwoFactor)
        {
            return Outcome.Done("/account/signin/2fa" + (returnUrl is null ? "" : "?returnUrl=" + UrlEncoder.Default.Encode(returnUrl)));
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(StaffAudit.Actor(user!), "SignIn", user!.Email, "password");
            return Outcome.Done(await LandingAsync(user, returnUrl));
        }

        await audit.RecordAsync(null, "SignInFailed", Truncate(email), result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : null);
        return Outcome.Invalid(FormErrors.General(localizer[AccountMessages.SignInFailed]));
    }

    /// <summary>Whether a password was accepted in this browser and the authenticator step is waiting.</summary>
    public async Task<bool> IsTwoFactorWaitingAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    /// <summary>
    /// The authenticator step: either <paramref name="code"/> from the app or a <paramref name="recoveryCode"/>
    /// (each works once). Not found when no password step is waiting (never done, or expired).
    /// </summary>
    public async Task<Outcome<string>> TwoFactorAsync(string? code, string? recoveryCode, string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Outcome.NotFound();
        }

        var useRecovery = !string.IsNullOrWhiteSpace(recoveryCode);
        var entered = StaffUsers.CompactCode(useRecovery ? recoveryCode : code);
        var result = entered.Length is 0 or > 64
            ? IdentitySignInResult.Failed
            : useRecovery
                ? await signIn.TwoFactorRecoveryCodeSignInAsync(entered)
                : await signIn.TwoFactorAuthenticatorSignInAsync(entered, isPersistent: false, rememberClient: false);

        if (result.Succeeded)
        {
            await audit.RecordAsync(StaffAudit.Actor(user), "SignIn", user.Email, useRecovery ? "password and recovery code" : "password and authenticator");
            return Outcome.Done(await LandingAsync(user, returnUrl));
        }

        await audit.RecordAsync(StaffAudit.Actor(user), "SignInFailed", user.Email, useRecovery ? "recovery code" : "authenticator code");
        return Outcome.Invalid(FormErrors.General(localizer[result.IsLockedOut ? AccountMessages.SignInFailed : AccountMessages.CodeFailed]));
    }

    public async Task SignOutAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(user, "SignOut", user.Identity.Name, null);
        }

        await signIn.SignOutAsync();
    }

    /// <summary>
    /// Every session of the user ends at once (their rows are deleted); the new security stamp also
    /// refuses any ticket issued before, should one be stored again.
    /// </summary>
    public async Task SignOutEverywhereAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id, CancellationToken.None);
            await audit.RecordAsync(principal, "SignOutEverywhere", user.Email, null);
        }

        await signIn.SignOutAsync();
    }

    // The professor is asked to add an authenticator after each sign-in until one is set up.
    private async Task<string> LandingAsync(RecruitUser user, string? returnUrl) =>
        !user.TwoFactorEnabled && await users.IsInRoleAsync(user, Roles.Professor)
            ? "/account/2fa?suggest=true"
            : returnUrl ?? DefaultLanding;

    /// <summary>
    /// The same work as checking a password (one hash with the configured hasher), so a refusal takes
    /// as long for an unknown, applicant, disabled, locked or password-less address as for a staff one
    /// and its timing does not tell which addresses are staff.
    /// </summary>
    private void HashAsIfChecked(string? password)
    {
        var hasher = users.PasswordHasher;
        var hash = _dummyHash ??= hasher.HashPassword(DummyUser, Guid.NewGuid().ToString());
        var text = password ?? string.Empty;
        hasher.VerifyHashedPassword(DummyUser, hash, text.Length > PasswordRules.MaxLength ? text[..PasswordRules.MaxLength] : text);
    }

    private static string? Truncate(string? value) => value is { Length: > 200 } ? value[..200] : value;
}
