using System.Net;

namespace HanZhao.Recruit.Tests.PublicSite.Contact;

/// <summary>The contact form takes addresses by the one rule (Platform/Forms/EmailAddresses.cs): the professor's reply goes to the normalized address.</summary>
public class ContactAddressTests(ContactAppFactory app) : IClassFixture<ContactAppFactory>
{
    private const string Message = "I would like to ask about the PhD intake.";

    [Theory]
    [InlineData("li-{id}@bücher.example", "li-{id}@xn--bcher-kva.example")]
    [InlineData(" li-{id}@EXAMPLE.org. ", "li-{id}@example.org")]
    public async Task An_accepted_address_is_normalized_for_the_reply(string typed, string expected)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        using var client = app.CreateHttpsClient();

        using var response = await client.SendMessageAsync("Li Wei", typed.Replace("{id}", id, StringComparison.Ordinal), Message);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(await app.ContactMessagesAsync(), m => m.ReplyTo == expected.Replace("{id}", id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("li@exаmple.org", "mixes letters of different alphabets")]
    [InlineData("\"li\"@example.org", "can only have Latin letters, digits and . _ + -")]
    public async Task A_refused_address_gets_its_message_and_nothing_is_queued(string typed, string message)
    {
        using var client = app.CreateHttpsClient();
        var before = (await app.ContactMessagesAsync()).Count;

        using var response = await client.SendMessageAsync("Li Wei", typed, Message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, (await app.ContactMessagesAsync()).Count);
    }
}
