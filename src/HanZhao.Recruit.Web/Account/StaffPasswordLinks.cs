using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Hosting;
using Microsoft.AspNetCore.Identity;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// The "set your password" link for a staff account: an Identity password-reset token, valid for
/// <see cref="Lifetime"/> (DataProtectionTokenProviderOptions, set in <see cref="StaffAccountsSetup"/>)
/// and once only, since setting the password changes the security stamp the token is bound to.
/// Used for the professor's first start and for invitations to co-reviewers.
/// </summary>
public static class StaffPasswordLinks
{
    public const string Path = "/account/set-password";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    /// <summary>The link's path and query; <see cref="SiteAddress.Absolute"/> makes it a link.</summary>
    public static async Task<string> CreateAsync(UserManager<RecruitUser> users, RecruitUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{Path}?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }

    /// <summary>Checks the token without using it (GET shows the form only for a link that still works).</summary>
    public static Task<bool> IsValidAsync(UserManager<RecruitUser> users, RecruitUser user, string token) =>
        users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<RecruitUser>.ResetPasswordTokenPurpose, token);
}
