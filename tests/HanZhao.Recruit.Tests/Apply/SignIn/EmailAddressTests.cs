using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Tests.Apply.SignIn;

/// <summary>
/// The one rule for email addresses (Platform/Forms/EmailAddresses.cs), through the applicant's sign-in:
/// an address is either refused up front with a message, or normalized, sent a link, and the link signs
/// in. Never a link that cannot work.
/// </summary>
public class EmailAddressTests(SignInAppFactory app) : IClassFixture<SignInAppFactory>
{
    /// <summary>What is typed and the address the link goes to ("{id}" makes each run's address new).</summary>
    public static TheoryData<string, string> Accepted => new()
    {
        { "li-{id}@bücher.example", "li-{id}@xn--bcher-kva.example" },
        { "li-{id}@例え.jp", "li-{id}@xn--r8jz45g.jp" },
        { "li-{id}@example.org.", "li-{id}@example.org" },
        { "Li.Ming-{id}@EXAMPLE.Org", "Li.Ming-{id}@example.org" },
        { "  li+apply-{id}@mail.example.org \t", "li+apply-{id}@mail.example.org" },
        // A Chinese keyboard's full stop, and full-width Latin letters, are what IDNA maps them to.
        { "li-{id}@example。org", "li-{id}@example.org" },
        { "li-{id}@ＥＸＡＭＰＬＥ.org", "li-{id}@example.org" },
    };

    /// <summary>What is typed and (part of) the message beside the field.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "li@exаmple.org", "mixes letters of different alphabets" }, // a Cyrillic а
        { "li@ехаmple.org", "mixes letters of different alphabets" }, // Cyrillic е, х, а
        { "li@exαmple.org", "mixes letters of different alphabets" }, // a Greek α
        { "\"li\"@example.org", "can only have Latin letters, digits and . _ + -" },
        { "\"li ming\"@example.org", "Enter a valid email address" },
        { "o'brien@example.org", "can only have Latin letters, digits and . _ + -" },
        { "李明@example.org", "can only have Latin letters, digits and . _ + -" },
        { "li@bad_domain.org", "Enter a valid email address" },
        { "li@[127.0.0.1]", "Enter a valid email address" },
        { "li@127.0.0.1", "Enter a valid email address" },
        { "li..ming@example.org", "Enter a valid email address" },
        { ".li@example.org", "Enter a valid email address" },
        { "li@example..org", "Enter a valid email address" },
        { "li@example.org..", "Enter a valid email address" },
        { "li@-example.org", "Enter a valid email address" },
        { new string('a', 65) + "@example.org", "Enter a valid email address" },
    };

    private static string Fresh(string template, string id) => template.Replace("{id}", id, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task An_address_the_rule_accepts_is_normalized_and_its_emailed_link_signs_in(string typed, string expected)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        (typed, expected) = (Fresh(typed, id), Fresh(expected, id));
        using var client = app.CreateHttpsClient();

        using var requested = await client.RequestLinkAsync(typed);

        await requested.AssertStatusAsync(HttpStatusCode.Redirect);
        var link = await app.LatestLinkAsync(expected);
        using (var continuePage = await client.GetAsync(link.PathAndQuery))
        {
            await continuePage.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var confirmed = await client.UseLinkAsync(link);
        await confirmed.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(expected.ToLowerInvariant(), await client.WhoAmIAsync());
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_address_the_rule_refuses_gets_its_message_and_no_link_or_email(string typed, string message)
    {
        using var client = app.CreateHttpsClient();
        var before = await app.CountsAsync();

        using var response = await client.RequestLinkAsync(typed);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task The_refusal_is_in_chinese_for_a_chinese_visitor()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.RequestLinkAsync("li@exаmple.org", page: "/apply/signin?culture=zh-CN");

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("混用了不同字母表", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{local}@{domain}.")]
    [InlineData("{local}@{DOMAIN}")]
    [InlineData("  {LOCAL}@{DOMAIN}.  ")]
    public async Task The_professors_address_written_another_way_is_the_staff_address_and_never_becomes_an_applicant(string variant)
    {
        var (local, domain) = ($"prof-{Guid.NewGuid():N}"[..17], "hanzhao-lab.example.org");
        var professor = await app.CreateUserAsync($"{local}@{domain}", Roles.Professor, password: "a long enough staff password");
        var typed = variant.Replace("{local}", local, StringComparison.Ordinal).Replace("{LOCAL}", local.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace("{domain}", domain, StringComparison.Ordinal).Replace("{DOMAIN}", domain.ToUpperInvariant(), StringComparison.Ordinal);
        var sentTo = typed.Trim().TrimEnd('.').Split('@')[0] + "@" + domain;
        using var client = app.CreateHttpsClient();
        var users = (await app.CountsAsync()).Users;

        using var requested = await client.RequestLinkAsync(typed);
        await requested.AssertStatusAsync(HttpStatusCode.Redirect); // the same answer as for anyone
        using var response = await client.UseLinkAsync(await app.LatestLinkAsync(sentTo));

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("belongs to a staff account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("anonymous", await client.WhoAmIAsync());
        Assert.Equal(users, (await app.CountsAsync()).Users);
        await using var db = app.CreateDbContext();
        Assert.False(await db.EmailMessages.AnyAsync(m => m.ToAddress == typed || m.ToAddress == typed.Trim()));
        using var scope = app.Services.CreateScope();
        Assert.Equal([Roles.Professor], await scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>().GetRolesAsync(professor));
    }

    [Fact]
    public void Every_character_an_accepted_address_can_hold_is_one_identity_allows_in_a_user_name()
    {
        var allowed = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.User.AllowedUserNameCharacters;

        Assert.All(EmailAddresses.LocalPartCharacters + "@abcdefghijklmnopqrstuvwxyz0123456789-.", c => Assert.Contains(c, allowed));
    }
}
