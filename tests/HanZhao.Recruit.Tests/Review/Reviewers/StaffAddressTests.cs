using System.Net;
using HanZhao.Recruit.Tests.Account;
using HanZhao.Recruit.Web.Account;
using HanZhao.Recruit.Web.Platform.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Review.Reviewers;

/// <summary>
/// The one rule for email addresses (Platform/Forms/EmailAddresses.cs) on the staff side: co-reviewer
/// invitations and the professor's sign-in. An accepted address is stored normalized and works however
/// it is written; a refused one creates nothing and sends nothing.
/// </summary>
public class StaffAddressTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    private const string Password = "lanterns along the suzhou creek";

    private static string Fresh(string template, string id) => template.Replace("{id}", id, StringComparison.Ordinal);

    [Theory]
    [InlineData("co-{id}@bücher.example", "co-{id}@xn--bcher-kva.example")]
    [InlineData(" Co-{id}@RECRUIT.Test. ", "Co-{id}@recruit.test")]
    public async Task An_invited_address_is_normalized_and_the_co_reviewer_signs_in_with_it_as_first_typed(string typed, string expected)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        (typed, expected) = (Fresh(typed, id), Fresh(expected, id));
        using var professor = await app.CreateClientSignedInAsAsync(await app.FindUserAsync(StaffAppFactory.ProfessorEmail));

        using var invited = await professor.PostAsync("/review/reviewers", "/review/reviewers/invite", ("email", typed), ("displayName", "Dr. Li Wei"));

        await invited.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal(expected, (await app.FindUserAsync(expected)).Email);
        using var invitee = app.CreateHttpsClient();
        using var set = await invitee.UseSetPasswordLinkAsync(await app.InvitationLinkAsync(expected), Password);
        await set.AssertStatusAsync(HttpStatusCode.Redirect);
        using var signedIn = await invitee.SignInAsync(typed, Password);
        await signedIn.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/review", signedIn.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("co@exаmple.org", "mixes letters of different alphabets")]
    [InlineData("o'brien@example.org", "can only have Latin letters, digits and . _ + -")]
    [InlineData("co@example..org", "Enter a valid email address")]
    [InlineData("", "Enter a valid email address.")]
    public async Task An_invitation_to_an_address_the_rule_refuses_is_refused_and_creates_and_sends_nothing(string typed, string message)
    {
        using var professor = await app.CreateClientSignedInAsAsync(await app.FindUserAsync(StaffAppFactory.ProfessorEmail));
        await using var db = app.CreateDbContext();
        var (users, emails) = (await db.Users.CountAsync(), await db.EmailMessages.CountAsync());

        using var response = await professor.PostAsync("/review/reviewers", "/review/reviewers/invite", ("email", typed));

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal((users, emails), (await db.Users.CountAsync(), await db.EmailMessages.CountAsync()));
    }

    [Theory]
    [InlineData("han.zhao@recruit.test.")]
    [InlineData("  han.zhao@RECRUIT.Test ")]
    [InlineData("HAN.ZHAO@recruit.test.")]
    public async Task The_professor_signs_in_with_the_address_written_another_way(string typed)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.SignInAsync(typed, StaffAppFactory.ProfessorPassword);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
    }
}

public class ProfessorSetupAddressTests(UnconfiguredStaffAppFactory app) : IClassFixture<UnconfiguredStaffAppFactory>
{
    private const string Password = "plum blossoms in early spring";

    [Fact]
    public async Task The_set_up_page_refuses_a_look_alike_address_and_stores_the_address_normalized()
    {
        var link = app.Services.GetRequiredService<SiteAddress>().Link(ProfessorSetupLinks.Create(app.Services.GetRequiredService<IDataProtectionProvider>()));
        var token = StaffSteps.ParseQuery(new Uri(link))["token"];
        using var client = app.CreateHttpsClient();

        using var refused = await client.PostAsync(new Uri(link).PathAndQuery, "/account/setup",
            ("token", token), ("email", "han.zhao@sjtu.tеst"), ("password", Password), ("confirmPassword", Password)); // a Cyrillic е
        await refused.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("mixes letters of different alphabets", await refused.BodyAsync(), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync());
        }

        using var created = await client.PostAsync(new Uri(link).PathAndQuery, "/account/setup",
            ("token", token), ("email", " Han.Zhao@SJTU.test. "), ("password", Password), ("confirmPassword", Password));
        await created.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("Han.Zhao@sjtu.test", (await app.FindUserAsync("han.zhao@sjtu.test")).Email);
        using var signedIn = await client.SignInAsync("han.zhao@sjtu.test.", Password);
        await signedIn.AssertStatusAsync(HttpStatusCode.Redirect);
    }
}
