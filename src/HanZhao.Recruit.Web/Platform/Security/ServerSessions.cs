using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Platform.Security;

/// <summary>
/// Sessions the server can end (ASVS 7.4.1). Every sign-in gives the cookie a new random session
/// key (a claim) and the database a <see cref="UserSession"/> row; every request is refused unless
/// the row is there, so signing out (which deletes it) refuses a copy of the cookie at once, on
/// every instance, and "sign out everywhere" deletes all of a user's rows.
/// A sign-in in a browser that already had a session ends that session (ASVS 3.2.1: a new token on
/// authentication), so a cookie copied before the sign-in never becomes the new user's.
/// Not ASP.NET's ITicketStore: its cookie handler renews the browser's existing key on sign-in, so
/// the key would outlive a change of user and a copy of it would follow.
/// Each call uses its own DbContext: the cookie handler runs inside requests whose own context may
/// hold unsaved changes.
/// </summary>
public sealed class ServerSessions(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>The claim holding the session key; only the cookie (Data Protection-encrypted) carries it.</summary>
    public const string KeyClaim = "hz:session";

    /// <summary>
    /// Gives <paramref name="principal"/> a new session key and stores its row, ending the session of
    /// <paramref name="previous"/> (the browser's user before this sign-in), if it had one.
    /// </summary>
    public async Task StartAsync(ClaimsPrincipal principal, DateTimeOffset? expires, ClaimsPrincipal? previous, CancellationToken cancellationToken)
    {
        var identity = principal.Identity as ClaimsIdentity
                       ?? throw new InvalidOperationException("A signed-in principal has a claims identity.");
        foreach (var old in identity.FindAll(KeyClaim).ToList())
        {
            identity.RemoveClaim(old);
        }

        var key = LinkTokens.New();
        identity.AddClaim(new Claim(KeyClaim, key));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
        if (KeyOf(previous) is { } previousId)
        {
            await db.UserSessions.Where(s => s.Id == previousId).ExecuteDeleteAsync(cancellationToken);
        }

        db.UserSessions.Add(new UserSession
        {
            Id = LinkTokens.Hash(key),
            UserId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
                     ?? throw new InvalidOperationException("A session belongs to a user: the principal has no user id."),
            CreatedAtUtc = now,
            ExpiresAtUtc = expires?.UtcDateTime ?? now + SecuritySetup.SessionLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether the cookie's session is still open: its row exists and has not expired.</summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        if (KeyOf(principal) is not { } id)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecruitDbContext>().UserSessions
            .AnyAsync(s => s.Id == id && s.ExpiresAtUtc > now, cancellationToken);
    }

    /// <summary>
    /// The cookie is renewed (sliding expiry, or a refreshed principal): the open row lasts as long
    /// again as the cookie was issued for, from now. A session ended or expired meanwhile stays so.
    /// </summary>
    public async Task ExtendAsync(ClaimsPrincipal? principal, AuthenticationProperties cookie, CancellationToken cancellationToken)
    {
        if (KeyOf(principal) is not { } id)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var until = (now + (cookie.ExpiresUtc - cookie.IssuedUtc ?? SecuritySetup.SessionLifetime)).UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecruitDbContext>().UserSessions
            .Where(s => s.Id == id && s.ExpiresAtUtc > now.UtcDateTime)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAtUtc, until), cancellationToken);
    }

    /// <summary>Ends the cookie's session (signing out in this browser).</summary>
    public async Task EndAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        if (KeyOf(principal) is not { } id)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecruitDbContext>().UserSessions
            .Where(s => s.Id == id)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of the user, in every browser ("sign out everywhere").</summary>
    public async Task EndAllAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecruitDbContext>().UserSessions
            .Where(s => s.UserId == userId)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Hooks the sessions into the application cookie's events, around what Identity already does
    /// there (the periodic security-stamp check, which refuses disabled accounts and changed stamps).
    /// </summary>
    public static void Attach(CookieAuthenticationEvents events)
    {
        var checkSecurityStamp = events.OnValidatePrincipal;
        events.OnSigningIn = context =>
            Of(context.HttpContext).StartAsync(context.Principal!, context.Properties.ExpiresUtc, context.HttpContext.User, context.HttpContext.RequestAborted);
        events.OnSigningOut = context => Of(context.HttpContext).EndAsync(context.HttpContext.User, context.HttpContext.RequestAborted);
        events.OnValidatePrincipal = async context =>
        {
            var sessions = Of(context.HttpContext);
            var principal = context.Principal;
            if (!await sessions.IsOpenAsync(principal, context.HttpContext.RequestAborted))
            {
                // Signed out, ended everywhere, expired, or a cookie from before sessions were kept:
                // refused, and the cookie is deleted rather than renewed.
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await checkSecurityStamp(context);
            if (context.Principal is null)
            {
                // The stamp check refused it (a disabled account, a changed password): the row goes too.
                await sessions.EndAsync(principal, context.HttpContext.RequestAborted);
            }
            else if (context.ShouldRenew)
            {
                await sessions.ExtendAsync(context.Principal, context.Properties, context.HttpContext.RequestAborted);
            }
        };
        events.OnCheckSlidingExpiration = context => context.ShouldRenew
            ? Of(context.HttpContext).ExtendAsync(context.Principal, context.Properties, context.HttpContext.RequestAborted)
            : Task.CompletedTask;
    }

    /// <summary>The security-stamp check rebuilds the principal from the database; the session key must survive it.</summary>
    public static Task KeepSessionKey(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(KeyClaim) is { } key && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(KeyClaim, key.Value));
        }

        return Task.CompletedTask;
    }

    private static ServerSessions Of(HttpContext context) => context.RequestServices.GetRequiredService<ServerSessions>();

    private static string? KeyOf(ClaimsPrincipal? principal) =>
        principal?.FindFirstValue(KeyClaim) is { Length: > 0 } key ? LinkTokens.Hash(key) : null;
}
