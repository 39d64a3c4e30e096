using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Account;

/// <summary>What the staff pages ask of any account and of what people type.</summary>
public static class StaffUsers
{
    /// <summary>The professor or a reviewer: only they sign in with a password or use a set-password link.</summary>
    public static async Task<bool> IsStaffAsync(this UserManager<RecruitUser> users, RecruitUser user) =>
        await users.IsInRoleAsync(user, Roles.Professor) || await users.IsInRoleAsync(user, Roles.Reviewer);

    /// <summary>An authenticator or recovery code without the spaces and tabs people type or paste between its groups.</summary>
    public static string CompactCode(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal).Trim();

    /// <summary>
    /// What the set-password and set-up pages say when Identity refuses a password or a new account:
    /// our wording for the rules we set, Identity's for the rest, each message once in Identity's order.
    /// </summary>
    public static FormErrors Describe(IdentityResult result, IStringLocalizer localizer)
    {
        var errors = new FormErrors();
        foreach (var error in result.Errors)
        {
            var (field, key) = error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => ("email", AccountMessages.InviteExists),
                nameof(IdentityErrorDescriber.PasswordTooShort) => ("password", AccountMessages.PasswordTooShort),
                PasswordRules.TooLongCode => ("password", AccountMessages.PasswordTooLong),
                PasswordRules.TooCommonCode => ("password", AccountMessages.PasswordTooCommon),
                _ => ("password", error.Description),
            };
            var message = localizer[key].Value;
            if (!errors.Messages.Contains(message))
            {
                errors.Add(field, message);
            }
        }

        return errors;
    }
}
