using HanZhao.Recruit.Data.Identity;

namespace HanZhao.Recruit.Web.Review;

/// <summary>Authorization policy names for staff pages (registered by <see cref="ReviewSetup"/>).</summary>
public static class ReviewPolicies
{
    /// <summary>Professor or co-reviewer (and not disabled: disabled staff cannot sign in).</summary>
    public const string Staff = "Staff";

    /// <summary>Changes of status, emails, exports, settings and content.</summary>
    public const string Professor = "Professor";
}

public static class ReviewSetup
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ReviewPolicies.Staff, policy => policy.RequireRole(Roles.Professor, Roles.Reviewer))
            .AddPolicy(ReviewPolicies.Professor, policy => policy.RequireRole(Roles.Professor));
        return services
            .AddScoped<Decisions.StatusEmails>()
            .AddScoped<Decisions.DecisionService>()
            .AddScoped<Decisions.DocumentExport>();
    }
}
