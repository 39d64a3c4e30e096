using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Apply.SignIn;

public class SignInTests(SignInAppFactory app) : IClassFixture<SignInAppFactory>
{
    private static string NewAddress(string name = "student") => $"{name}-{Guid.NewGuid():N}@example.com";

    // How Identity normalizes an address, and how SignInLink stores it.
    private static string Upper(string email) => email.ToUpperInvariant();

    [Fact]
    public async Task The_form_asks_for_an_email_hides_the_honeypot_and_is_not_indexed()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/apply/signin?returnPath=%2Fapply%3Fintake%3D2026.09");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<label for=\"email\">Email address</label>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"website\" type=\"text\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"visually-hidden\" aria-hidden=\"true\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnPath\" value=\"/apply?intake=2026.09\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__af\"", html, StringComparison.Ordinal);
        Assert.Contains("noindex", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_is_in_the_visitors_language()
    {
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/apply/signin?culture=zh-CN");

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("登录以申请", html, StringComparison.Ordinal);
        Assert.Contains("邮箱地址", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_queues_an_email_with_a_link_that_signs_in_and_lands_on_the_return_path()
    {
        var email = NewAddress();
        using var client = app.CreateHttpsClient();

        using var requested = await client.RequestLinkAsync(email, returnPath: "/apply?intake=2026.09&program=PhD");

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Equal("/apply/signin/sent", requested.Headers.Location?.OriginalString);
        var sent = await client.GetStringAsync("/apply/signin/sent");
        Assert.Contains("Check your email", sent, StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            var message = await db.EmailMessages.SingleAsync(m => m.ToAddress == email);
            // Queued as Pending in the outbox; the background sender may already have sent it.
            Assert.True(message.Status is EmailStatus.Pending or EmailStatus.Sent, $"status {message.Status}");
            Assert.Equal(email, message.ToAddress);
            Assert.Equal("SignInLink", message.Kind);
            Assert.Equal("en", message.Culture);
            Assert.Equal("Your sign-in link", message.Subject);
            Assert.Contains("expires in 15 minutes and works once", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("href=\"https://hanzhao.test/apply/signin/confirm?token=", message.HtmlBody, StringComparison.Ordinal);

            var link = await db.SignInLinks.SingleAsync(l => l.NormalizedEmail == Upper(email));
            Assert.Equal("/apply?intake=2026.09&program=PhD", link.ReturnPath);
            Assert.Null(link.UsedAtUtc);
            Assert.InRange(link.ExpiresAtUtc - link.CreatedAtUtc, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));
            Assert.Matches("^[0-9a-f]{64}$", link.TokenHash);
        }

        var url = await app.LatestLinkAsync(email);
        Assert.StartsWith("https://hanzhao.test/apply/signin/confirm?token=", url.ToString(), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            // Only the hash is stored, never the token.
            Assert.False(await db.SignInLinks.AnyAsync(l => l.TokenHash == SignInSteps.TokenOf(url)));
        }

        var continuePage = await client.GetStringAsync(url.PathAndQuery);
        Assert.Contains(">Continue</button>", continuePage, StringComparison.Ordinal);
        Assert.Equal("anonymous", await client.WhoAmIAsync()); // opening the link alone signs nobody in

        using var confirmed = await client.UseLinkAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/apply?intake=2026.09&program=PhD", confirmed.Headers.Location?.OriginalString);
        var cookie = confirmed.SetCookie("hz.auth");
        Assert.NotNull(cookie);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // a session cookie
        Assert.Equal(email, await client.WhoAmIAsync());

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.Equal(email, user.UserName);
        Assert.True(user.EmailConfirmed);
        Assert.Equal("en", user.PreferredCulture);
        Assert.Equal([Roles.Applicant], await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task A_chinese_visitor_gets_the_email_in_chinese_and_the_account_remembers_it()
    {
        var email = NewAddress();
        using var client = app.CreateHttpsClient();

        using var requested = await client.RequestLinkAsync(email, page: "/apply/signin?culture=zh-CN");

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            var message = await db.EmailMessages.SingleAsync(m => m.ToAddress == email);
            Assert.Equal("zh-CN", message.Culture);
            Assert.Equal("你的登录链接", message.Subject);
            Assert.Contains("链接 15 分钟内有效，且只能使用一次。", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("lang=\"zh-CN\"", message.HtmlBody, StringComparison.Ordinal);
        }

        using var confirmed = await client.UseLinkAsync(await app.LatestLinkAsync(email));

        Assert.Equal("/applicant", confirmed.Headers.Location?.OriginalString);
        await using var check = app.CreateDbContext();
        Assert.Equal("zh-CN", (await check.Users.SingleAsync(u => u.NormalizedEmail == Upper(email))).PreferredCulture);
    }

    [Fact]
    public async Task The_same_link_a_second_time_is_refused_as_already_used_and_changes_nothing()
    {
        var email = NewAddress();
        using var client = app.CreateHttpsClient();
        await client.RequestLinkAsync(email);
        var link = await app.LatestLinkAsync(email);
        using var first = await client.UseLinkAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await using var db = app.CreateDbContext();
        var usedAt = (await db.SignInLinks.SingleAsync(l => l.NormalizedEmail == Upper(email))).UsedAtUtc;
        var before = await app.CountsAsync();

        using var other = app.CreateHttpsClient();
        using var second = await other.UseLinkAsync(link);

        await second.AssertStatusAsync(HttpStatusCode.BadRequest);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("already been used", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/apply/signin\"", html, StringComparison.Ordinal);
        Assert.Equal("anonymous", await other.WhoAmIAsync());
        Assert.Equal(before, await app.CountsAsync());
        await using var after = app.CreateDbContext();
        Assert.Equal(usedAt, (await after.SignInLinks.SingleAsync(l => l.NormalizedEmail == Upper(email))).UsedAtUtc);
    }

    [Fact]
    public async Task Two_simultaneous_clicks_on_one_link_sign_in_only_once()
    {
        var email = NewAddress();
        using var client = app.CreateHttpsClient();
        await client.RequestLinkAsync(email);
        var link = await app.LatestLinkAsync(email);
        using var a = app.CreateHttpsClient();
        using var b = app.CreateHttpsClient();
        var tokenA = await a.GetAntiforgeryTokenAsync(link.PathAndQuery);
        var tokenB = await b.GetAntiforgeryTokenAsync(link.PathAndQuery);

        var responses = await Task.WhenAll(
            a.PostAsync("/apply/signin/confirm", new FormUrlEncodedContent([new("token", SignInSteps.TokenOf(link)), new(HtmlForms.AntiforgeryField, tokenA)])),
            b.PostAsync("/apply/signin/confirm", new FormUrlEncodedContent([new("token", SignInSteps.TokenOf(link)), new(HtmlForms.AntiforgeryField, tokenB)])));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_400()
    {
        var email = NewAddress();
        using var client = app.CreateHttpsClient();
        await client.RequestLinkAsync(email);
        var link = await app.LatestLinkAsync(email);
        await using (var db = app.CreateDbContext())
        {
            await db.SignInLinks.Where(l => l.NormalizedEmail == Upper(email))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtUtc, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        }

        using var response = await client.UseLinkAsync(link);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("anonymous", await client.WhoAmIAsync());
        await using var check = app.CreateDbContext();
        Assert.False(await check.Users.AnyAsync(u => u.NormalizedEmail == Upper(email)));
    }

    public static TheoryData<string> GarbledTokens => new()
    {
        "not-a-token",
        "",
        new string('a', 5000),
        "%00%0d%0a<script>",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    };

    [Theory]
    [MemberData(nameof(GarbledTokens))]
    public async Task An_unknown_or_garbled_token_is_refused_with_400_never_500(string token)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.PostFormAsync("/apply/signin/confirm?token=x", "/apply/signin/confirm", [new("token", token)]);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("This sign-in link is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_link_with_an_overlong_token_shows_the_page_and_uses_nothing()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/apply/signin/confirm?token=" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_link_for_another_address_signs_in_as_that_address_not_the_current_one()
    {
        var first = NewAddress("first");
        var second = NewAddress("second");
        using var client = app.CreateHttpsClient();
        await client.RequestLinkAsync(first);
        await client.RequestLinkAsync(second);
        using var signedIn = await client.UseLinkAsync(await app.LatestLinkAsync(first));
        Assert.Equal(first, await client.WhoAmIAsync());

        using var response = await client.UseLinkAsync(await app.LatestLinkAsync(second));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(second, await client.WhoAmIAsync());
    }

    public static TheoryData<string, string> InvalidEmails => new()
    {
        { "", "Enter your email address." },
        { "not-an-email", "Enter a valid email address" },
        { "a@b", "Enter a valid email address" },
        { "Someone <someone@example.com>", "Enter a valid email address" },
        { new string('a', 288) + "@example.com", "at most 254 characters" },
        { "victim@example.com\r\nBcc: everyone@example.com", "Enter a valid email address" },
        { "victim@example.com\nBcc:everyone@example.com", "Enter a valid email address" },
    };

    [Theory]
    [MemberData(nameof(InvalidEmails))]
    public async Task An_invalid_email_shows_the_form_again_with_a_message_and_stores_nothing(string email, string message)
    {
        using var client = app.CreateHttpsClient();
        var before = await app.CountsAsync();

        using var response = await client.RequestLinkAsync(email, returnPath: "/apply");
        var html = await response.Content.ReadAsStringAsync();

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnPath\" value=\"/apply\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task The_form_comes_back_with_what_was_typed_and_the_message_in_chinese()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.RequestLinkAsync("not-an-email", page: "/apply/signin?culture=zh-CN");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal);
        Assert.Contains("请输入有效的邮箱地址", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_typed_as_the_email_is_shown_encoded()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.RequestLinkAsync("<script>alert(1)</script>");
        var html = await response.Content.ReadAsStringAsync();

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filled_honeypot_gets_the_same_page_and_nothing_is_stored_or_queued()
    {
        var email = NewAddress();
        using var client = app.CreateHttpsClient();
        var before = await app.CountsAsync();

        using var response = await client.RequestLinkAsync(email, website: "https://spam.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/apply/signin/sent", response.Headers.Location?.OriginalString);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_fourth_request_for_one_address_within_15_minutes_is_refused_with_429_and_sends_no_fourth_link()
    {
        var email = NewAddress();
        using var client = app.CreateHttpsClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.RequestLinkAsync(email);
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        // The limit is per address, however it is capitalized.
        using var response = await client.RequestLinkAsync(Upper(email));

        await response.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many sign-in links were requested for this address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(3, await db.SignInLinks.CountAsync(l => l.NormalizedEmail == Upper(email)));
        Assert.Equal(3, await db.EmailMessages.CountAsync(m => m.ToAddress == email));
        Assert.Equal(0, await db.EmailMessages.CountAsync(m => m.ToAddress == Upper(email)));
    }

    [Fact]
    public async Task A_known_and_an_unknown_address_get_identical_responses()
    {
        var known = NewAddress("known");
        var unknown = NewAddress("unknown");
        await app.CreateUserAsync(known, Roles.Applicant);
        using var client = app.CreateHttpsClient();

        using var forKnown = await client.RequestLinkAsync(known);
        using var forUnknown = await client.RequestLinkAsync(unknown);

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(forKnown.Headers.Location, forUnknown.Headers.Location);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        using var client2 = app.CreateHttpsClient(followRedirects: true);
        using var pageKnown = await client2.RequestLinkAsync(known);
        using var pageUnknown = await client2.RequestLinkAsync(unknown);
        Assert.Equal(HttpStatusCode.OK, pageKnown.StatusCode);
        // "Check your email" names the address just typed; apart from it the pages are the same.
        Assert.Equal(
            (await pageKnown.Content.ReadAsStringAsync()).Replace(known, "ADDRESS", StringComparison.Ordinal),
            (await pageUnknown.Content.ReadAsStringAsync()).Replace(unknown, "ADDRESS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        using var client = app.CreateHttpsClient();
        await client.GetAsync("/apply/signin"); // has the cookie, not the field
        var before = await app.CountsAsync();

        using var response = await client.PostAsync("/apply/signin", new FormUrlEncodedContent([new("email", NewAddress())]));
        using var confirm = await client.PostAsync("/apply/signin/confirm", new FormUrlEncodedContent([new("token", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_path_that_is_not_local_is_ignored(string returnPath)
    {
        var email = NewAddress();
        using var client = app.CreateHttpsClient();

        var form = await client.GetStringAsync("/apply/signin?returnPath=" + Uri.EscapeDataString(returnPath));
        Assert.DoesNotContain("name=\"returnPath\"", form, StringComparison.Ordinal);
        await client.RequestLinkAsync(email, returnPath: returnPath);
        using var response = await client.UseLinkAsync(await app.LatestLinkAsync(email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/applicant", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Roles.Professor)]
    [InlineData(Roles.Reviewer)]
    public async Task A_staff_address_cannot_sign_in_by_link(string role)
    {
        var email = NewAddress("staff");
        await app.CreateUserAsync(email, role, password: "a long enough staff password");
        using var client = app.CreateHttpsClient();

        using var requested = await client.RequestLinkAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode); // the same answer as for anyone
        using var response = await client.UseLinkAsync(await app.LatestLinkAsync(email));

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("belongs to a staff account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.SetCookie("hz.auth"));
        Assert.Equal("anonymous", await client.WhoAmIAsync());
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>();
        Assert.Equal([role], await users.GetRolesAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task An_existing_applicant_signs_in_to_the_same_account()
    {
        var email = NewAddress();
        var existing = await app.CreateUserAsync(email, Roles.Applicant);
        using var client = app.CreateHttpsClient();
        var before = await app.CountsAsync();

        await client.RequestLinkAsync(email);
        using var response = await client.UseLinkAsync(await app.LatestLinkAsync(email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(email, await client.WhoAmIAsync());
        Assert.Equal(before.Users, (await app.CountsAsync()).Users);
        await using var db = app.CreateDbContext();
        Assert.Equal(existing.Id, (await db.Users.SingleAsync(u => u.NormalizedEmail == Upper(email))).Id);
    }

    [Fact]
    public async Task The_link_uses_the_configured_public_url()
    {
        await using var configured = new SignInAppFactory();
        configured.Settings["Recruit:PublicUrl"] = "https://recruit.example.edu/";
        var email = NewAddress();
        using var client = configured.CreateHttpsClient();
        // Requests for other host names are refused: the visitor comes to the configured address.
        client.BaseAddress = new Uri("https://recruit.example.edu/");

        await client.RequestLinkAsync(email);

        Assert.StartsWith("https://recruit.example.edu/apply/signin/confirm?token=",
            (await configured.LatestLinkAsync(email)).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_pages_are_not_cached_or_indexed()
    {
        using var client = app.CreateHttpsClient();

        foreach (var path in new[] { "/apply/signin", "/apply/signin/sent", "/apply/signin/confirm?token=abc" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
            Assert.Contains("noindex", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

public sealed class RateLimitedSignInAppFactory : SignInAppFactory
{
    public RateLimitedSignInAppFactory()
    {
        Settings["Recruit:SignIn:ClientPermitLimit"] = "2";
    }
}

public class SignInRateLimitTests(RateLimitedSignInAppFactory app) : IClassFixture<RateLimitedSignInAppFactory>
{
    [Fact]
    public async Task One_client_requesting_links_for_many_addresses_is_stopped_with_429()
    {
        using var client = app.CreateHttpsClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.RequestLinkAsync($"spray-{i}@example.com");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        using var response = await client.RequestLinkAsync("spray-2@example.com");

        await response.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.SignInLinks.CountAsync());
    }
}
