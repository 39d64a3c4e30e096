
using HanZhao.Recruit.Web.Platform.Security;

namespace HanZhao.Recruit.Web.Apply.SignIn;

public static class ApplicantSignInSetup
{
    /// <summary>The rate-limiter policy on link requests.</summary>
    public const string ClientRateLimitPolicy = "applicant-signin-per-client";

    public static IServiceCollection AddApplicantSignIn(this IServiceCollection services)
    {
        services.AddOptions<ApplicantSignInOptions>().BindConfiguration(ApplicantSignInOptions.Section);
        services.AddScoped<ApplicantSignInService>();
        // The per-address limit (in the service) protects a mailbox; this one protects the site from
        // one client spraying many addresses.
        return services.AddPerClientRateLimit<ApplicantSignInOptions>(
            ClientRateLimitPolicy, options => (options.ClientPermitLimit, options.ClientWindow));
    }
}
