namespace HanZhao.Recruit.Web.Platform.Hosting;

/// <summary>
/// Where the app finds its own files (appsettings.json, wwwroot, the seed, a relative data folder):
/// the folder it is installed in, wherever the shell that starts it happens to be, unless the
/// content root is configured (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c> or <c>DOTNET_CONTENTROOT</c>).
/// ASP.NET Core's default, the working directory, made <c>dotnet /srv/recruit/HanZhao.Recruit.Web.dll</c>
/// run without its settings and serve every stylesheet and script as an empty 200.
/// </summary>
public static class AppFolder
{
    /// <summary>A configured relative content root starts at the app's folder too (as the host reads it), written out in full.</summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Path.GetFullPath(ConfiguredContentRoot(args) ?? ".", AppContext.BaseDirectory),
    };

    /// <summary>
    /// The build output (not a publish) has no wwwroot of its own, only a manifest pointing at the
    /// project's files; ASP.NET Core reads it in Development only. Read it in every environment, so a
    /// built app runs as it would published. A published app has no such manifest: nothing changes there.
    /// </summary>
    public static WebApplicationBuilder UseBuildOutputAssets(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }

        return builder;
    }

    private static string? ConfiguredContentRoot(string[] args)
    {
        // The same sources, in the same order, that the host reads the content root from.
        var builder = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args);
        var configured = builder.Build()[WebHostDefaults.ContentRootKey];
        return string.IsNullOrEmpty(configured) ? null : configured;
    }
}
