using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace HanZhao.Recruit.Web.Platform.Security;

public static class SecuritySetup
{
    /// <summary>How long a session lasts without use (sliding): a working day.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// Cookies are Secure on every https request. Outside Development plain http is redirected to
    /// https when the app knows its https port; behind a TLS proxy named in Recruit:Proxy
    /// (<see cref="TrustedProxies"/>) the proxied request counts as https. Only a bare http deployment (a local compose trial)
    /// gets non-Secure cookies, since a Secure cookie could not work there at all.
    /// </summary>
    public static IServiceCollection AddRecruitSecurity(this IServiceCollection services)
    {
        const CookieSecurePolicy secure = CookieSecurePolicy.SameAsRequest;

        // Keys live in the database (see docs/decisions): restarts and several instances keep
        // cookies, antiforgery tokens and emailed links valid.
        services.AddDataProtection()
            .SetApplicationName("HanZhao.Recruit")
            .PersistKeysToDbContext<RecruitDbContext>();

        services.AddIdentity<RecruitUser, IdentityRole>(options =>
            {
                // Length, not composition (NIST SP 800-63B, ASVS 2.1).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<RecruitDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "hz.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = secure;
            // Lax, not Strict: a link opened from an email must arrive signed in.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/signin";
            options.AccessDeniedPath = "/error/403";
            // Applicants sign in by email link, staff by password: send each to their own door.
            options.Events.OnRedirectToLogin = context =>
            {
                var path = context.Request.Path;
                if (path.StartsWithSegments("/apply") || path.StartsWithSegments("/applicant"))
                {
                    context.RedirectUri = "/apply/signin?returnPath=" + Uri.EscapeDataString(path + context.Request.QueryString);
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = SessionLifetime;
            ServerSessions.Attach(options.Events);
        });

        // Every session has a row in the database that signing out deletes (see ServerSessions).
        services.AddSingleton<ServerSessions>();
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = ServerSessions.KeepSessionKey);
        services.AddScoped<DatabaseLimits>().AddScoped<SecurityCleanup>();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "hz.af";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__af";
        });

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });

        return services.AddStaffPolicies();
    }
}
