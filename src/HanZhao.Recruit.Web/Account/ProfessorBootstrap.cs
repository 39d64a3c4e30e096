using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// Makes sure the professor can get in after the first start, without ever using a default password:
/// <list type="bullet">
/// <item>No professor yet, <c>Recruit:AdminEmail</c> and a valid <c>Recruit:AdminPassword</c>: the account is created with that password.</item>
/// <item><c>Recruit:AdminEmail</c> without a password (or with one the password rules refuse): the account is
/// created with no password, and a one-time link to set it (valid 3 days) is written to the log.</item>
/// <item>Neither: no account is invented (a placeholder address would receive the alerts and digests
/// that <see cref="Notifications.ProfessorAddress"/> sends to the professor account). The log gets a
/// one-time set-up link (<see cref="ProfessorSetupLinks"/>, valid 3 days) whose page asks for the
/// professor's email address and password; it stops working once a professor exists.</item>
/// <item>While no professor has a password, every start logs a fresh link, so a missed or expired
/// link is fixed by restarting.</item>
/// </list>
/// </summary>
public static class ProfessorBootstrap
{
    /// <summary>
    /// Creates what is missing now; the links are written once the server listens, since they carry the
    /// site's address (<see cref="SiteAddress"/>), which may be the address it listens on.
    /// </summary>
    public static async Task EnsureProfessorAsync(IServiceProvider services, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var users = provider.GetRequiredService<UserManager<RecruitUser>>();
        var db = provider.GetRequiredService<RecruitDbContext>();
        var options = provider.GetRequiredService<IOptions<RecruitOptions>>().Value;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var professors = await users.GetUsersInRoleAsync(Roles.Professor);
        if (professors.Count > 0)
        {
            foreach (var waiting in professors.Where(p => p.PasswordHash is null && !p.IsDisabled))
            {
                AnnounceWhenStarted(services, logger, waiting.Email, await StaffPasswordLinks.CreateAsync(users, waiting));
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(options.AdminEmail))
        {
            AnnounceWhenStarted(services, logger, email: null, ProfessorSetupLinks.Create(provider.GetRequiredService<IDataProtectionProvider>()));
            return;
        }

        // The same rule as every address typed on a page, so the account works however it is typed at sign-in.
        if (EmailAddresses.Check(options.AdminEmail).Address is not { } email)
        {
            logger.LogError("Recruit:AdminEmail {Email} is not an address the site accepts; no professor account was created.", options.AdminEmail);
            return;
        }

        var user = new RecruitUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Prof. Han Zhao",
            CreatedAtUtc = now,
        };

        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            logger.LogError("The professor's account {Email} could not be created: {Errors}", email, Describe(created));
            return;
        }

        await users.AddToRoleAsync(user, Roles.Professor);

        if (!string.IsNullOrEmpty(options.AdminPassword))
        {
            var password = await users.AddPasswordAsync(user, options.AdminPassword);
            if (password.Succeeded)
            {
                db.Record(null, "ProfessorCreated", email, "password from Recruit:AdminPassword", now);
                await db.SaveChangesAsync();
                logger.LogInformation("Created the professor's account {Email} with the configured password.", email);
                return;
            }

            logger.LogError("Recruit:AdminPassword was refused ({Errors}); the account {Email} was created without a password.",
                Describe(password), email);
        }

        db.Record(null, "ProfessorCreated", email, "set-password link written to the log", now);
        await db.SaveChangesAsync();
        AnnounceWhenStarted(services, logger, user.Email, await StaffPasswordLinks.CreateAsync(users, user));
    }

    /// <summary>
    /// Writes the link to the log and as a plain block to the console once the server listens. A
    /// warning, not information: the operator must act on it, and production logs often drop information.
    /// </summary>
    private static void AnnounceWhenStarted(IServiceProvider services, ILogger logger, string? email, string pathAndQuery) =>
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            var link = services.GetRequiredService<SiteAddress>().Link(pathAndQuery);
            var console = services.GetRequiredService<OperatorConsole>();
            if (email is null)
            {
                logger.LogWarning("No professor account exists and Recruit:AdminEmail is not set. Create it within 3 days, once, at: {Link}", link);
                console.Announce(
                [
                    "No professor account exists yet. To create it, open this link (valid 3 days, once):",
                    link,
                    "It asks for the professor's email address and a password. Restart for a new link.",
                ]);
            }
            else
            {
                logger.LogWarning("The professor's account {Email} has no password. Set it within 3 days, once, at: {Link}", email, link);
                console.Announce(
                [
                    $"The professor's account {email} has no password yet. To set it, open this link (valid 3 days, once):",
                    link,
                    "Restart for a new link.",
                ]);
            }
        });

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
