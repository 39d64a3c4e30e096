using HanZhao.Recruit.Web.Review.Interviews;

namespace HanZhao.Recruit.Web.Interviews;

public static class InterviewsSetup
{
    /// <summary>Interview slots, invitations, bookings and their calendar emails (the staff page's service included).</summary>
    public static IServiceCollection AddInterviews(this IServiceCollection services)
    {
        services.AddOptions<InterviewOptions>().BindConfiguration(InterviewOptions.Section);
        return services
            .AddScoped<InterviewMail>()
            .AddScoped<InterviewBookings>()
            .AddScoped<InterviewInvitations>()
            .AddScoped<InterviewSlots>();
    }
}
