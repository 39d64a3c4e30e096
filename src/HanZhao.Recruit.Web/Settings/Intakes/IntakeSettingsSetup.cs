using HanZhao.Recruit.Web.Settings.Intakes;

// In the Review namespace (the professor's tools) so Program.cs needs no extra using.
namespace HanZhao.Recruit.Web.Review;

public static class IntakeSettingsSetup
{
    public static IServiceCollection AddIntakeSettings(this IServiceCollection services) => services.AddScoped<IntakeSettings>();
}
