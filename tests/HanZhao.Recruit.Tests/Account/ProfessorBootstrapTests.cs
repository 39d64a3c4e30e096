using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Account;

public class ProfessorBootstrapWithEmailOnlyTests(EmailOnlyStaffAppFactory app) : IClassFixture<EmailOnlyStaffAppFactory>
{
    [Fact]
    public async Task Bootstrap_with_only_an_email_creates_a_professor_with_no_password_and_logs_a_link_that_sets_it_once()
    {
        using var client = app.CreateHttpsClient();
        await client.GetAsync("/account/signin");

        var professor = await app.FindUserAsync(StaffAppFactory.ProfessorEmail);
        Assert.Null(professor.PasswordHash);
        var logged = Assert.Single(app.Logs, m => m.Contains("/account/set-password?", StringComparison.Ordinal));
        var link = StaffSteps.LinkIn(logged);
        Assert.StartsWith("https://hanzhao.test/account/set-password?userId=", link.ToString(), StringComparison.Ordinal);

        using var form = await client.GetAsync(link.PathAndQuery);
        await form.AssertStatusAsync(HttpStatusCode.OK);
        using var set = await client.UseSetPasswordLinkAsync(link, "plum blossoms in early spring");
        await set.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/signin?passwordSet=true", set.Headers.Location?.OriginalString);

        using var again = await client.PostAsync("/account/signin", "/account/set-password",
            ("userId", professor.Id), ("token", StaffSteps.ParseQuery(link)["token"]), ("password", "another spring entirely"), ("confirmPassword", "another spring entirely"));
        await again.AssertStatusAsync(HttpStatusCode.BadRequest);

        using var signedIn = await client.SignInAsync(StaffAppFactory.ProfessorEmail, "plum blossoms in early spring");
        await signedIn.AssertStatusAsync(HttpStatusCode.Redirect);
    }
}

public class ProfessorBootstrapWithoutConfigTests(UnconfiguredStaffAppFactory app) : IClassFixture<UnconfiguredStaffAppFactory>
{
    [Fact]
    public async Task Bootstrap_without_config_creates_no_account_and_no_password_and_logs_a_set_up_link_that_works_once()
    {
        using var client = app.CreateHttpsClient();
        await client.GetAsync("/account/signin");

        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.PasswordHash != null));
            Assert.False(await db.UserRoles.AnyAsync());
        }

        var logged = Assert.Single(app.Logs, m => m.Contains("/account/setup?", StringComparison.Ordinal));
        var link = StaffSteps.SetupLinkIn(logged);
        Assert.StartsWith("https://hanzhao.test/account/setup?token=", link.ToString(), StringComparison.Ordinal);
        var token = StaffSteps.ParseQuery(link)["token"];

        using var form = await client.GetAsync(link.PathAndQuery);
        await form.AssertStatusAsync(HttpStatusCode.OK);
        using var weak = await client.PostAsync(link.PathAndQuery, "/account/setup",
            ("token", token), ("email", "han.zhao@sjtu.test"), ("password", "password1234"), ("confirmPassword", "password1234"));
        await weak.AssertStatusAsync(HttpStatusCode.BadRequest);
        using var created = await client.PostAsync(link.PathAndQuery, "/account/setup",
            ("token", token), ("email", "han.zhao@sjtu.test"), ("password", "plum blossoms in early spring"), ("confirmPassword", "plum blossoms in early spring"));
        await created.AssertStatusAsync(HttpStatusCode.Redirect);

        using var reused = await client.GetAsync(link.PathAndQuery);
        await reused.AssertStatusAsync(HttpStatusCode.BadRequest);
        using var tampered = await client.GetAsync("/account/setup?token=" + Uri.EscapeDataString(token[..^4] + "AAAA"));
        await tampered.AssertStatusAsync(HttpStatusCode.BadRequest);

        using var signedIn = await client.SignInAsync("han.zhao@sjtu.test", "plum blossoms in early spring");
        await signedIn.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/2fa?suggest=true", signedIn.Headers.Location?.OriginalString);
    }
}
