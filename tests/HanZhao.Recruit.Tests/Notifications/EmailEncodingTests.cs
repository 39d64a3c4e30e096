using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HanZhao.Recruit.Tests.Notifications;

/// <summary>
/// What arrives at the real SMTP server, byte for byte: a message any relay can carry (7-bit, every
/// body part encoded) that reads back as the Chinese that was written, from the site's own domain.
/// </summary>
public sealed class EmailEncodingTests : IAsyncLifetime
{
    private const string Heading = "您的申请已收到";
    private const string Paragraph = "感谢您申请赵涵教授课题组的博士研究生。我们会尽快审阅。";
    private const string Subject = "申请已收到 · 赵涵课题组";

    private readonly SmtpTestServer _smtp = new();

    public Task InitializeAsync() => _smtp.StartAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task A_chinese_email_arrives_as_seven_bit_with_every_body_part_encoded_and_reads_back_as_the_same_chinese()
    {
        using var app = Outbox.App(_smtp);
        await QueueChineseAsync(app, "li.lei@recruit.test");

        Assert.Equal(1, await Outbox.SendDueAsync(app));

        var raw = await RawMessageToAsync("li.lei@recruit.test");
        var high = Array.FindIndex(raw, b => b >= 0x80);
        Assert.True(high < 0, $"Byte 0x{(high < 0 ? 0 : raw[high]):x2} at {high}: the message is not 7-bit.");
        using var stream = new MemoryStream(raw);
        var message = await MimeMessage.LoadAsync(stream);
        var parts = message.BodyParts.OfType<MimePart>().ToList();
        Assert.Equal(["text/plain", "text/html"], parts.Select(p => p.ContentType.MimeType));
        Assert.All(parts, part => Assert.Contains(part.ContentTransferEncoding, new[] { ContentEncoding.QuotedPrintable, ContentEncoding.Base64 }));
        Assert.Equal(Subject, message.Subject);
        Assert.Equal("李雷", message.To.Mailboxes.Single().Name);
        Assert.Contains(Heading, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Paragraph, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Paragraph, message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sender_and_message_id_use_the_configured_sender_address()
    {
        using var app = Outbox.App(_smtp);
        app.Settings["Smtp:From"] = "recruit@cs.sjtu.test";
        app.Settings["Recruit:PublicUrl"] = "https://hanzhao.sjtu.test/";
        await QueueChineseAsync(app, "han.mei@recruit.test");

        Assert.Equal(1, await Outbox.SendDueAsync(app));

        var message = Assert.Single(await _smtp.WaitForMessagesToAsync("han.mei@recruit.test"));
        Assert.Equal("recruit@cs.sjtu.test", message.From.Mailboxes.Single().Address);
        Assert.EndsWith("@cs.sjtu.test", message.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_sender_the_sender_and_message_id_use_the_public_urls_domain()
    {
        using var app = Outbox.App(_smtp);
        app.Settings["Recruit:PublicUrl"] = "https://hanzhao.sjtu.test/";
        await QueueChineseAsync(app, "wang.fang@recruit.test");

        Assert.Equal(1, await Outbox.SendDueAsync(app));

        var message = Assert.Single(await _smtp.WaitForMessagesToAsync("wang.fang@recruit.test"));
        Assert.Equal("noreply@hanzhao.sjtu.test", message.From.Mailboxes.Single().Address);
        Assert.EndsWith("@hanzhao.sjtu.test", message.MessageId, StringComparison.Ordinal);
        Assert.DoesNotContain("hanzhao-recruit.local", string.Join('\n', message.Headers.Select(h => h.ToString())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=?utf-8?q?Eve=0D=0ABcc:_spy@evil.example?=")]
    [InlineData("Offer for =?utf-8?b?RXZlDQpCY2M6IHNweUBldmlsLmV4YW1wbGU=?= in 2027")]
    [InlineData("=?iso-8859-1?q?Eve?= =?utf-8?q?=0ABcc:_x@y?=")]
    public async Task A_subject_that_looks_like_an_encoded_word_arrives_as_the_text_written_on_one_line(string subject)
    {
        using var app = Outbox.App(_smtp);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
            db.QueueEmail(new EmailWriter("en").Paragraph("Hello").Build(EmailCatalogue.SubmissionReceived, "eve@recruit.test", null, subject, "Footer"), app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Outbox.SendDueAsync(app));

        var message = Assert.Single(await _smtp.WaitForMessagesToAsync("eve@recruit.test"));
        Assert.Equal(subject, message.Subject);
        Assert.Empty(message.Bcc);
        Assert.DoesNotContain('\n', message.Subject ?? string.Empty);
    }

    private static async Task QueueChineseAsync(RecruitAppFactory app, string to)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
        var draft = new EmailWriter("zh-CN").Heading(Heading).Paragraph(Paragraph)
            .Build(EmailCatalogue.SubmissionReceived, to, "李雷", Subject, "赵涵课题组 · 上海交通大学");
        db.QueueEmail(draft, app.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    /// <summary>The message exactly as the server stored it.</summary>
    private async Task<byte[]> RawMessageToAsync(string address)
    {
        await _smtp.WaitForMessagesToAsync(address);
        var file = Directory.EnumerateFiles(_smtp.MailboxPath, "*.eml")
            .Single(path => MimeMessage.Load(path).To.Mailboxes.Any(m => m.Address == address));
        return await File.ReadAllBytesAsync(file);
    }
}
