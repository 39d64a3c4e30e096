using System.Diagnostics;
using System.Net;
using HanZhao.Recruit.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Account;

/// <summary>
/// A refused sign-in must not tell, by how long it took, whether the address belongs to a staff
/// account. Each kind of address is tried the same number of times, interleaved so a busy moment of
/// the machine falls on all kinds alike, and the medians are compared as a ratio: the real work (one
/// password hash) is the same for every kind or the ratio shows it, whatever the machine's speed.
/// </summary>
public sealed class SignInTimingTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    private const int Tries = 15;
    private const double AllowedRatio = 3.0;
    private const string Password = "a quiet walk along the bund";
    private const string WrongPassword = "not the password at all, sorry";

    [Fact]
    public async Task A_wrong_password_takes_as_long_for_an_unknown_applicant_locked_disabled_or_password_less_address_as_for_a_staff_address()
    {
        var staff = await app.CreateUserAsync(Roles.Reviewer, $"timing-staff-{Guid.NewGuid():N}@recruit.test", Password);
        var applicant = await app.CreateUserAsync(Roles.Applicant, $"timing-applicant-{Guid.NewGuid():N}@recruit.test", Password);
        var locked = await app.CreateUserAsync(Roles.Reviewer, $"timing-locked-{Guid.NewGuid():N}@recruit.test", Password);
        var disabled = await app.CreateUserAsync(Roles.Reviewer, $"timing-disabled-{Guid.NewGuid():N}@recruit.test", Password);
        // Invited, link not used yet: staff, but no password to check.
        var invited = await app.CreateUserAsync(Roles.Reviewer, $"timing-invited-{Guid.NewGuid():N}@recruit.test");
        await ChangeUserAsync(locked, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddDays(1)));
        await ChangeUserAsync(disabled, (users, user) =>
        {
            user.IsDisabled = true;
            return users.UpdateAsync(user);
        });

        var addresses = new Dictionary<string, string>
        {
            ["staff"] = staff.Email!,
            ["unknown"] = $"nobody-{Guid.NewGuid():N}@recruit.test",
            ["applicant"] = applicant.Email!,
            ["locked"] = locked.Email!,
            ["disabled"] = disabled.Email!,
            ["password-less"] = invited.Email!,
        };
        var times = addresses.Keys.ToDictionary(kind => kind, _ => new List<double>());
        using var client = app.CreateHttpsClient();
        var token = await client.GetAntiforgeryTokenAsync("/account/signin");

        // One untimed round first: the first request of each path pays for JIT and cold caches.
        for (var round = 0; round <= Tries; round++)
        {
            foreach (var (kind, email) in addresses)
            {
                var elapsed = await TimeWrongPasswordAsync(client, token, email);
                if (round > 0)
                {
                    times[kind].Add(elapsed);
                }
            }

            // Lockout would otherwise turn the staff account into a locked one after five tries.
            await ChangeUserAsync(staff, (users, user) => users.ResetAccessFailedCountAsync(user));
        }

        var staffMedian = Median(times["staff"]);
        Assert.All(addresses.Keys.Where(kind => kind != "staff"), kind =>
        {
            var ratio = staffMedian / Median(times[kind]);
            Assert.True(
                ratio is > 1 / AllowedRatio and < AllowedRatio,
                $"A wrong password for a staff address takes {ratio:F1}x as long as for a {kind} address (allowed: within {AllowedRatio}x either way).");
        });
    }

    private static async Task<double> TimeWrongPasswordAsync(HttpClient client, string token, string email)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.PostFormAsync("/account/signin", [new("email", email), new("password", WrongPassword)], token);
        clock.Stop();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task ChangeUserAsync(RecruitUser user, Func<UserManager<RecruitUser>, RecruitUser, Task<IdentityResult>> change)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>();
        var stored = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("No such user.");
        Assert.True((await change(users, stored)).Succeeded);
    }
}
