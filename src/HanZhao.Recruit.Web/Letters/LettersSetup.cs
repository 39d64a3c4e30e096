using HanZhao.Recruit.Web.Platform.Security;

namespace HanZhao.Recruit.Web.Letters;

public static class LettersSetup
{
    /// <summary>The rate-limiter policy on the referee's posts.</summary>
    public const string ClientRateLimitPolicy = "letters-per-client";

    public static IServiceCollection AddLetters(this IServiceCollection services)
    {
        services.AddOptions<LetterOptions>().BindConfiguration(LetterOptions.Section);
        services.AddScoped<RefereeLetters>();
        services.AddScoped<LetterRequests>();
        services.AddScoped<LetterEmails>();
        services.AddScoped<LetterReminders>();
        return services.AddPerClientRateLimit<LetterOptions>(ClientRateLimitPolicy, options => (options.ClientPermitLimit, options.ClientWindow));
    }
}
