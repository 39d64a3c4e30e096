using System.Net;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// A request can arrive before the server knows the address it listens on (a health probe polling while
/// the app starts, without Recruit:PublicUrl). The host check must answer it by the loopback names, and
/// must not remember that the site's own address was unknown then: it once cached that failure, and every
/// request afterwards got an error until the app was restarted (a clean-clone CI run saw it as an app that
/// never became ready). The check alone, on a test server whose listening address appears after the first request.
/// </summary>
public class HostCheckTests
{
    [Fact]
    public async Task A_request_before_the_listening_address_is_known_does_not_break_the_ones_after_it()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Services.AddOptions<RecruitOptions>();
        builder.Services.AddSingleton<SiteAddress>();
        await using var app = builder.Build();
        app.UseHostCheck();
        app.MapGet("/", () => "ok");
        await app.StartAsync();
        using var client = app.GetTestClient();

        var early = await StatusAsync(client, "127.0.0.1");
        var addresses = new ServerAddressesFeature();
        addresses.Addresses.Add("http://127.0.0.1:5000");
        app.Services.GetRequiredService<IServer>().Features.Set<IServerAddressesFeature>(addresses);

        Assert.Equal(HttpStatusCode.OK, early);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "localhost"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(client, "evil.example"));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
