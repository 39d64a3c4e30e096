using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Account;

public static class StaffAccountsSetup
{
    /// <summary>The rate-limiter policy on staff sign-in posts (password and authenticator code).</summary>
    public const string ClientRateLimitPolicy = "staff-signin-per-client";

    /// <summary>After <c>AddRecruitSecurity</c> (Identity must be registered first).</summary>
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services)
    {
        services.AddOptions<StaffSignInOptions>().BindConfiguration(StaffSignInOptions.Section);

        // Registered after AddIdentity's TryAdd, so this one is resolved (see StaffSignInManager).
        services.AddScoped<SignInManager<RecruitUser>, StaffSignInManager>();
        services.AddScoped<IPasswordValidator<RecruitUser>, PasswordRules>();
        services.AddScoped<StaffAudit>().AddScoped<StaffSignIn>().AddScoped<TwoFactorSetup>().AddScoped<StaffPasswords>().AddScoped<StaffPasswordReset>().AddScoped<ProfessorSetup>();

        // Invitation and first-start links: long enough to survive a weekend.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = StaffPasswordLinks.Lifetime);

        // Every interval the cookie is checked against the database: a changed security stamp
        // (sign out everywhere, password set, disabled) or IsDisabled ends the session.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<StaffSignInOptions>>((options, staff) => options.ValidationInterval = staff.Value.SessionCheckInterval);

        // Lockout (5 failures, 15 minutes) protects one account; this slows one client trying many.
        services.AddPerClientRateLimit<StaffSignInOptions>(
            ClientRateLimitPolicy, options => (options.ClientPermitLimit, options.ClientWindow));
        return services;
    }
}
