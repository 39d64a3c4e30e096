using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Apply.SignIn;

/// <summary>Answers who the browser is signed in as; exists only in these tests.</summary>
[AllowAnonymous]
public sealed class WhoAmIController : Controller
{
    public const string Path = "/test/whoami";

    [HttpGet(Path)]
    public ContentResult Get() =>
        Content(User.Identity?.IsAuthenticated == true ? User.Identity.Name ?? "?" : "anonymous", "text/plain");
}

/// <summary>
/// The app with a who-am-I endpoint. The per-client limit is raised far above what one test class
/// sends (every request here comes from the same client); <see cref="SignInRateLimitTests"/> tests it.
/// </summary>
public class SignInAppFactory : RecruitAppFactory
{
    public SignInAppFactory()
    {
        Settings["Recruit:SignIn:ClientPermitLimit"] = "10000";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddControllers().AddApplicationPart(typeof(WhoAmIController).Assembly));
    }
}

/// <summary>What a browser does on the sign-in pages, and what the database then holds.</summary>
public static partial class SignInSteps
{
    public const string FormPath = "/apply/signin";

    public static Task<HttpResponseMessage> RequestLinkAsync(
        this HttpClient client, string email, string? returnPath = null, string? website = null, string page = FormPath)
    {
        var fields = new List<KeyValuePair<string, string>> { new("email", email), new("website", website ?? string.Empty) };
        if (returnPath is not null)
        {
            fields.Add(new("returnPath", returnPath));
        }

        return client.PostFormAsync(page, FormPath, fields);
    }

    /// <summary>The link in the newest sign-in email to <paramref name="email"/>.</summary>
    public static async Task<Uri> LatestLinkAsync(this RecruitAppFactory app, string email)
    {
        await using var db = app.CreateDbContext();
        var message = await db.EmailMessages
            .Where(m => m.Kind == "SignInLink" && m.ToAddress == email)
            .OrderByDescending(m => m.CreatedAtUtc)
            .FirstAsync();
        return LinkIn(message.TextBody);
    }

    /// <summary>The sign-in link in an email's text.</summary>
    public static Uri LinkIn(string? text)
    {
        var match = LinkPattern().Match(text ?? string.Empty);
        Assert.True(match.Success, "No sign-in link in: " + text);
        return new Uri(match.Value);
    }

    /// <summary>Opens the link (the Continue page) and presses Continue.</summary>
    public static async Task<HttpResponseMessage> UseLinkAsync(this HttpClient client, Uri link)
    {
        var token = TokenOf(link);
        return await client.PostFormAsync(link.PathAndQuery, "/apply/signin/confirm", [new("token", token)]);
    }

    public static string TokenOf(Uri link) =>
        Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..]);

    public static Task<string> WhoAmIAsync(this HttpClient client) => client.GetStringAsync(WhoAmIController.Path);

    public static async Task<(int Links, int Emails, int Users)> CountsAsync(this RecruitAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return (await db.SignInLinks.CountAsync(), await db.EmailMessages.CountAsync(), await db.Users.CountAsync());
    }

    public static async Task<RecruitUser> CreateUserAsync(this RecruitAppFactory app, string email, string role, string? password = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>();
        var user = new RecruitUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/apply/signin/confirm\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
