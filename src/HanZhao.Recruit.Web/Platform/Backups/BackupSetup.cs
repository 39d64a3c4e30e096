namespace HanZhao.Recruit.Web.Platform.Backups;

public static class BackupSetup
{
    /// <summary>The recurring copy's settings and service; <see cref="ScheduledBackup.Register"/> schedules it in the job server.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section);
        return services.AddScoped<ScheduledBackup>();
    }
}
