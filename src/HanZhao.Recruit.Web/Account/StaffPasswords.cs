using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// Setting a staff password from an emailed or logged link (<see cref="StaffPasswordLinks"/>). A link
/// works only for an enabled staff account, and once: setting the password changes the security
/// stamp its token is bound to.
/// </summary>
public sealed class StaffPasswords(UserManager<RecruitUser> users, StaffAudit audit, ServerSessions sessions, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The account a link is for while the link still works (checked, not used up); otherwise null.</summary>
    public async Task<RecruitUser?> LinkUserAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || userId.Length > 450 || string.IsNullOrEmpty(token) || token.Length > 4000)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        return user is { IsDisabled: false } && await users.IsStaffAsync(user) && await StaffPasswordLinks.IsValidAsync(users, user, token)
            ? user
            : null;
    }

    /// <summary>
    /// Sets the password and clears failed attempts. Not found: the link does not work (any more).
    /// Refused: the messages, with the account the page is for.
    /// </summary>
    public async Task<Outcome<RecruitUser>> SetAsync(string? userId, string? token, string? password, string? confirmPassword)
    {
        if (await LinkUserAsync(userId, token) is not { } user)
        {
            return Outcome.NotFound();
        }

        if (password != confirmPassword)
        {
            return Outcome.Invalid(FormErrors.Of("confirmPassword", localizer[AccountMessages.PasswordsDiffer]), user);
        }

        var result = await users.ResetPasswordAsync(user, token!, password ?? "");
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            // A new password from a link ends every session: whoever knew the old one is out at once.
            await sessions.EndAllAsync(user.Id, CancellationToken.None);
            await audit.RecordAsync(StaffAudit.Actor(user), "PasswordSet", user.Email, null);
            return Outcome.Done(user);
        }

        // Used or expired between the check above and now (another tab set it first).
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? Outcome.NotFound()
            : Outcome.Invalid(StaffUsers.Describe(result, localizer), user);
    }
}
