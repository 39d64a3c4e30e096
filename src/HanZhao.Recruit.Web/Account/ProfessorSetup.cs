using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// The first-start page when no Recruit:AdminEmail was configured (see <see cref="ProfessorBootstrap"/>):
/// its link (<see cref="ProfessorSetupLinks"/>) creates the professor's account, and works only
/// while there is no professor, so it works once.
/// </summary>
public sealed class ProfessorSetup(
    UserManager<RecruitUser> users, IDataProtectionProvider protection, TimeProvider time, StaffAudit audit, IStringLocalizer<SharedResource> localizer)
{
    public async Task<bool> LinkWorksAsync(string? token) =>
        ProfessorSetupLinks.IsValid(protection, token) && (await users.GetUsersInRoleAsync(Roles.Professor)).Count == 0;

    /// <summary>
    /// Creates the professor's account with this address and password. Not found: the link does not
    /// work (any more). Done, the value is the address normalized (EmailAddresses); refused, as typed, trimmed.
    /// </summary>
    public async Task<Outcome<string?>> CreateAsync(string? token, string? email, string? password, string? confirmPassword)
    {
        if (!await LinkWorksAsync(token))
        {
            return Outcome.NotFound();
        }

        var address = EmailAddresses.Check(email);
        email = address.Address ?? email?.Trim();
        if (!address.IsValid)
        {
            return Outcome.Invalid<string?>(FormErrors.Of("email", localizer[address.IsMissing ? AccountMessages.InviteInvalidEmail : address.Problem!]), email);
        }

        if (password != confirmPassword)
        {
            return Outcome.Invalid<string?>(FormErrors.Of("confirmPassword", localizer[AccountMessages.PasswordsDiffer]), email);
        }

        var user = new RecruitUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Prof. Han Zhao", CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password ?? "");
        if (created.Succeeded && (await users.AddToRoleAsync(user, Roles.Professor)).Succeeded)
        {
            await audit.RecordAsync(StaffAudit.Actor(user), "ProfessorCreated", email, "set-up link");
            return Outcome.Done<string?>(email);
        }

        return Outcome.Invalid<string?>(StaffUsers.Describe(created, localizer), email);
    }
}
