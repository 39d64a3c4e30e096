namespace HanZhao.Recruit.Web.Settings.Content;

public static class ContentEditorSetup
{
    public static IServiceCollection AddContentEditor(this IServiceCollection services) =>
        services
            .AddScoped<ContentRules>()
            .AddScoped<ContentEditor>()
            .AddScoped<PublicationEditor>()
            .AddScoped<BibTexImporter>();
}
