using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace HanZhao.Recruit.Testing;

public static class SignedInClients
{
    /// <summary>Creates a real user with a role (and an optional password) through Identity.</summary>
    public static async Task<RecruitUser> CreateUserAsync(this RecruitAppFactory app, string role, string? email = null, string? password = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@recruit.test";
        var user = new RecruitUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>
    /// The sign-in cookie the app issues for <paramref name="user"/>: Identity makes the principal
    /// (roles, security stamp), the app's cookie handler protects it. For tests of what signed-in
    /// people may do (in a client or a browser); tests of signing in itself use the sign-in pages.
    /// </summary>
    public static async Task<(string Name, string Value)> SignInCookieAsync(this RecruitAppFactory app, RecruitUser user)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>();
        var stored = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("No such user.");
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<RecruitUser>>().CreateUserPrincipalAsync(stored);
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        // As a sign-in does: the session gets its key and its row (see ServerSessions).
        await scope.ServiceProvider.GetRequiredService<ServerSessions>().StartAsync(principal, null, null, CancellationToken.None);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = app.Clock.GetUtcNow() }, IdentityConstants.ApplicationScheme);
        return (cookie.Cookie.Name!, cookie.TicketDataFormat.Protect(ticket));
    }

    /// <summary>A client carrying the sign-in cookie for <paramref name="user"/> (see <see cref="SignInCookieAsync"/>).</summary>
    public static async Task<HttpClient> CreateClientSignedInAsAsync(this RecruitAppFactory app, RecruitUser user)
    {
        var (name, value) = await app.SignInCookieAsync(user);
        var client = app.CreateHttpsClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{name}={value}");
        return client;
    }

    public static async Task<HttpClient> CreateClientSignedInAsync(this RecruitAppFactory app, string role) =>
        await app.CreateClientSignedInAsAsync(await app.CreateUserAsync(role));
}
