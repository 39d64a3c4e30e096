using System.Net;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.Apply.SignIn;
using HanZhao.Recruit.Web.PublicSite.Interest;
using Microsoft.EntityFrameworkCore;
using HanZhao.Recruit.Web.Platform.Security;

namespace HanZhao.Recruit.Tests.PublicSite.Interest;

public class InterestRegistrationTests(InterestAppFactory app) : IClassFixture<InterestAppFactory>
{
    [Fact]
    public async Task The_form_preselects_the_program_offers_each_route_of_both_programs_and_hides_the_honeypot()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/join/interest?program=Master");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"Master\" required checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"PhD\" required checked", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"NotSure\" selected=\"selected\">Not sure yet</option>", html, StringComparison.Ordinal);
        foreach (var route in AdmissionRoutes.Each)
        {
            Assert.Contains($"<option value=\"{route}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("<optgroup label=\"PhD\">", html, StringComparison.Ordinal);
        Assert.Contains("Direct PhD (直博)", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"f-email\">Email address *</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"f-name\">Your name *</label>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"website\" type=\"text\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"", html, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_is_in_the_visitors_language()
    {
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/join/interest?program=PhD&culture=zh-CN");

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("招生开放时通知我", html, StringComparison.Ordinal);
        Assert.Contains("还不确定", html, StringComparison.Ordinal);
        Assert.Contains("value=\"PhD\" required checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_queues_a_confirmation_in_english_and_stores_only_the_hashes_of_its_links()
    {
        var email = InterestSteps.NewAddress();
        using var client = app.CreateHttpsClient();

        using var response = await client.RegisterAsync(email.ToUpperInvariant(), name: "  Li Lei ", program: "PhD", route: "ApplicationAssessment");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/join/interest/sent", response.Headers.Location?.OriginalString);
        var registration = Assert.Single(await app.RegistrationsAsync(email));
        Assert.Equal("Li Lei", registration.Name);
        Assert.Equal(StudyPrograms.PhD, registration.Program);
        Assert.Equal(AdmissionRoute.ApplicationAssessment, registration.Route);
        Assert.Equal("en", registration.Culture);
        Assert.Null(registration.ConfirmedAtUtc);
        Assert.Null(registration.UnsubscribedAtUtc);
        var message = Assert.Single(await app.EmailsAsync(email, InterestSteps.Confirmation));
        Assert.Equal("en", message.Culture);
        Assert.Equal("Confirm your registration with Han Zhao's group", message.Subject);
        Assert.Contains("Dear Li Lei,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("opens an intake for PhD students", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("The link works for 7 days.", message.TextBody, StringComparison.Ordinal);
        var confirm = InterestSteps.LinkIn(message, InterestEmails.ConfirmPath);
        var unsubscribe = InterestSteps.LinkIn(message, InterestEmails.UnsubscribePath);
        Assert.StartsWith("https://hanzhao.test/join/interest/confirm?token=", confirm.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("https://hanzhao.test/join/interest/unsubscribe?token=", unsubscribe.ToString(), StringComparison.Ordinal);
        Assert.Equal(LinkTokens.Hash(SignInSteps.TokenOf(confirm)), registration.ConfirmTokenHash);
        Assert.Equal(LinkTokens.Hash(SignInSteps.TokenOf(unsubscribe)), registration.UnsubscribeTokenHash);
        Assert.NotEqual(SignInSteps.TokenOf(confirm), registration.ConfirmTokenHash);
        var sent = await client.GetStringAsync("/join/interest/sent");
        Assert.Contains("Check your email", sent, StringComparison.Ordinal);
        Assert.Contains("The link works for 7 days.", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chinese_visitor_gets_the_confirmation_in_chinese()
    {
        var email = InterestSteps.NewAddress();
        using var client = app.CreateHttpsClient();

        using var response = await client.RegisterAsync(email, name: "张伟", program: "Master", route: "Recommended", page: "/join/interest?culture=zh-CN");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("zh-CN", Assert.Single(await app.RegistrationsAsync(email)).Culture);
        var message = Assert.Single(await app.EmailsAsync(email, InterestSteps.Confirmation));
        Assert.Equal("zh-CN", message.Culture);
        Assert.Equal("请确认你在赵涵课题组的招生通知登记", message.Subject);
        Assert.Contains("张伟，你好：", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("开放硕士招生时收到通知", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("退订", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_confirmation_link_changes_nothing_until_the_button_is_pressed_and_the_link_works_once()
    {
        var email = InterestSteps.NewAddress();
        using var client = app.CreateHttpsClient();
        using (var registered = await client.RegisterAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var link = await app.LatestLinkAsync(email, InterestEmails.ConfirmPath);
        var page = await client.GetStringAsync(link.PathAndQuery);
        Assert.Contains(">Confirm</button>", page, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await app.RegistrationsAsync(email)).ConfirmedAtUtc);

        using var confirmed = await client.UseLinkAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/join/interest/confirmed?program=PhD", confirmed.Headers.Location?.OriginalString);
        var done = WebUtility.HtmlDecode(await client.GetStringAsync(confirmed.Headers.Location!.OriginalString));
        Assert.Contains("We will email you when Han Zhao's group opens an intake for PhD students.", done, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await app.RegistrationsAsync(email)).ConfirmedAtUtc);

        using var again = await client.UseLinkAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This confirmation link is not valid. It may have been used already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_wrong_confirmation_link_gets_the_pages_message_with_400(string token)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.PostFormAsync($"/join/interest/confirm?token={token}", "/join/interest/confirm", [new("token", token)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This link cannot be used", html, StringComparison.Ordinal);
        Assert.Contains("This confirmation link is not valid.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/join/interest\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_token_is_refused_without_being_looked_up()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.PostFormAsync("/join/interest/confirm", "/join/interest/confirm", [new("token", new string('a', 5000))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_confirmation_link_gets_the_pages_message_with_400_and_confirms_nothing()
    {
        var email = InterestSteps.NewAddress();
        using var client = app.CreateHttpsClient();
        using (var registered = await client.RegisterAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var link = await app.LatestLinkAsync(email, InterestEmails.ConfirmPath);
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        using var response = await client.UseLinkAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This confirmation link has expired. Links work for 7 days", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Assert.Single(await app.RegistrationsAsync(email)).ConfirmedAtUtc);
    }

    [Fact]
    public async Task Registering_again_renews_the_registration_with_new_links_instead_of_adding_one()
    {
        var email = InterestSteps.NewAddress();
        using var client = app.CreateHttpsClient();
        using (var first = await client.RegisterAsync(email, name: "Li Lei", route: "DirectPhd"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var firstLink = await app.LatestLinkAsync(email, InterestEmails.ConfirmPath);

        using var second = await client.RegisterAsync(email, name: "Lei Li", route: "MasterToPhd", page: "/join/interest?culture=zh-CN");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var registration = Assert.Single(await app.RegistrationsAsync(email));
        Assert.Equal(("Lei Li", AdmissionRoute.MasterToPhd, "zh-CN"), (registration.Name, registration.Route, registration.Culture));
        var emails = await app.EmailsAsync(email, InterestSteps.Confirmation);
        Assert.Equal(2, emails.Count);
        Assert.Equal("zh-CN", emails[1].Culture);
        var secondLink = InterestSteps.LinkIn(emails[1], InterestEmails.ConfirmPath);
        Assert.NotEqual(firstLink, secondLink);
        using (var old = await client.UseLinkAsync(firstLink))
        {
            Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        }

        using (var current = await client.UseLinkAsync(secondLink))
        {
            Assert.Equal(HttpStatusCode.Redirect, current.StatusCode);
        }

        // The other program is another registration.
        using (var master = await client.RegisterAsync(email, program: "Master"))
        {
            Assert.Equal(HttpStatusCode.Redirect, master.StatusCode);
        }

        Assert.Equal([StudyPrograms.PhD, StudyPrograms.Master], (await app.RegistrationsAsync(email)).OrderBy(r => r.Id).Select(r => r.Program));
    }

    [Fact]
    public async Task New_known_confirmed_and_unsubscribed_addresses_get_the_same_answer_and_page()
    {
        using var client = app.CreateHttpsClient();
        var known = InterestSteps.NewAddress("known");
        using (var registered = await client.RegisterAsync(known))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var confirmed = await client.RegisterAndConfirmAsync(app);
        var unsubscribed = await client.RegisterAndConfirmAsync(app);
        using (var left = await client.UseLinkAsync(await app.LatestLinkAsync(unsubscribed, InterestEmails.UnsubscribePath)))
        {
            Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        }

        var answers = new List<(HttpStatusCode Status, string? Location, string Body, string Page)>();
        foreach (var email in new[] { InterestSteps.NewAddress("new"), known, confirmed, unsubscribed })
        {
            using var response = await client.RegisterAsync(email);
            var location = response.Headers.Location?.OriginalString;
            answers.Add((response.StatusCode, location, await response.Content.ReadAsStringAsync(), InterestSteps.MainOf(await client.GetStringAsync(location ?? "/"))));
        }

        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        Assert.Equal(HttpStatusCode.Redirect, answers[0].Status);
        Assert.Equal("/join/interest/sent", answers[0].Location);
    }

    public static TheoryData<string, string, string, string, string, string> RefusedInputs() => new()
    {
        // field, email, name, program, route, the message beside the field
        { "email", "not an address", "Li Lei", "PhD", "NotSure", "Enter a valid email address" },
        { "email", "", "Li Lei", "PhD", "NotSure", "Enter your email address." },
        { "email", "li@exаmple.org", "Li Lei", "PhD", "NotSure", "mixes letters of different alphabets" },
        { "email", "li\r\nBcc: x@example.org@example.org", "Li Lei", "PhD", "NotSure", "Enter a valid email address" },
        { "name", "{0}", "", "PhD", "NotSure", "Enter your name." },
        { "name", "{0}", new string('名', 101), "PhD", "NotSure", "A name has at most 100 characters." },
        { "name", "{0}", "Li\nLei", "PhD", "NotSure", "Write your name on one line" },
        { "program", "{0}", "Li Lei", "Bachelor", "NotSure", "Choose PhD or Master." },
        { "program", "{0}", "Li Lei", "1", "NotSure", "Choose PhD or Master." },
        { "program", "{0}", "Li Lei", "PhD, Master", "NotSure", "Choose PhD or Master." },
        { "program", "{0}", "Li Lei", "None", "NotSure", "Choose PhD or Master." },
        { "program", "{0}", "Li Lei", "", "NotSure", "Choose PhD or Master." },
        { "route", "{0}", "Li Lei", "PhD", "Astronaut", "Choose one of the routes of the program you chose" },
        { "route", "{0}", "Li Lei", "PhD", "1", "Choose one of the routes of the program you chose" },
        { "route", "{0}", "Li Lei", "PhD", "", "Choose one of the routes of the program you chose" },
        { "route", "{0}", "Li Lei", "PhD", "None", "Choose one of the routes of the program you chose" },
        { "route", "{0}", "Li Lei", "PhD", "Recommended", "Choose one of the routes of the program you chose" },
        { "route", "{0}", "Li Lei", "Master", "DirectPhd", "Choose one of the routes of the program you chose" },
        { "route", "{0}", "Li Lei", "Master", "Recommended, NationalExam", "Choose one of the routes of the program you chose" },
    };

    [Theory]
    [MemberData(nameof(RefusedInputs))]
    public async Task Every_refused_input_gets_400_with_the_form_and_its_message_and_stores_nothing(
        string field, string email, string name, string program, string route, string message)
    {
        var address = InterestSteps.NewAddress("refused");
        email = string.Format(System.Globalization.CultureInfo.InvariantCulture, email, address);
        using var client = app.CreateHttpsClient();
        await using var before = app.CreateDbContext();
        var (registrations, emails) = (await before.InterestRegistrations.CountAsync(), await before.EmailMessages.CountAsync());

        using var response = await client.RegisterAsync(email, name, program, route);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var beside = html[(html.IndexOf($"id=\"e-{field}\">", StringComparison.Ordinal) + field.Length + 8)..];
        Assert.Contains(message, beside[..beside.IndexOf('<', StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/join/interest\"", html, StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.Equal(registrations, await after.InterestRegistrations.CountAsync());
        Assert.Equal(emails, await after.EmailMessages.CountAsync());
    }

    [Fact]
    public async Task A_refused_form_keeps_what_was_typed()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.RegisterAsync("li@example.org", name: new string('x', 101), program: "Master", route: "NationalExam");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("value=\"li@example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Master\" required checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"NationalExam\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bot_filling_the_honeypot_gets_the_same_answer_and_nothing_is_stored_or_sent()
    {
        var email = InterestSteps.NewAddress("bot");
        using var client = app.CreateHttpsClient();

        using var response = await client.RegisterAsync(email, website: "https://spam.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/join/interest/sent", response.Headers.Location?.OriginalString);
        Assert.Empty(await app.RegistrationsAsync(email));
        Assert.Empty(await app.EmailsAsync(email, InterestSteps.Confirmation));
    }

    [Fact]
    public async Task Unsubscribing_needs_the_button_and_a_second_click_is_not_an_error()
    {
        using var client = app.CreateHttpsClient();
        var email = await client.RegisterAndConfirmAsync(app, culture: "zh-CN");
        var link = await app.LatestLinkAsync(email, InterestEmails.UnsubscribePath);

        var page = await client.GetStringAsync(link.PathAndQuery);
        Assert.Contains(">退订</button>", page, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await app.RegistrationsAsync(email)).UnsubscribedAtUtc);

        using var first = await client.UseLinkAsync(link);
        using var second = await client.UseLinkAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/join/interest/unsubscribed", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.NotNull(Assert.Single(await app.RegistrationsAsync(email)).UnsubscribedAtUtc);
        Assert.Contains("We send you no more emails about intakes.", await client.GetStringAsync("/join/interest/unsubscribed?culture=en"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nobody-has-this-token")]
    public async Task A_wrong_unsubscribe_link_gets_the_pages_message_with_400(string token)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.PostFormAsync("/join/interest/unsubscribe", "/join/interest/unsubscribe", [new("token", token)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This unsubscribe link is not valid.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_after_unsubscribing_subscribes_again()
    {
        using var client = app.CreateHttpsClient();
        var email = await client.RegisterAndConfirmAsync(app);
        using (var left = await client.UseLinkAsync(await app.LatestLinkAsync(email, InterestEmails.UnsubscribePath)))
        {
            Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        }

        using (var again = await client.RegisterAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        // Registering again alone does not undo the unsubscribe: anyone can type an address.
        Assert.NotNull(Assert.Single(await app.RegistrationsAsync(email)).UnsubscribedAtUtc);

        using var confirmed = await client.UseLinkAsync(await app.LatestLinkAsync(email, InterestEmails.ConfirmPath));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var registration = Assert.Single(await app.RegistrationsAsync(email));
        Assert.Null(registration.UnsubscribedAtUtc);
        Assert.NotNull(registration.ConfirmedAtUtc);
    }
}
