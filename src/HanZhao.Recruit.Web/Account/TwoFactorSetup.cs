using System.Security.Claims;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// The signed-in staff member's authenticator app: the set-up page with the shared key, turning it
/// on with a first code, new recovery codes, turning it off. Each change is audited.
/// </summary>
public sealed class TwoFactorSetup(
    SignInManager<RecruitUser> signIn, UserManager<RecruitUser> users, IUserStore<RecruitUser> store, StaffAudit audit,
    IStringLocalizer<SharedResource> localizer)
{
    private const int RecoveryCodeCount = 10;
    private const string Issuer = "Han Zhao Lab";

    private IUserAuthenticatorKeyStore<RecruitUser> KeyStore => (IUserAuthenticatorKeyStore<RecruitUser>)store;

    /// <summary>The page for the signed-in account; null when the account no longer exists.</summary>
    public async Task<TwoFactorPage?> GetPageAsync(ClaimsPrincipal principal, bool suggest, FormErrors? errors, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return null;
        }

        var isProfessor = await users.IsInRoleAsync(user, Roles.Professor);
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorPage
            {
                Enabled = true, IsProfessor = isProfessor, RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user), Errors = errors ?? new(),
            };
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: that changes the security stamp, and merely opening this
            // page must not end the user's other sessions. The key is not in use until a code is verified.
            key = users.GenerateNewAuthenticatorKey();
            await KeyStore.SetAuthenticatorKeyAsync(user, key, cancellationToken);
            await users.UpdateAsync(user);
        }

        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        return new TwoFactorPage
        {
            Enabled = false, Suggest = suggest, IsProfessor = isProfessor, SharedKey = key, AuthenticatorUri = uri, Errors = errors ?? new(),
        };
    }

    /// <summary>Turns the app on with a code from it; done with the first recovery codes. Not found: the account no longer exists.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> EnableAsync(ClaimsPrincipal principal, string? code)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Outcome.NotFound();
        }

        var entered = StaffUsers.CompactCode(code);
        var valid = entered.Length is > 0 and <= 10 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, entered);
        if (!valid)
        {
            return Outcome.Invalid("code", localizer[AccountMessages.EnrolCodeFailed]);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await audit.RecordAsync(principal, "TwoFactorEnabled", user.Email, null);
        // Enabling changed the security stamp; keep this session.
        await signIn.RefreshSignInAsync(user);
        return Outcome.Done<IReadOnlyList<string>>([.. codes]);
    }

    /// <summary>New recovery codes in place of the old ones. Not found: the app is not on (or the account no longer exists).</summary>
    public async Task<Outcome<IReadOnlyList<string>>> RenewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { TwoFactorEnabled: true } user)
        {
            return Outcome.NotFound();
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await audit.RecordAsync(principal, "RecoveryCodesRenewed", user.Email, null);
        return Outcome.Done<IReadOnlyList<string>>([.. codes]);
    }

    public async Task DisableAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            // A new key: the old one, and codes from it, never work again.
            await users.ResetAuthenticatorKeyAsync(user);
            await audit.RecordAsync(principal, "TwoFactorDisabled", user.Email, null);
            await signIn.RefreshSignInAsync(user);
        }
    }
}
