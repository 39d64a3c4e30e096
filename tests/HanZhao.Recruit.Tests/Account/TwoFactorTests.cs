using System.Net;
using HanZhao.Recruit.Data.Identity;

namespace HanZhao.Recruit.Tests.Account;

public class TwoFactorTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    private const string Password = "moonlight over the yangtze";

    private async Task<(string Email, string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync()
    {
        var email = $"totp-{Guid.NewGuid():N}@recruit.test";
        await app.CreateUserAsync(Roles.Reviewer, email, Password);
        using var client = app.CreateHttpsClient();
        using var signedIn = await client.SignInAsync(email, Password);
        await signedIn.AssertStatusAsync(HttpStatusCode.Redirect);

        var page = await client.GetStringAsync("/account/2fa");
        var key = StaffSteps.SharedKeyIn(page);
        Assert.Contains($"otpauth://totp/Han%20Zhao%20Lab:{Uri.EscapeDataString(email)}?secret={key}&amp;issuer=Han%20Zhao%20Lab", page, StringComparison.Ordinal);

        using var wrong = await client.PostAsync("/account/2fa", "/account/2fa/enable", ("code", "000000") );
        await wrong.AssertStatusAsync(HttpStatusCode.BadRequest);

        using var enabled = await client.PostAsync("/account/2fa", "/account/2fa/enable", ("code", Totp.Code(key, DateTimeOffset.UtcNow)));
        await enabled.AssertStatusAsync(HttpStatusCode.OK);
        var codes = StaffSteps.RecoveryCodesIn(await enabled.BodyAsync());
        Assert.Equal(10, codes.Count);
        Assert.True((await app.FindUserAsync(email)).TwoFactorEnabled);

        // Enabling keeps the session that did it.
        using var stillIn = await client.GetAsync("/account/2fa");
        await stillIn.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Recovery codes left: 10", await stillIn.BodyAsync(), StringComparison.Ordinal);
        return (email, key, codes);
    }

    private async Task<HttpClient> PasswordStepAsync(string email)
    {
        var client = app.CreateHttpsClient();
        using var response = await client.SignInAsync(email, Password);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/signin/2fa", response.Headers.Location?.OriginalString);
        Assert.Null(response.SetCookie("hz.auth"));
        return client;
    }

    [Fact]
    public async Task After_enrolment_sign_in_needs_a_code_from_the_authenticator()
    {
        var (email, key, _) = await EnrolAsync();
        using var client = await PasswordStepAsync(email);

        using var wrong = await client.PostAsync("/account/signin/2fa", "/account/signin/2fa", ("code", "123456"));
        await wrong.AssertStatusAsync(HttpStatusCode.BadRequest);
        using var right = await client.PostAsync("/account/signin/2fa", "/account/signin/2fa", ("code", Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30))));

        await right.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/review", right.Headers.Location?.OriginalString);
        using var staffPage = await client.GetAsync("/account/2fa");
        await staffPage.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (email, _, codes) = await EnrolAsync();

        using (var client = await PasswordStepAsync(email))
        {
            using var used = await client.PostAsync("/account/signin/2fa", "/account/signin/2fa", ("recoveryCode", codes[3]));
            await used.AssertStatusAsync(HttpStatusCode.Redirect);
            Assert.Equal("/review", used.Headers.Location?.OriginalString);
        }

        using (var client = await PasswordStepAsync(email))
        {
            using var again = await client.PostAsync("/account/signin/2fa", "/account/signin/2fa", ("recoveryCode", codes[3]));
            await again.AssertStatusAsync(HttpStatusCode.BadRequest);
            using var another = await client.PostAsync("/account/signin/2fa", "/account/signin/2fa", ("recoveryCode", codes[4]));
            await another.AssertStatusAsync(HttpStatusCode.Redirect);
        }
    }

    [Fact]
    public async Task The_code_step_cannot_be_reached_without_the_password_step()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/account/signin/2fa");

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/account/signin", response.Headers.Location?.OriginalString);
    }
}
