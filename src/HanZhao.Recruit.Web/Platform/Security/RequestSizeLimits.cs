using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

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

    /// <summary>
    /// How far the server reads a request ahead of the app, per connection. Two settings hold it: the
    /// socket transport's own read buffer (the one a plain HTTP connection fills, as behind the reverse
    /// proxy; 1 MB by default) and Kestrel's (the one used where a connection is wrapped, e.g. TLS;
    /// also 1 MB). That buffer is pinned memory the server keeps pooled: 50 uploads arriving at once
    /// each had up to 1 MB of it waiting while the form reader copied the bodies to their temporary
    /// files, 15-22 MB of the submit load's peak until the transport's was set too (docs/PERFORMANCE.md,
    /// "Memory under the submit load, to the bottom"). 64 KB keeps every socket read busy (the form reader writes
    /// 64 KB pieces) and makes a fast sender wait on TCP instead. Kestrel requires at least the request
    /// headers' limit (32 KB) and a request line (8 KB).
    /// </summary>
    public const long ReadAheadBytes = 64 * 1024;

    public static IServiceCollection AddRequestSizeLimits(this IServiceCollection services) =>
        services
            .Configure<KestrelServerOptions>(options =>
            {
                options.Limits.MaxRequestBodySize = DefaultMaxBytes;
                options.Limits.MaxRequestBufferSize = ReadAheadBytes;
            })
            .Configure<SocketTransportOptions>(options => options.MaxReadBufferSize = ReadAheadBytes);

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
