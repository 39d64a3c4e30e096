using System.Net;
using HanZhao.Recruit.Tests.PublicSite;

namespace HanZhao.Recruit.Tests.Apply.SignIn;

/// <summary>
/// "Check your email" (/apply/signin/sent) names the address the link went to, as normalised, and how
/// long the link works; only in the browser that just asked, once, never from anything in the URL.
/// </summary>
public class CheckYourEmailPageTests(SignInAppFactory app) : IClassFixture<SignInAppFactory>
{
    [Fact]
    public async Task The_page_names_the_address_as_normalised_and_how_long_the_link_lasts()
    {
        using var client = app.CreateHttpsClient(followRedirects: true);

        using var response = await client.RequestLinkAsync("  Li.Ming@Example.EDU.  ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<strong class=\"email-address\" data-sent-to>Li.Ming@example.edu</strong>", html, StringComparison.Ordinal);
        Assert.Contains("The link works for 15 minutes, and only once.", PageText.Of(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_address_is_shown_once_and_only_in_the_browser_that_asked()
    {
        var email = $"once-{Guid.NewGuid():N}@example.edu";
        using var asker = app.CreateHttpsClient();
        using var other = app.CreateHttpsClient();
        using (var requested = await asker.RequestLinkAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        }

        var elsewhere = await other.GetStringAsync($"/apply/signin/sent?email={email}");
        var first = await asker.GetStringAsync("/apply/signin/sent");
        var again = await asker.GetStringAsync("/apply/signin/sent");

        // A link that carries an address names nobody: the page reads only what this browser sent.
        Assert.DoesNotContain("data-sent-to", elsewhere, StringComparison.Ordinal);
        Assert.Contains(email, first, StringComparison.Ordinal);
        Assert.DoesNotContain(email, again, StringComparison.Ordinal);
        Assert.Contains("If the address is valid, a sign-in link is on its way to it.", PageText.Of(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_address_leads_to_no_page_that_names_it()
    {
        using var client = app.CreateHttpsClient();

        using var refused = await client.RequestLinkAsync("not an address");
        var sent = await client.GetStringAsync("/apply/signin/sent");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("data-sent-to", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_says_it_in_chinese()
    {
        using var client = app.CreateHttpsClient(followRedirects: true);
        await client.GetAsync("/?culture=zh-CN");

        using var response = await client.RequestLinkAsync("zhang.wei@example.edu");

        var text = PageText.Of(await response.Content.ReadAsStringAsync());
        Assert.Contains("登录链接已发送至 zhang.wei@example.edu", text, StringComparison.Ordinal);
        Assert.Contains("链接在 15 分钟内有效，且只能使用一次。", text, StringComparison.Ordinal);
    }
}
