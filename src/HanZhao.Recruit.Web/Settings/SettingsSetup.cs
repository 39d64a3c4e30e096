using HanZhao.Recruit.Web.Settings.Alerts;
using HanZhao.Recruit.Web.Settings.Content;
using HanZhao.Recruit.Web.Settings.Content.News;
using HanZhao.Recruit.Web.Settings.Content.Publications;
using HanZhao.Recruit.Web.Settings.Intakes;

namespace HanZhao.Recruit.Web.Settings;

public static class SettingsSetup
{
    /// <summary>The professor's settings: intakes, and the homepage's content with the BibTeX import.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddOptions<DblpOptions>().BindConfiguration(DblpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(DblpOptions.HttpClientName, (provider, client) =>
        {
            // The fetch also has its own deadline (DblpImport); this one stops any other use hanging.
            client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DblpOptions>>().Value.TimeoutSeconds + 5);
            client.DefaultRequestHeaders.Accept.ParseAdd("application/x-bibtex");
            client.DefaultRequestHeaders.Accept.ParseAdd("text/plain;q=0.9");
            client.DefaultRequestHeaders.UserAgent.ParseAdd("HanZhao.Recruit/1.0 (academic homepage; publication import)");
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            // DBLP redirects a merged person's old id to the new one: DblpImport follows that itself, and
            // only on DBLP's own host, so the server is never sent somewhere else by an answer.
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        });
        return services
            .AddScoped<IntakeSettings>()
            .AddScoped<AlertSettings>()
            .AddScoped<ContentRules>()
            .AddScoped<ContentEditor>()
            .AddScoped<PublicationEditor>()
            .AddScoped<BibTexImporter>()
            .AddScoped<Content.Photos.PhotoStore>()
            .AddScoped<Content.People.PeopleEditor>()
            .AddScoped<NewsEditor>()
            .AddScoped<DblpImport>();
    }
}
