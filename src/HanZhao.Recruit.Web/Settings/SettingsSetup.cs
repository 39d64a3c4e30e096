using HanZhao.Recruit.Web.Settings.Alerts;
using HanZhao.Recruit.Web.Settings.Content;
using HanZhao.Recruit.Web.Settings.Content.News;
using HanZhao.Recruit.Web.Settings.Content.Publications;
using HanZhao.Recruit.Web.Settings.Intakes;

namespace HanZhao.Recruit.Web.Settings;

public static class SettingsSetup
{
    /// <summary>The professor's settings: intakes, and the homepage's content with the BibTeX import.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services) =>
        services
            .AddScoped<IntakeSettings>()
            .AddScoped<AlertSettings>()
            .AddScoped<ContentRules>()
            .AddScoped<ContentEditor>()
            .AddScoped<PublicationEditor>()
            .AddScoped<BibTexImporter>()
            .AddScoped<Content.Photos.PhotoStore>()
            .AddScoped<Content.People.PeopleEditor>()
            .AddScoped<NewsEditor>();
}
