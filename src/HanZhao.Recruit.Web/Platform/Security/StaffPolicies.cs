using HanZhao.Recruit.Data.Identity;

namespace HanZhao.Recruit.Web.Platform.Security;

/// <summary>The authorization policies of the staff pages: every staff controller names one of them.</summary>
public static class StaffPolicies
{
    /// <summary>Professor or co-reviewer (and not disabled: disabled staff cannot sign in).</summary>
    public const string Staff = "Staff";

    /// <summary>Changes of status, emails, exports, settings and content.</summary>
    public const string Professor = "Professor";

    public static IServiceCollection AddStaffPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, policy => policy.RequireRole(Roles.Professor, Roles.Reviewer))
            .AddPolicy(Professor, policy => policy.RequireRole(Roles.Professor));
        return services;
    }
}
