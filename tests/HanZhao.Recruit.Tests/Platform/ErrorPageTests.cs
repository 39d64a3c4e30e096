using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>The app with one extra endpoint at the end of the pipeline that always throws.</summary>
public class ThrowingAppFactory : RecruitAppFactory
{
    public const string ThrowingPath = "/test/throws";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, AppendThrowingEndpoint>());
    }

    private sealed class AppendThrowingEndpoint : IStartupFilter
    {
        // Added after the app's own pipeline, so the app's exception handler is around it.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Every other path goes on to the end of the pipeline: 404, as without this endpoint.
            app.Use((HttpContext context, RequestDelegate next) => context.Request.Path == ThrowingPath
                ? throw new InvalidOperationException("Secret internal detail")
                : next(context));
        };
    }
}

public class ErrorPageTests(ThrowingAppFactory app) : IClassFixture<ThrowingAppFactory>
{
    [Fact]
    public async Task An_unhandled_exception_shows_a_friendly_page_without_the_stack_trace()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync(ThrowingAppFactory.ThrowingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong on our side", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret internal detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}
