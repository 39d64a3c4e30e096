using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Tests.Account;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.Reviewers;

public class ReviewerInvitationTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    private const string Password = "autumn leaves in minhang";

    private async Task<HttpClient> ProfessorAsync() =>
        await app.CreateClientSignedInAsAsync(await app.FindUserAsync(StaffAppFactory.ProfessorEmail));

    private static async Task<string> InviteAsync(HttpClient professor)
    {
        var email = $"co-{Guid.NewGuid():N}@recruit.test";
        using var response = await professor.PostAsync("/review/reviewers", "/review/reviewers/invite", ("email", email), ("displayName", "Dr. Li Wei"));
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        return email;
    }

    [Fact]
    public async Task An_invitation_queues_an_email_whose_link_sets_the_password_once()
    {
        using var professor = await ProfessorAsync();
        var email = await InviteAsync(professor);

        await using (var db = app.CreateDbContext())
        {
            var message = await db.EmailMessages.SingleAsync(m => m.ToAddress == email);
            Assert.Equal("Invitation", message.Kind);
            Assert.True(message.Status is EmailStatus.Pending or EmailStatus.Sent or EmailStatus.Failed, $"status {message.Status}");
            Assert.Contains("https://hanzhao.test/account/set-password?userId=", message.TextBody, StringComparison.Ordinal);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ReviewerInvited" && a.Target == email));
        }

        var list = await professor.GetStringAsync("/review/reviewers");
        Assert.Contains(email, list, StringComparison.Ordinal);
        Assert.Contains("Invited", list, StringComparison.Ordinal);

        var link = await app.InvitationLinkAsync(email);
        using var invitee = app.CreateHttpsClient();
        using var set = await invitee.UseSetPasswordLinkAsync(link, Password);
        await set.AssertStatusAsync(HttpStatusCode.Redirect);

        using var reopened = await invitee.GetAsync(link.PathAndQuery);
        await reopened.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("expired or has already been used", await reopened.BodyAsync(), StringComparison.Ordinal);
        var query = StaffSteps.ParseQuery(link);
        using var reused = await invitee.PostAsync("/account/signin", "/account/set-password",
            ("userId", query["userId"]), ("token", query["token"]), ("password", "someone else's password"), ("confirmPassword", "someone else's password"));
        await reused.AssertStatusAsync(HttpStatusCode.BadRequest);

        using var signedIn = await invitee.SignInAsync(email, Password);
        await signedIn.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/review", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_expired_or_tampered_invitation_link_is_refused()
    {
        using var professor = await ProfessorAsync();
        var email = await InviteAsync(professor);
        var user = await app.FindUserAsync(email);
        using var invitee = app.CreateHttpsClient();

        // The token format is right: one made now works ...
        var fresh = await app.ResetTokenCreatedAtAsync(user.Id, DateTimeOffset.UtcNow);
        using var works = await invitee.GetAsync($"/account/set-password?userId={user.Id}&token={Uri.EscapeDataString(fresh)}");
        await works.AssertStatusAsync(HttpStatusCode.OK);

        // ... one made more than 3 days ago does not.
        var old = await app.ResetTokenCreatedAtAsync(user.Id, DateTimeOffset.UtcNow.AddDays(-3).AddMinutes(-1));
        var expired = new Uri(RecruitAppFactory.HttpsBaseAddress, $"/account/set-password?userId={user.Id}&token={Uri.EscapeDataString(old)}");
        using var expiredGet = await invitee.GetAsync(expired.PathAndQuery);
        await expiredGet.AssertStatusAsync(HttpStatusCode.BadRequest);
        using var expiredPost = await invitee.PostAsync("/account/signin", "/account/set-password",
            ("userId", user.Id), ("token", old), ("password", Password), ("confirmPassword", Password));
        await expiredPost.AssertStatusAsync(HttpStatusCode.BadRequest);

        var link = await app.InvitationLinkAsync(email);
        var tampered = link.ToString().Replace("&token=", "&token=AAAA", StringComparison.Ordinal);
        using var tamperedGet = await invitee.GetAsync(new Uri(tampered).PathAndQuery);
        await tamperedGet.AssertStatusAsync(HttpStatusCode.BadRequest);

        Assert.Null((await app.FindUserAsync(email)).PasswordHash);
    }

    [Fact]
    public async Task A_weak_password_is_refused_on_the_set_password_form_and_the_link_still_works()
    {
        using var professor = await ProfessorAsync();
        var email = await InviteAsync(professor);
        var link = await app.InvitationLinkAsync(email);
        using var invitee = app.CreateHttpsClient();

        using var common = await invitee.UseSetPasswordLinkAsync(link, "password1234");
        await common.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("This password is too common. Choose another.", await common.BodyAsync(), StringComparison.Ordinal);
        using var shortOne = await invitee.UseSetPasswordLinkAsync(link, "elevenchars");
        await shortOne.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Use at least 12 characters.", await shortOne.BodyAsync(), StringComparison.Ordinal);

        using var good = await invitee.UseSetPasswordLinkAsync(link, Password);
        await good.AssertStatusAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Inviting_an_existing_address_or_an_invalid_one_is_refused()
    {
        using var professor = await ProfessorAsync();
        var email = await InviteAsync(professor);

        using var twice = await professor.PostAsync("/review/reviewers", "/review/reviewers/invite", ("email", email));
        using var invalid = await professor.PostAsync("/review/reviewers", "/review/reviewers/invite", ("email", "not an address"));

        await twice.AssertStatusAsync(HttpStatusCode.BadRequest);
        await invalid.AssertStatusAsync(HttpStatusCode.BadRequest);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.ToAddress == email));
    }

    [Fact]
    public async Task A_disabled_reviewer_cannot_sign_in_and_their_existing_cookie_stops_working()
    {
        var email = $"co-{Guid.NewGuid():N}@recruit.test";
        var reviewer = await app.CreateUserAsync(Roles.Reviewer, email, Password);
        using var reviewerClient = await app.CreateClientSignedInAsAsync(reviewer);
        using var before = await reviewerClient.GetAsync("/account/2fa");
        await before.AssertStatusAsync(HttpStatusCode.OK);
        using var professor = await ProfessorAsync();

        using var disabled = await professor.PostAsync("/review/reviewers", $"/review/reviewers/{reviewer.Id}/disable");
        await disabled.AssertStatusAsync(HttpStatusCode.Redirect);

        using var after = await reviewerClient.GetAsync("/account/2fa");
        await after.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Contains("/account/signin", after.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var fresh = app.CreateHttpsClient();
        using var signIn = await fresh.SignInAsync(email, Password);
        await signIn.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.True((await app.FindUserAsync(email)).IsDisabled);
        Assert.Contains("Disabled", await professor.GetStringAsync("/review/reviewers"), StringComparison.Ordinal);

        using var enabled = await professor.PostAsync("/review/reviewers", $"/review/reviewers/{reviewer.Id}/enable");
        await enabled.AssertStatusAsync(HttpStatusCode.Redirect);
        using var signInAgain = await fresh.SignInAsync(email, Password);
        await signInAgain.AssertStatusAsync(HttpStatusCode.Redirect);

        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ReviewerDisabled" && a.Target == email));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ReviewerEnabled" && a.Target == email));
    }

    [Fact]
    public async Task A_reviewer_or_an_applicant_cannot_open_the_reviewers_page()
    {
        using var reviewer = await app.CreateClientSignedInAsync(Roles.Reviewer);
        using var applicant = await app.CreateClientSignedInAsync(Roles.Applicant);
        using var anonymous = app.CreateHttpsClient();

        using var asReviewer = await reviewer.GetAsync("/review/reviewers");
        using var asApplicant = await applicant.GetAsync("/review/reviewers");
        using var asAnonymous = await anonymous.GetAsync("/review/reviewers");

        Assert.Contains("/error/403", asReviewer.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Contains("/error/403", asApplicant.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Contains("/account/signin", asAnonymous.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_without_an_antiforgery_token_is_refused()
    {
        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        using var professor = await ProfessorAsync();

        using var response = await professor.PostAsync($"/review/reviewers/{reviewer.Id}/disable", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await app.FindUserAsync(reviewer.Email!)).IsDisabled);
    }
}
