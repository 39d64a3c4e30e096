using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Apply.SignIn;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Account;

/// <summary>
/// The app as configured for production (the session check once a minute), so nothing here is
/// helped by a shorter interval: a session that ends must end at once. Jobs are off (no mail goes out).
/// </summary>
public sealed class SessionAppFactory : RecruitAppFactory
{
    public SessionAppFactory()
    {
        Settings["Jobs:Enabled"] = "false";
        // Every sign-in here comes from the same test client.
        Settings["Recruit:StaffSignIn:ClientPermitLimit"] = "10000";
        Settings["Recruit:SignIn:ClientPermitLimit"] = "10000";
    }
}

/// <summary>ASVS 7.4.1: signing out ends the session on the server, so a copy of the cookie is worthless.</summary>
public class SessionTests(SessionAppFactory app) : IClassFixture<SessionAppFactory>
{
    private const string Password = "a long walk by the huangpu river";

    private static string NewAddress(string name) => $"{name}-{Guid.NewGuid():N}@recruit.test";

    [Fact]
    public async Task A_replayed_staff_cookie_after_sign_out_is_sent_to_sign_in_at_once()
    {
        var (browser, cookie) = await SignedInReviewerAsync(NewAddress("reviewer"));
        using var _ = browser;
        using var thief = Replaying(cookie);
        using (var before = await thief.GetAsync("/review"))
        {
            await before.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var signedOut = await browser.PostAsync("/review", "/account/signout");
        using var replayed = await thief.GetAsync("/review");

        await signedOut.AssertStatusAsync(HttpStatusCode.Redirect);
        await replayed.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/signin", PathOf(replayed));
    }

    [Fact]
    public async Task A_replayed_applicant_cookie_after_sign_out_is_sent_to_sign_in_at_once()
    {
        var (browser, cookie) = await SignedInApplicantAsync(NewAddress("student"));
        using var _ = browser;
        using var thief = Replaying(cookie);
        using (var before = await thief.GetAsync("/applicant"))
        {
            await before.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var signedOut = await browser.PostAsync("/applicant", "/account/signout");
        using var replayed = await thief.GetAsync("/applicant");

        await signedOut.AssertStatusAsync(HttpStatusCode.Redirect);
        await replayed.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/apply/signin", PathOf(replayed));
    }

    [Fact]
    public async Task Signing_out_in_one_browser_leaves_the_same_users_other_browser_signed_in()
    {
        var email = NewAddress("reviewer");
        var (laptop, laptopCookie) = await SignedInReviewerAsync(email);
        var (phone, _) = await SignedInReviewerAsync(email);
        using var __ = laptop;
        using var ___ = phone;

        using var thief = Replaying(laptopCookie);

        using var signedOut = await laptop.PostAsync("/review", "/account/signout");
        using var replayedLaptop = await thief.GetAsync("/review");
        using var stillPhone = await phone.GetAsync("/review");

        await replayedLaptop.AssertStatusAsync(HttpStatusCode.Redirect);
        await stillPhone.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, await SessionsOfAsync(email));
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_user_at_once()
    {
        var email = NewAddress("reviewer");
        var (laptop, laptopCookie) = await SignedInReviewerAsync(email);
        var (phone, phoneCookie) = await SignedInReviewerAsync(email);
        using var __ = laptop;
        using var ___ = phone;
        using var laptopThief = Replaying(laptopCookie);
        using var phoneThief = Replaying(phoneCookie);
        Assert.Equal(2, await SessionsOfAsync(email));

        using var everywhere = await laptop.PostAsync("/review", "/account/signout-everywhere");
        using var onPhone = await phone.GetAsync("/review");
        using var replayedLaptop = await laptopThief.GetAsync("/review");
        using var replayedPhone = await phoneThief.GetAsync("/review");

        await everywhere.AssertStatusAsync(HttpStatusCode.Redirect);
        foreach (var response in new[] { onPhone, replayedLaptop, replayedPhone })
        {
            await response.AssertStatusAsync(HttpStatusCode.Redirect);
            Assert.Equal("/account/signin", PathOf(response));
        }

        Assert.Equal(0, await SessionsOfAsync(email));
    }

    [Fact]
    public async Task An_applicant_signing_out_everywhere_ends_the_other_browsers_session_too()
    {
        var email = NewAddress("student");
        var (laptop, _) = await SignedInApplicantAsync(email);
        var (phone, phoneCookie) = await SignedInApplicantAsync(email);
        using var __ = laptop;
        using var ___ = phone;
        using var thief = Replaying(phoneCookie);

        using var everywhere = await laptop.PostAsync("/applicant", "/account/signout-everywhere");
        using var onPhone = await phone.GetAsync("/applicant");
        using var replayedPhone = await thief.GetAsync("/applicant");

        await everywhere.AssertStatusAsync(HttpStatusCode.Redirect);
        await onPhone.AssertStatusAsync(HttpStatusCode.Redirect);
        await replayedPhone.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/apply/signin", PathOf(replayedPhone));
    }

    [Fact]
    public async Task A_link_used_in_a_browser_where_someone_was_signed_in_starts_a_new_session_that_their_cookie_cannot_open()
    {
        // ASVS 3.2.1: a new session on sign-in. Whoever used the browser before keeps nothing that
        // opens the next person's session (a copied or planted cookie is the classic fixation).
        var (browser, before) = await SignedInApplicantAsync(NewAddress("first"));
        using var _ = browser;
        using var thief = Replaying(before);
        var second = NewAddress("second");
        using (var request = await browser.RequestLinkAsync(second))
        {
            Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        }

        using var confirmed = await browser.UseLinkAsync(await app.LatestLinkAsync(second));
        using var asSecond = await browser.GetAsync("/applicant");
        using var replayed = await thief.GetAsync("/applicant");

        await asSecond.AssertStatusAsync(HttpStatusCode.OK);
        Assert.NotEqual(before, CookieIn(confirmed));
        await replayed.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(1, await SessionsOfAsync(second));
    }

    [Fact]
    public async Task A_staff_member_signing_in_gets_a_session_row_and_signing_out_deletes_it()
    {
        var email = NewAddress("reviewer");
        var (browser, _) = await SignedInReviewerAsync(email);
        using var __ = browser;
        Assert.Equal(1, await SessionsOfAsync(email));

        using var signedOut = await browser.PostAsync("/review", "/account/signout");

        Assert.Equal(0, await SessionsOfAsync(email));
    }

    [Fact]
    public async Task A_session_past_its_lifetime_is_refused_and_the_cleanup_removes_its_row()
    {
        var email = NewAddress("reviewer");
        var (browser, cookie) = await SignedInReviewerAsync(email);
        using var _ = browser;

        // The cookie's own expiry is checked by the handler too; the row's is what a replay cannot forge.
        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            await db.UserSessions.Where(s => s.UserId == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAtUtc, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        }

        using var thief = Replaying(cookie);
        using var replayed = await thief.GetAsync("/review");
        await replayed.AssertStatusAsync(HttpStatusCode.Redirect);

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SecurityCleanup>().DeleteExpiredAsync(CancellationToken.None);
        }

        Assert.Equal(0, await SessionsOfAsync(email));
    }

    /// <summary>A second client that sends only the copied cookie, as an attacker replaying it would.</summary>
    [Fact]
    public async Task A_co_reviewer_disabled_by_the_professor_is_refused_at_once_in_every_browser()
    {
        var email = NewAddress("reviewer");
        var (browser, cookie) = await SignedInReviewerAsync(email);
        using var _ = browser;
        using var thief = Replaying(cookie);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        string id;
        await using (var db = app.CreateDbContext())
        {
            id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }

        using var disabled = await professor.PostAsync("/review/reviewers", $"/review/reviewers/{id}/disable");
        using var mine = await browser.GetAsync("/review");
        using var copied = await thief.GetAsync("/review");

        await disabled.AssertStatusAsync(HttpStatusCode.Redirect);
        await mine.AssertStatusAsync(HttpStatusCode.Redirect);
        await copied.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/signin", PathOf(mine));
        Assert.Equal("/account/signin", PathOf(copied));
        Assert.Equal(0, await SessionsOfAsync(email));
    }

    private HttpClient Replaying(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = RecruitAppFactory.HttpsBaseAddress,
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<(HttpClient Browser, string Cookie)> SignedInReviewerAsync(string email)
    {
        if (!await ExistsAsync(email))
        {
            await SignedInClients.CreateUserAsync(app, Roles.Reviewer, email, Password);
        }

        var browser = app.CreateHttpsClient();
        using var signedIn = await browser.SignInAsync(email, Password);
        await signedIn.AssertStatusAsync(HttpStatusCode.Redirect);
        return (browser, CookieIn(signedIn));
    }

    private async Task<(HttpClient Browser, string Cookie)> SignedInApplicantAsync(string email)
    {
        var browser = app.CreateHttpsClient();
        using (var request = await browser.RequestLinkAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        }

        using var confirmed = await browser.UseLinkAsync(await app.LatestLinkAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return (browser, CookieIn(confirmed));
    }

    /// <summary>Where a redirect goes, without its query; staff are sent to an absolute address, applicants to a relative one.</summary>
    private static string? PathOf(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.AbsolutePath
        : location.OriginalString.Split('?')[0];

    private static string CookieIn(HttpResponseMessage response) =>
        response.SetCookie("hz.auth")?.Split(';')[0] ?? throw new InvalidOperationException("No session cookie was set.");

    private async Task<bool> ExistsAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.AnyAsync(u => u.Email == email);
    }

    private async Task<int> SessionsOfAsync(string email)
    {
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return await db.UserSessions.CountAsync(s => s.UserId == user.Id);
    }
}
