using System.Threading.RateLimiting;
using HanZhao.Recruit.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Accounts;

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

        // Invitation and first-start links: long enough to survive a weekend.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = StaffPasswordLinks.Lifetime);

        // Every interval the cookie is checked against the database: a changed security stamp
        // (sign out everywhere, password set, disabled) or IsDisabled ends the session.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<StaffSignInOptions>>((options, staff) => options.ValidationInterval = staff.Value.SessionCheckInterval);

        // Lockout (5 failures, 15 minutes) protects one account; this slows one client trying many.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ClientRateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<StaffSignInOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.ClientPermitLimit,
                    Window = limits.ClientWindow,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
