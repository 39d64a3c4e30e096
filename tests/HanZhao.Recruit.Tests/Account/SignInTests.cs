using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Account;

public class StaffSignInTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    private const string Password = "a quiet walk along the bund";

    private static string NewAddress(string name = "reviewer") => $"{name}-{Guid.NewGuid():N}@recruit.test";

    [Fact]
    public async Task Bootstrap_with_config_creates_a_professor_who_can_sign_in_and_is_asked_to_set_up_an_authenticator()
    {
        var professor = await app.FindUserAsync(StaffAppFactory.ProfessorEmail);
        using (var scope = app.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>().IsInRoleAsync(professor, Roles.Professor));
        }

        using var client = app.CreateHttpsClient();
        using var signedIn = await client.SignInAsync(StaffAppFactory.ProfessorEmail, StaffAppFactory.ProfessorPassword);

        await signedIn.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/2fa?suggest=true", signedIn.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync("/account/2fa?suggest=true");
        Assert.Contains("Set up an authenticator app", page, StringComparison.Ordinal);
        Assert.Contains("noindex", page, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "SignIn" && a.UserId == professor.Id));
    }

    [Fact]
    public async Task The_sign_in_form_posts_with_an_antiforgery_token_and_is_not_indexed()
    {
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/account/signin");

        Assert.Contains("action=\"/account/signin\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__af\"", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"current-password\"", html, StringComparison.Ordinal);
        Assert.Contains("noindex", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_are_refused()
    {
        using var client = app.CreateHttpsClient();
        using var content = new FormUrlEncodedContent([new("email", StaffAppFactory.ProfessorEmail), new("password", StaffAppFactory.ProfessorPassword)]);

        using var response = await client.PostAsync("/account/signin", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.SetCookie("hz.auth"));
    }

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/account/signin/2fa")]
    [InlineData("/account/signout")]
    [InlineData("/account/signout-everywhere")]
    [InlineData("/account/set-password")]
    [InlineData("/account/setup")]
    [InlineData("/account/2fa/enable")]
    [InlineData("/account/2fa/disable")]
    [InlineData("/account/2fa/recovery-codes")]
    [InlineData("/review/reviewers/invite")]
    [InlineData("/review/reviewers/some-id/disable")]
    public async Task Every_account_post_without_a_token_is_refused_signed_in_or_not(string path)
    {
        using var anonymous = app.CreateHttpsClient();
        using var professor = await app.CreateClientSignedInAsAsync(await app.FindUserAsync(StaffAppFactory.ProfessorEmail));

        using var asAnonymous = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("x", "1")]));
        using var asProfessor = await professor.PostAsync(path, new FormUrlEncodedContent([new("x", "1")]));

        // Staff-only actions send a stranger to sign in before looking at the form; the rest answer 400.
        var staffOnly = path.StartsWith("/review", StringComparison.Ordinal) || path.StartsWith("/account/2fa", StringComparison.Ordinal);
        if (staffOnly)
        {
            Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
            Assert.Equal("/account/signin", asAnonymous.Headers.Location?.AbsolutePath);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, asAnonymous.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, asProfessor.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_sixth_attempt_with_the_right_password_is_refused()
    {
        var email = NewAddress();
        await app.CreateUserAsync(Roles.Reviewer, email, Password);
        using var client = app.CreateHttpsClient();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SignInAsync(email, "not the right password " + i);
            await wrong.AssertStatusAsync(HttpStatusCode.BadRequest);
        }

        using var right = await client.SignInAsync(email, Password);

        await right.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("After 5 failed attempts, sign-in is blocked for 15 minutes.", await right.BodyAsync(), StringComparison.Ordinal);
        Assert.Null(right.SetCookie("hz.auth"));
        var user = await app.FindUserAsync(email);
        Assert.NotNull(user.LockoutEnd);
        Assert.InRange(user.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == "SignInFailed" && a.Target == email) >= 6);
    }

    [Fact]
    public async Task A_reviewer_signs_in_with_the_right_password_and_lands_on_the_dashboard()
    {
        var email = NewAddress();
        await app.CreateUserAsync(Roles.Reviewer, email, Password);
        using var client = app.CreateHttpsClient();

        using var response = await client.SignInAsync(email, Password);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/review", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.SetCookie("hz.auth"));
        using var account = await client.GetAsync("/account/2fa");
        await account.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Applicants_and_unknown_addresses_get_the_same_refusal()
    {
        var applicant = NewAddress("applicant");
        await app.CreateUserAsync(Roles.Applicant, applicant);
        using var client = app.CreateHttpsClient();

        using var asApplicant = await client.SignInAsync(applicant, Password);
        using var unknown = await client.SignInAsync(NewAddress("nobody"), Password);

        await asApplicant.AssertStatusAsync(HttpStatusCode.BadRequest);
        await unknown.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(AccountMessages.SignInFailed, await asApplicant.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains(AccountMessages.SignInFailed, await unknown.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var email = NewAddress();
        await app.CreateUserAsync(Roles.Reviewer, email, Password);
        using var client = app.CreateHttpsClient();
        using var _ = await client.SignInAsync(email, Password);

        using var signedOut = await client.PostAsync("/account/2fa", "/account/signout");
        using var after = await client.GetAsync("/account/2fa");

        await signedOut.AssertStatusAsync(HttpStatusCode.Redirect);
        await after.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.StartsWith("/account/signin", after.Headers.Location?.AbsolutePath ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_another_sessions_cookie()
    {
        var email = NewAddress();
        await app.CreateUserAsync(Roles.Reviewer, email, Password);
        using var laptop = app.CreateHttpsClient();
        using var phone = app.CreateHttpsClient();
        using var a = await laptop.SignInAsync(email, Password);
        using var b = await phone.SignInAsync(email, Password);
        using var before = await phone.GetAsync("/account/2fa");
        await before.AssertStatusAsync(HttpStatusCode.OK);

        using var everywhere = await laptop.PostAsync("/account/2fa", "/account/signout-everywhere");
        using var after = await phone.GetAsync("/account/2fa");

        await everywhere.AssertStatusAsync(HttpStatusCode.Redirect);
        await after.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("/account/signin", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_pages_send_anonymous_visitors_to_the_staff_sign_in()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/account/2fa");

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("/account/signin", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}

public class StaffSignInRateLimitTests(StaffRateLimitAppFactory app) : IClassFixture<StaffRateLimitAppFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_client_get_429()
    {
        using var client = app.CreateHttpsClient();
        for (var i = 0; i < StaffRateLimitAppFactory.Limit; i++)
        {
            using var allowed = await client.SignInAsync($"nobody{i}@recruit.test", "some password that is long");
            await allowed.AssertStatusAsync(HttpStatusCode.BadRequest);
        }

        using var limited = await client.SignInAsync("nobody@recruit.test", "some password that is long");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }
}
