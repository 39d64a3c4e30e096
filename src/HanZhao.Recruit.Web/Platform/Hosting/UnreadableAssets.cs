using Microsoft.AspNetCore.StaticAssets;

namespace HanZhao.Recruit.Web.Platform.Hosting;

/// <summary>
/// <c>MapStaticAssets</c> maps every asset the build's manifest lists; when the file itself is not in
/// the web root (a deployment without wwwroot, a wrong content root) it answers 200 with an empty body
/// and no type, and the site silently loses its styling and script. This answers 404 instead (through
/// the error pages) and logs the missing file once.
/// </summary>
public static partial class UnreadableAssets
{
    public static StaticAssetsEndpointConventionBuilder NotFoundWhenUnreadable(this StaticAssetsEndpointConventionBuilder assets, IWebHostEnvironment environment)
    {
        assets.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault() is not { } asset || endpoint.RequestDelegate is not { } serve)
            {
                return;
            }

            var logged = 0;
            endpoint.RequestDelegate = context =>
            {
                if (environment.WebRootFileProvider.GetFileInfo(asset.AssetPath).Exists)
                {
                    return serve(context);
                }

                if (Interlocked.Exchange(ref logged, 1) == 0)
                {
                    LogMissing(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnreadableAssets)), asset.AssetPath, environment.WebRootPath);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });
        return assets;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The static asset {Asset} is in the build's manifest but not in the web root {WebRoot}: answering 404. Is wwwroot deployed beside the app?")]
    private static partial void LogMissing(ILogger logger, string asset, string webRoot);
}
