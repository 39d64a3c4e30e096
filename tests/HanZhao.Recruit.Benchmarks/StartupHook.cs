using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

#pragma warning disable CA1050 // The runtime looks for a type named StartupHook outside any namespace.
/// <summary>
/// Loaded into the app's process by <c>DOTNET_STARTUP_HOOKS</c> (the benchmark sets it; the app's
/// code is unchanged): serves the files of <c>BENCH_STATIC_ROOT</c> with ASP.NET Core's static file
/// middleware, placed at the very end of the app's own pipeline. A request for such a file passes
/// every middleware the homepage passes (errors, security headers, localization, routing, rate
/// limiting, authentication, output cache) and is then answered from disk instead of from the
/// output cache: the "same bytes as a static file from the same app" baseline.
/// <para>
/// And, first in the pipeline before any of the app's middleware, <see cref="MemoryPath"/>: the
/// Brotli homepage (<see cref="MemoryFile"/> in the root, read once) written from memory with
/// nothing else in the way: the limit for this server ("the harder baseline" of issue 17).
/// </para>
/// </summary>
public static class StartupHook
#pragma warning restore CA1050
{
    public const string RootVariable = "BENCH_STATIC_ROOT";
    public const string RequestPath = "/bench-static";
    public const string MemoryPath = "/bench-memory";
    public const string MemoryFile = "home.br";

    public static void Initialize()
    {
        SubmitTrace.Subscribe();
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root)
        {
            DiagnosticListener.AllListeners.Subscribe(new HostListener(root));
        }
    }

    /// <summary>The host publishes "HostBuilding" (the hook WebApplicationFactory also uses) before it builds.</summary>
    private sealed class HostListener(string root) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.Extensions.Hosting")
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value is { Key: "HostBuilding", Value: IHostBuilder builder })
            {
                builder.ConfigureServices(services => services
                    .AddSingleton<IStartupFilter>(new StaticFilesLast(root))
                    .AddSingleton<IStartupFilter>(new MemoryFirst(Path.Combine(root, MemoryFile))));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class StaticFilesLast(string root) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // After the app's pipeline: reached only by requests no endpoint of the app answered.
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root), RequestPath = RequestPath });
        };
    }

    private sealed class MemoryFirst(string file) : IStartupFilter
    {
        // Read at the first request (the benchmark writes the file just before it asks).
        private readonly Lazy<byte[]> _body = new(() => File.ReadAllBytes(file));

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) =>
            {
                if (context.Request.Path != MemoryPath)
                {
                    return rest(context);
                }

                var body = _body.Value;
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.ContentEncoding = "br";
                context.Response.ContentLength = body.Length;
                return context.Response.Body.WriteAsync(body).AsTask();
            });
            next(app);
        };
    }
}
