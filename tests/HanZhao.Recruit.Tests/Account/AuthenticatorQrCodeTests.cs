using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Account;

namespace HanZhao.Recruit.Tests.Account;

public partial class AuthenticatorQrCodeTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    [Fact]
    public async Task The_set_up_page_shows_a_qr_code_of_the_otpauth_address_beside_the_key_without_script()
    {
        var email = $"qr-{Guid.NewGuid():N}@recruit.test";
        using var client = await app.CreateClientSignedInAsAsync(await app.CreateUserAsync(Roles.Reviewer, email));

        var page = await client.GetStringAsync("/account/2fa");

        var key = StaffSteps.SharedKeyIn(page);
        var uri = WebUtility.HtmlDecode(AuthenticatorUri().Match(page).Groups[1].Value);
        Assert.Equal($"otpauth://totp/Han%20Zhao%20Lab:{Uri.EscapeDataString(email)}?secret={key}&issuer=Han%20Zhao%20Lab&digits=6&period=30", uri);
        var code = QrCode().Match(page);
        Assert.True(code.Success, "no QR code on the page");
        // The image is the address rendered: the same address gives the same SVG, another address another.
        Assert.Equal(AuthenticatorQrCode.Svg(uri), code.Groups["svg"].Value);
        // Another key (its first letter changed; never to itself, which would be the same address).
        var other = (key[0] == 'A' ? "B" : "A") + key[1..];
        Assert.NotEqual(AuthenticatorQrCode.Svg(uri.Replace(key, other, StringComparison.Ordinal)), code.Groups["svg"].Value);
        Assert.Contains("<svg", code.Groups["svg"].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", code.Groups["svg"].Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", code.Groups["svg"].Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("aria-label=\"QR code of the authenticator set-up address\"", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<code id="authenticator-uri">([^<]+)</code>""")]
    private static partial Regex AuthenticatorUri();

    [GeneratedRegex("""<div class="qr-code" role="img" aria-label="[^"]+" data-qr-code>(?<svg>.*?</svg>)</div>""", RegexOptions.Singleline)]
    private static partial Regex QrCode();
}
