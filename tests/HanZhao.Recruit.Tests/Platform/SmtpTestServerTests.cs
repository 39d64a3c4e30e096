using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HanZhao.Recruit.Tests.Platform;

public class SmtpTestServerTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>
{
    [Fact]
    public async Task A_message_sent_through_MailKit_is_read_back_from_the_test_server()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Recruit", "noreply@recruit.test"));
        message.To.Add(new MailboxAddress("赵涵", "hanzhao@recruit.test"));
        message.Subject = "申请已收到 · Application received";
        message.Body = new BodyBuilder { TextBody = "Reference HZ-2026-00042", HtmlBody = "<p>Reference <b>HZ-2026-00042</b></p>" }.ToMessageBody();

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }

        var received = Assert.Single(await smtp.WaitForMessagesToAsync("hanzhao@recruit.test"));
        Assert.Equal("申请已收到 · Application received", received.Subject);
        Assert.Equal("赵涵", received.To.Mailboxes.Single().Name);
        Assert.Contains("HZ-2026-00042", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("<b>HZ-2026-00042</b>", received.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_server_refuses_connections_and_comes_back_on_the_same_port()
    {
        var port = smtp.Port;
        await smtp.StopAsync();
        try
        {
            using var client = new SmtpClient();
            await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(
                () => client.ConnectAsync(smtp.Host, port, SecureSocketOptions.None));
        }
        finally
        {
            await smtp.StartAsync();
        }

        Assert.Equal(port, smtp.Port);
        using var again = new SmtpClient();
        await again.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
        Assert.True(again.IsConnected);
        await again.DisconnectAsync(quit: true);
    }
}

public sealed class SmtpTestServerRejectionTests() : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = SmtpTestServer.Rejecting("^bounce@");

    public Task InitializeAsync() => _smtp.InitializeAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task A_rejected_recipient_gets_a_permanent_550()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("noreply@recruit.test"));
        message.To.Add(MailboxAddress.Parse("bounce@recruit.test"));
        message.Subject = "Will bounce";
        message.Body = new TextPart("plain") { Text = "x" };

        using var client = new SmtpClient();
        await client.ConnectAsync(_smtp.Host, _smtp.Port, SecureSocketOptions.None);
        var error = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(message));

        Assert.Equal(SmtpStatusCode.MailboxUnavailable, error.StatusCode);
        Assert.Empty(_smtp.Messages());
    }
}
