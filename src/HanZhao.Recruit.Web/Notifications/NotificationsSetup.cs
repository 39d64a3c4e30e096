using HanZhao.Recruit.Web.Interviews;

namespace HanZhao.Recruit.Web.Notifications;

public static class NotificationsSetup
{
    /// <summary>The outbox sender, its trigger after each commit, and the daily digest (scheduled in Jobs/).</summary>
    public static IServiceCollection AddRecruitNotifications(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<OutboxTrigger>();
        services.AddSingleton<ApplicantReplyTo>();
        services.AddSingleton<OutboxSendGate>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<DailyDigest>();
        services.AddScoped<InterviewSchedule>();
        services.AddScoped<InterviewReminders>();
        return services;
    }
}
