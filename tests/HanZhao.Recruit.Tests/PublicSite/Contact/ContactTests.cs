using System.Net;
using HanZhao.Recruit.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.PublicSite.Contact;

/// <summary>The app with a professor address and a per-client limit far above what one test class sends.</summary>
public class ContactAppFactory : RecruitAppFactory
{
    public const string Professor = "hanzhao@sjtu.test";

    public ContactAppFactory()
    {
        Settings["Recruit:ProfessorEmail"] = Professor;
        Settings["Recruit:Contact:ClientPermitLimit"] = "10000";
    }
}

public sealed class RateLimitedContactAppFactory : ContactAppFactory
{
    public RateLimitedContactAppFactory()
    {
        Settings["Recruit:Contact:ClientPermitLimit"] = "5";
    }
}

/// <summary>What a browser does on the contact page.</summary>
public static class ContactSteps
{
    public const string FormPath = "/contact";

    public static Task<HttpResponseMessage> SendMessageAsync(
        this HttpClient client, string name, string email, string message, string? website = null, string page = FormPath) =>
        client.PostFormAsync(page, FormPath,
        [
            new("name", name), new("email", email), new("message", message), new("website", website ?? string.Empty),
        ]);

    public static async Task<List<EmailMessage>> ContactMessagesAsync(this RecruitAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.EmailMessages.Where(m => m.Kind == "ContactMessage").ToListAsync();
    }
}

public class ContactTests(ContactAppFactory app) : IClassFixture<ContactAppFactory>
{
    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    [Fact]
    public async Task The_form_asks_for_name_email_and_message_and_hides_the_honeypot()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/contact");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<label for=\"name\">Your name</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">Email address</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"message\">Message</label>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"visually-hidden\" aria-hidden=\"true\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"website\" type=\"text\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__af\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_is_not_cached_and_each_visitor_gets_their_own_token()
    {
        using var first = app.CreateHttpsClient();
        using var second = app.CreateHttpsClient();

        using var response = await first.GetAsync("/contact");
        var tokenA = await first.GetAntiforgeryTokenAsync("/contact");
        var tokenB = await second.GetAntiforgeryTokenAsync("/contact");

        Assert.NotEqual(tokenA, tokenB);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_is_in_chinese_with_culture_zh_CN()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/contact?culture=zh-CN");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("给教授写信", html, StringComparison.Ordinal);
        Assert.Contains("你的姓名", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_homepage_links_to_the_contact_form()
    {
        using var client = app.CreateHttpsClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<a href=\"/contact\">Write to the professor</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_message_queues_exactly_one_email_to_the_professor_and_thanks_the_visitor()
    {
        var text = Unique("I would like to ask about a PhD position in your group.");
        using var client = app.CreateHttpsClient();

        using var response = await client.SendMessageAsync("Li Wei", "li.wei@example.com", text);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/contact/sent", response.Headers.Location?.OriginalString);
        var sent = await client.GetStringAsync("/contact/sent");
        Assert.Contains("Thank you, the professor will reply by email.", sent, StringComparison.Ordinal);

        var message = Assert.Single(await app.ContactMessagesAsync(), m => m.TextBody.Contains(text, StringComparison.Ordinal));
        Assert.Equal(ContactAppFactory.Professor, message.ToAddress);
        Assert.Equal("Message from the website's contact form", message.Subject); // the name is in the body, never a header
        Assert.Equal("li.wei@example.com", message.ReplyTo);
        Assert.True(message.Status is EmailStatus.Pending or EmailStatus.Sent, $"status {message.Status}");
        Assert.Contains("li.wei@example.com", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Li Wei", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(text, message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_in_the_message_is_encoded_in_the_email()
    {
        var text = Unique("Hello <script>alert(1)</script> professor");
        using var client = app.CreateHttpsClient();

        using var response = await client.SendMessageAsync("<b>Bold</b> Name", "x@example.com", text);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(await app.ContactMessagesAsync(), m => m.TextBody.Contains(text, StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bold</b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_in_the_message_is_encoded_on_the_form_shown_again()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.SendMessageAsync("", "x@example.com", "<script>alert(1)</script> hello there");
        var html = await response.Content.ReadAsStringAsync();

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; hello there</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> InvalidForms => new()
    {
        { "", "someone@example.com", "A message long enough to pass.", "Enter your name." },
        { new string('n', 101), "someone@example.com", "A message long enough to pass.", "at most 100 characters" },
        { "Eve\r\nBcc: everyone@example.com", "someone@example.com", "A message long enough to pass.", "on one line" },
        { "Eve\nX", "someone@example.com", "A message long enough to pass.", "on one line" },
        { "Typed Name", "", "A message long enough to pass.", "Enter your email address." },
        { "Typed Name", "not-an-email", "A message long enough to pass.", "Enter a valid email address" },
        { "Typed Name", "victim@example.com\r\nBcc: all@example.com", "A message long enough to pass.", "Enter a valid email address" },
        { "Typed Name", new string('a', 250) + "@example.com", "A message long enough to pass.", "at most 254 characters" },
        { "Typed Name", "someone@example.com", "", "Write your message." },
        { "Typed Name", "someone@example.com", "Too short", "at least 10 characters" },
        { "Typed Name", "someone@example.com", new string('m', 5001), "at most 5,000 characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task An_invalid_form_is_shown_again_with_400_a_message_and_what_was_typed_and_queues_nothing(
        string name, string email, string message, string error)
    {
        using var client = app.CreateHttpsClient();
        var before = (await app.ContactMessagesAsync()).Count;

        using var response = await client.SendMessageAsync(name, email, message);
        var html = await response.Content.ReadAsStringAsync();

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(error, html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        if (name == "Typed Name")
        {
            Assert.Contains("value=\"Typed Name\"", html, StringComparison.Ordinal);
        }

        if (message == "A message long enough to pass.")
        {
            Assert.Contains(">A message long enough to pass.</textarea>", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await app.ContactMessagesAsync()).Count);
    }

    [Fact]
    public async Task The_validation_messages_are_in_chinese_for_a_chinese_visitor()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.SendMessageAsync("", "not-an-email", "short", page: "/contact?culture=zh-CN");
        var html = await response.Content.ReadAsStringAsync();

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请输入你的姓名。", html, StringComparison.Ordinal);
        Assert.Contains("请输入有效的邮箱地址", html, StringComparison.Ordinal);
        Assert.Contains("留言至少需要 10 个字符。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filled_honeypot_gets_the_same_thank_you_and_nothing_is_queued()
    {
        var text = Unique("Buy cheap things at our wonderful shop.");
        using var client = app.CreateHttpsClient();

        using var response = await client.SendMessageAsync("Bot", "bot@example.com", text, website: "https://spam.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/contact/sent", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(await app.ContactMessagesAsync(), m => m.TextBody.Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_queues_nothing()
    {
        using var client = app.CreateHttpsClient();
        await client.GetAsync("/contact"); // has the cookie, not the field
        var text = Unique("A message without a token.");

        using var response = await client.PostAsync("/contact", new FormUrlEncodedContent(
            [new("name", "Someone"), new("email", "someone@example.com"), new("message", text)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await app.ContactMessagesAsync(), m => m.TextBody.Contains(text, StringComparison.Ordinal));
    }
}

public class ContactRateLimitTests(RateLimitedContactAppFactory app) : IClassFixture<RateLimitedContactAppFactory>
{
    [Fact]
    public async Task The_sixth_message_from_one_client_within_the_window_is_refused_with_429()
    {
        using var client = app.CreateHttpsClient();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await client.SendMessageAsync("Li Wei", "li.wei@example.com", $"Message number {i} to the professor.");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        using var response = await client.SendMessageAsync("Li Wei", "li.wei@example.com", "Message number 5 to the professor.");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Too many requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, (await app.ContactMessagesAsync()).Count);
    }
}

public class ContactWithoutProfessorTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task Without_a_professor_address_the_visitor_is_told_with_503_and_keeps_the_text_and_nothing_is_queued()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.SendMessageAsync("Li Wei", "li.wei@example.com", "A message nobody can receive yet.");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Messages cannot be delivered right now", html, StringComparison.Ordinal);
        Assert.Contains(">A message nobody can receive yet.</textarea>", html, StringComparison.Ordinal);
        Assert.Empty(await app.ContactMessagesAsync());
    }
}
