using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Account;

public sealed class ForgotPasswordAppFactory : StaffAppFactory
{
    public ForgotPasswordAppFactory() => Settings["Account:ForgotPassword:PerClient"] = "1000";
}

/// <summary>A tight per-client limit, in its own database.</summary>
public sealed class ForgotPasswordClientLimitAppFactory : StaffAppFactory
{
    public ForgotPasswordClientLimitAppFactory() => Settings["Account:ForgotPassword:PerClient"] = "2";
}

public partial class ForgotPasswordTests(ForgotPasswordAppFactory app) : IClassFixture<ForgotPasswordAppFactory>
{
    private const string Page = "/account/forgot-password";
    private const string NewPassword = "a fresh breeze along the bund";

    [Fact]
    public async Task The_sign_in_page_links_to_it()
    {
        using var client = app.CreateHttpsClient();
        Assert.Contains($"href=\"{Page}\"", await client.GetStringAsync("/account/signin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Known_unknown_applicant_and_disabled_addresses_get_the_same_answer_and_only_enabled_staff_get_a_link()
    {
        var reviewer = await app.CreateUserAsync(Roles.Reviewer, $"fp-{Guid.NewGuid():N}@recruit.test", "an old password that works");
        var disabled = await app.CreateUserAsync(Roles.Reviewer, $"fp-off-{Guid.NewGuid():N}@recruit.test", "an old password that works");
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }

        var answers = new List<string>();
        foreach (var email in new[] { reviewer.Email!, $"nobody-{Guid.NewGuid():N}@recruit.test", applicant.Email!, disabled.Email!, reviewer.Email!.ToUpperInvariant() })
        {
            using var response = await RequestAsync(email);
            await response.AssertStatusAsync(HttpStatusCode.OK);
            answers.Add(Normalize(await response.Content.ReadAsStringAsync(), email));
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("data-sent", answers[0], StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        Assert.Equal(2, await check.EmailMessages.CountAsync(m => m.Kind == EmailCatalogue.PasswordReset.Name && m.ToAddress == reviewer.Email));
        Assert.False(await check.EmailMessages.AnyAsync(m => m.Kind == EmailCatalogue.PasswordReset.Name && (m.ToAddress == applicant.Email || m.ToAddress == disabled.Email)));
        Assert.Equal(2, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.PasswordResetRequested && e.UserId == reviewer.Id));
    }

    [Fact]
    public async Task The_link_sets_a_new_password_once_and_ends_every_session_of_the_account()
    {
        var reviewer = await app.CreateUserAsync(Roles.Reviewer, $"fp-link-{Guid.NewGuid():N}@recruit.test", "an old password that works");
        using var signedIn = await app.CreateClientSignedInAsAsync(reviewer);
        (await signedIn.GetAsync("/review")).EnsureSuccessStatusCode();
        (await RequestAsync(reviewer.Email!)).EnsureSuccessStatusCode();

        await using var db = app.CreateDbContext();
        var email = await db.EmailMessages.SingleAsync(m => m.Kind == EmailCatalogue.PasswordReset.Name && m.ToAddress == reviewer.Email);
        var link = new Uri(ResetLink().Match(email.TextBody).Value);
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal(reviewer.Id, query["userId"]);
        Assert.Contains("设置新密码", email.TextBody, StringComparison.Ordinal);

        using var browser = app.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link.PathAndQuery)).StatusCode);
        KeyValuePair<string, string>[] fields = [new("userId", query["userId"]!), new("token", query["token"]!), new("password", NewPassword), new("confirmPassword", NewPassword)];
        using var set = await browser.PostFormAsync(link.PathAndQuery, "/account/set-password", fields);
        await set.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/signin?passwordSet=true", set.Headers.Location?.OriginalString);

        using var ended = await signedIn.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/account/signin", ended.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        using var again = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        using var withNew = await app.CreateHttpsClient().SignInAsync(reviewer.Email!, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.DoesNotContain("/account/signin", withNew.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fourth_request_for_the_same_address_within_the_hour_is_refused_and_sends_nothing()
    {
        var reviewer = await app.CreateUserAsync(Roles.Reviewer, $"fp-limit-{Guid.NewGuid():N}@recruit.test", "an old password that works");
        for (var i = 0; i < 3; i++)
        {
            (await RequestAsync(reviewer.Email!)).EnsureSuccessStatusCode();
        }

        using var refused = await RequestAsync(reviewer.Email!);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many requests for a new password", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(3, await db.EmailMessages.CountAsync(m => m.Kind == EmailCatalogue.PasswordReset.Name && m.ToAddress == reviewer.Email));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("a@b")]
    public async Task An_address_that_is_not_one_is_refused_with_the_form_again(string email)
    {
        using var refused = await RequestAsync(email);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"email-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_address_is_refused()
    {
        using var refused = await RequestAsync(new string('a', 5000) + "@recruit.test");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private async Task<HttpResponseMessage> RequestAsync(string email)
    {
        var client = app.CreateHttpsClient();
        return await client.PostFormAsync(Page, Page, [new("email", email)]);
    }

    /// <summary>The page without what differs by request: antiforgery tokens and nonces.</summary>
    internal static string Normalize(string html, string email) =>
        Volatile().Replace(html.Replace(WebUtility.HtmlEncode(email), "EMAIL", StringComparison.Ordinal), "X");

    [GeneratedRegex("""(value|nonce|content)="[A-Za-z0-9_\-+/=:]{20,}" ?""")]
    private static partial Regex Volatile();

    [GeneratedRegex("""https?://[^\s"<>]+/account/set-password\?[^\s"<>]+""")]
    private static partial Regex ResetLink();
}

public class ForgotPasswordClientLimitTests(ForgotPasswordClientLimitAppFactory app) : IClassFixture<ForgotPasswordClientLimitAppFactory>
{
    [Fact]
    public async Task A_client_asking_for_many_addresses_is_limited_too()
    {
        var client = app.CreateHttpsClient();
        for (var i = 0; i < 2; i++)
        {
            (await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("email", $"any-{i}-{Guid.NewGuid():N}@recruit.test")])).EnsureSuccessStatusCode();
        }

        using var refused = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("email", $"any-{Guid.NewGuid():N}@recruit.test")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}
