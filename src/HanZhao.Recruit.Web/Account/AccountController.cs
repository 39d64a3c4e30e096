using System.Security.Claims;
using System.Text.Encodings.Web;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using IdentitySignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// Staff accounts: password sign-in with lockout, the authenticator step, sign out (here or
/// everywhere), setting a password from an emailed or logged link, and the authenticator set-up.
/// Nothing here is stored by browsers or proxies.
/// </summary>
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountController(
    SignInManager<RecruitUser> signIn, UserManager<RecruitUser> users, IUserStore<RecruitUser> store, RecruitDbContext db, TimeProvider time)
    : Controller
{
    private const string DefaultLanding = "/review";
    private const int RecoveryCodeCount = 10;

    private IUserAuthenticatorKeyStore<RecruitUser> KeyStore => (IUserAuthenticatorKeyStore<RecruitUser>)store;

    [HttpGet("signin")]
    public IActionResult SignIn(string? returnUrl, bool passwordSet = false, bool signedOut = false) =>
        View(new StaffSignInPage { ReturnUrl = LocalOrNull(returnUrl), PasswordSet = passwordSet, SignedOut = signedOut });

    // Applicants, unknown addresses, disabled and locked accounts all get the same answer.
    [HttpPost("signin")]
    [EnableRateLimiting(StaffAccountsSetup.ClientRateLimitPolicy)]
    public async Task<IActionResult> SignIn([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        email = email?.Trim();
        var page = new StaffSignInPage { Email = email, ReturnUrl = LocalOrNull(returnUrl) };
        var user = string.IsNullOrEmpty(email) || email.Length > 256 ? null : await users.FindByEmailAsync(email);
        var result = IdentitySignInResult.Failed;
        if (user is not null && await IsStaffAsync(user) && !string.IsNullOrEmpty(password) && password.Length <= PasswordRules.MaxLength)
        {
            result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect("/account/signin/2fa" + (page.ReturnUrl is null ? "" : "?returnUrl=" + UrlEncoder.Default.Encode(page.ReturnUrl)));
        }

        if (result.Succeeded)
        {
            await AuditAsync(Actor(user!), "SignIn", user!.Email, "password");
            return await LandingAsync(user, page.ReturnUrl);
        }

        await AuditAsync(null, "SignInFailed", Truncate(email), result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : null);
        page.Error = AccountMessages.SignInFailed;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(page);
    }

    [HttpGet("signin/2fa")]
    public async Task<IActionResult> TwoFactorSignIn(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Redirect("/account/signin")
            : View(new TwoFactorSignInPage(LocalOrNull(returnUrl), null));

    /// <summary>Either <paramref name="code"/> from the app or a <paramref name="recoveryCode"/> (each works once).</summary>
    [HttpPost("signin/2fa")]
    [EnableRateLimiting(StaffAccountsSetup.ClientRateLimitPolicy)]
    public async Task<IActionResult> TwoFactorSignIn([FromForm] string? code, [FromForm] string? recoveryCode, [FromForm] string? returnUrl)
    {
        returnUrl = LocalOrNull(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect("/account/signin");
        }

        var useRecovery = !string.IsNullOrWhiteSpace(recoveryCode);
        var entered = Compact(useRecovery ? recoveryCode : code);
        var result = entered.Length is 0 or > 64
            ? IdentitySignInResult.Failed
            : useRecovery
                ? await signIn.TwoFactorRecoveryCodeSignInAsync(entered)
                : await signIn.TwoFactorAuthenticatorSignInAsync(entered, isPersistent: false, rememberClient: false);

        if (result.Succeeded)
        {
            await AuditAsync(Actor(user), "SignIn", user.Email, useRecovery ? "password and recovery code" : "password and authenticator");
            return await LandingAsync(user, returnUrl);
        }

        await AuditAsync(Actor(user), "SignInFailed", user.Email, useRecovery ? "recovery code" : "authenticator code");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new TwoFactorSignInPage(returnUrl, result.IsLockedOut ? AccountMessages.SignInFailed : AccountMessages.CodeFailed));
    }

    [HttpPost("signout")]
    public async Task<IActionResult> SignOutHere()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await AuditAsync(User, "SignOut", User.Identity.Name, null);
        }

        await signIn.SignOutAsync();
        return Redirect("/");
    }

    /// <summary>A new security stamp: every other cookie fails its next check (within the session check interval).</summary>
    [HttpPost("signout-everywhere")]
    public async Task<IActionResult> SignOutEverywhere()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await AuditAsync(User, "SignOutEverywhere", user.Email, null);
        }

        await signIn.SignOutAsync();
        return Redirect("/account/signin?signedOut=true");
    }

    // The link only shows the form; the token is used by the POST (mail scanners open links).
    [HttpGet("set-password")]
    public async Task<IActionResult> SetPassword(string? userId, string? token)
    {
        var user = await LinkUserAsync(userId, token);
        return user is null ? LinkFailed() : View(new SetPasswordPage { UserId = user.Id, Token = token!, Email = user.Email ?? "" });
    }

    [HttpPost("set-password")]
    public async Task<IActionResult> SetPassword(
        [FromForm] string? userId, [FromForm] string? token, [FromForm] string? password, [FromForm] string? confirmPassword)
    {
        if (await LinkUserAsync(userId, token) is not { } user)
        {
            return LinkFailed();
        }

        IReadOnlyList<string> errors;
        if (password != confirmPassword)
        {
            errors = [AccountMessages.PasswordsDiffer];
        }
        else
        {
            var result = await users.ResetPasswordAsync(user, token!, password ?? "");
            if (result.Succeeded)
            {
                await users.ResetAccessFailedCountAsync(user);
                await AuditAsync(Actor(user), "PasswordSet", user.Email, null);
                return Redirect("/account/signin?passwordSet=true");
            }

            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return LinkFailed();
            }

            errors = [.. result.Errors.Select(Describe).Distinct()];
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new SetPasswordPage { UserId = user.Id, Token = token!, Email = user.Email ?? "", Errors = errors });
    }

    /// <summary>The first-start page when no Recruit:AdminEmail was configured (see <see cref="ProfessorBootstrap"/>).</summary>
    [HttpGet("setup")]
    public async Task<IActionResult> Setup(string? token) =>
        await SetupLinkWorksAsync(token) ? View(new ProfessorSetupPage { Token = token! }) : LinkFailed();

    [HttpPost("setup")]
    public async Task<IActionResult> Setup([FromForm] string? token, [FromForm] string? email, [FromForm] string? password, [FromForm] string? confirmPassword)
    {
        if (!await SetupLinkWorksAsync(token))
        {
            return LinkFailed();
        }

        email = email?.Trim();
        IReadOnlyList<string> errors = [];
        if (string.IsNullOrEmpty(email) || email.Length > 254 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            errors = [AccountMessages.InviteInvalidEmail];
        }
        else if (password != confirmPassword)
        {
            errors = [AccountMessages.PasswordsDiffer];
        }
        else
        {
            var user = new RecruitUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Prof. Han Zhao", CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, password ?? "");
            if (created.Succeeded && (await users.AddToRoleAsync(user, Roles.Professor)).Succeeded)
            {
                await AuditAsync(Actor(user), "ProfessorCreated", email, "set-up link");
                return Redirect("/account/signin?passwordSet=true");
            }

            errors = [.. created.Errors.Select(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                ? AccountMessages.InviteExists : Describe(e)).Distinct()];
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new ProfessorSetupPage { Token = token!, Email = email, Errors = errors });
    }

    [HttpGet("2fa")]
    [Authorize(Policy = StaffPolicies.Staff)]
    public async Task<IActionResult> TwoFactor(bool suggest = false) =>
        await users.GetUserAsync(User) is { } user ? View(await TwoFactorPageAsync(user, suggest, null)) : Challenge();

    [HttpPost("2fa/enable")]
    [Authorize(Policy = StaffPolicies.Staff)]
    public async Task<IActionResult> EnableTwoFactor([FromForm] string? code)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var entered = Compact(code);
        var valid = entered.Length is > 0 and <= 10 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, entered);
        if (!valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(TwoFactor), await TwoFactorPageAsync(user, suggest: false, AccountMessages.EnrolCodeFailed));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await AuditAsync(User, "TwoFactorEnabled", user.Email, null);
        // Enabling changed the security stamp; keep this session.
        await signIn.RefreshSignInAsync(user);
        return View("RecoveryCodes", codes.ToList());
    }

    [HttpPost("2fa/recovery-codes")]
    [Authorize(Policy = StaffPolicies.Staff)]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        if (await users.GetUserAsync(User) is not { TwoFactorEnabled: true } user)
        {
            return Redirect("/account/2fa");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await AuditAsync(User, "RecoveryCodesRenewed", user.Email, null);
        return View("RecoveryCodes", codes.ToList());
    }

    [HttpPost("2fa/disable")]
    [Authorize(Policy = StaffPolicies.Staff)]
    public async Task<IActionResult> DisableTwoFactor()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            // A new key: the old one, and codes from it, never work again.
            await users.ResetAuthenticatorKeyAsync(user);
            await AuditAsync(User, "TwoFactorDisabled", user.Email, null);
            await signIn.RefreshSignInAsync(user);
        }

        return Redirect("/account/2fa");
    }

    private async Task<TwoFactorPage> TwoFactorPageAsync(RecruitUser user, bool suggest, string? error)
    {
        var isProfessor = await users.IsInRoleAsync(user, Roles.Professor);
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorPage { Enabled = true, IsProfessor = isProfessor, RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user), Error = error };
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: that changes the security stamp, and merely opening this
            // page must not end the user's other sessions. The key is not in use until a code is verified.
            key = users.GenerateNewAuthenticatorKey();
            await KeyStore.SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }

        const string issuer = "Han Zhao Lab";
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
        return new TwoFactorPage { Enabled = false, Suggest = suggest, IsProfessor = isProfessor, SharedKey = key, AuthenticatorUri = uri, Error = error };
    }

    // The professor is asked to add an authenticator after each sign-in until one is set up.
    private async Task<IActionResult> LandingAsync(RecruitUser user, string? returnUrl) =>
        !user.TwoFactorEnabled && await users.IsInRoleAsync(user, Roles.Professor)
            ? Redirect("/account/2fa?suggest=true")
            : LocalRedirect(returnUrl ?? DefaultLanding);

    private async Task<RecruitUser?> LinkUserAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || userId.Length > 450 || string.IsNullOrEmpty(token) || token.Length > 4000)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        return user is { IsDisabled: false } && await IsStaffAsync(user) && await StaffPasswordLinks.IsValidAsync(users, user, token)
            ? user
            : null;
    }

    private async Task<bool> SetupLinkWorksAsync(string? token) =>
        ProfessorSetupLinks.IsValid(HttpContext.RequestServices, token) && (await users.GetUsersInRoleAsync(Roles.Professor)).Count == 0;

    private ViewResult LinkFailed()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("LinkFailed");
    }

    private async Task<bool> IsStaffAsync(RecruitUser user) =>
        await users.IsInRoleAsync(user, Roles.Professor) || await users.IsInRoleAsync(user, Roles.Reviewer);

    private async Task AuditAsync(ClaimsPrincipal? actor, string action, string? target, string? details)
    {
        db.Record(actor, action, target, details, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private static ClaimsPrincipal Actor(RecruitUser user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id),
        new Claim(ClaimTypes.Email, user.Email ?? ""),
    ]));

    private static string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => AccountMessages.PasswordTooShort,
        PasswordRules.TooLongCode => AccountMessages.PasswordTooLong,
        PasswordRules.TooCommonCode => AccountMessages.PasswordTooCommon,
        _ => error.Description,
    };

    private static string Compact(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal).Trim();

    private static string? Truncate(string? value) => value is { Length: > 200 } ? value[..200] : value;

    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
