using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// A controller that exists only in these tests: a form page and the POST it submits to, with no
/// antiforgery attribute of its own. It proves the global filter guards every unsafe action,
/// including ones written later by someone who forgot.
/// </summary>
public sealed class AntiforgeryProbeController : Controller
{
    public const string FormPath = "/test/form";
    private static int _submits;

    public static int Submits => Volatile.Read(ref _submits);

    [HttpGet(FormPath)]
    public ContentResult Form() => Content(
        $"""<form method="post" action="{FormPath}"><input name="{HtmlForms.AntiforgeryField}" type="hidden" value="{HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(HttpContext).RequestToken}" /></form>""",
        "text/html");

    [HttpPost(FormPath)]
    public IActionResult Submit()
    {
        Interlocked.Increment(ref _submits);
        return NoContent();
    }
}

public sealed class AntiforgeryAppFactory : RecruitAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddControllers().AddApplicationPart(typeof(AntiforgeryProbeController).Assembly));
    }
}

public class AntiforgeryTests(AntiforgeryAppFactory app) : IClassFixture<AntiforgeryAppFactory>
{
    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        using var client = app.CreateHttpsClient();
        await client.GetAsync(AntiforgeryProbeController.FormPath); // has the cookie, forgets the field
        var before = AntiforgeryProbeController.Submits;

        using var response = await client.PostAsync(AntiforgeryProbeController.FormPath, new FormUrlEncodedContent([new("x", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, AntiforgeryProbeController.Submits);
        Assert.Contains("The form may have expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_with_a_forged_token_is_refused()
    {
        using var client = app.CreateHttpsClient();
        await client.GetAsync(AntiforgeryProbeController.FormPath);
        var before = AntiforgeryProbeController.Submits;

        using var response = await client.PostAsync(AntiforgeryProbeController.FormPath,
            new FormUrlEncodedContent([new(HtmlForms.AntiforgeryField, "CfDJ8forged-token-value")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, AntiforgeryProbeController.Submits);
    }

    [Fact]
    public async Task A_post_with_the_token_from_the_form_is_accepted()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.PostFormAsync(AntiforgeryProbeController.FormPath, AntiforgeryProbeController.FormPath, []);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_httponly_and_samesite_strict()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync(AntiforgeryProbeController.FormPath);

        response.AssertProtectedCookie("hz.af", "strict");
    }

    [Fact]
    public async Task Every_unsafe_action_of_the_app_refuses_a_post_without_a_token()
    {
        var actions = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .Where(e => e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToList();
        Assert.Contains(AntiforgeryProbeController.FormPath, actions);
        // Signed in as the professor, so authorization lets the request reach the antiforgery check
        // wherever staff may go; elsewhere a refusal (to a sign-in page or 403) is fine too.
        using var client = await app.CreateClientSignedInAsync(HanZhao.Recruit.Data.Identity.Roles.Professor);

        foreach (var path in actions)
        {
            using var response = await client.PostAsync(path, new FormUrlEncodedContent([new("x", "1")]));
            var location = response.Headers.Location?.OriginalString ?? "";
            var refused = response.StatusCode == HttpStatusCode.BadRequest
                || (response.StatusCode == HttpStatusCode.Redirect
                    && (location.Contains("/error/403", StringComparison.Ordinal) || location.Contains("signin", StringComparison.OrdinalIgnoreCase)));
            Assert.True(refused, $"POST {path} without a token answered {(int)response.StatusCode} {location}");
        }
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database()
    {
        using var client = app.CreateHttpsClient();
        await client.GetAsync(AntiforgeryProbeController.FormPath); // issuing a token needs a key

        await using var db = app.CreateDbContext();

        Assert.NotEmpty(db.DataProtectionKeys);
    }
}
