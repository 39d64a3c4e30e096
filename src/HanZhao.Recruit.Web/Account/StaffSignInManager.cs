using System.Security.Claims;
using HanZhao.Recruit.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// Identity's sign-in manager with one more rule: a disabled account cannot sign in (password,
/// authenticator or recovery code all return NotAllowed), and its cookie fails the periodic
/// security-stamp check even if the stamp were somehow unchanged.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<RecruitUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<RecruitUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<RecruitUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<RecruitUser> confirmation)
    : SignInManager<RecruitUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(RecruitUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<RecruitUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: true } ? null : user;
    }
}
