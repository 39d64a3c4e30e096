using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace HanZhao.Recruit.Web.Platform.Security;

/// <summary>
/// Request bodies are small (1 MB) unless an endpoint says otherwise with [RequestSizeLimit]. The
/// endpoint's limit is applied right after routing, before anything reads the body: MVC's own
/// attribute only takes effect after the antiforgery check, which would already have read (and
/// buffered) the whole form. A declared length over the limit is refused at once with 413.
/// </summary>
public static class RequestSizeLimits
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public static IServiceCollection AddRequestSizeLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = DefaultMaxBytes);

    public static IApplicationBuilder UseEndpointRequestSizeLimits(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is long limit)
            {
                if (context.Request.ContentLength > limit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return Task.CompletedTask;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                {
                    feature.MaxRequestBodySize = limit;
                }
            }

            return next(context);
        });
}
