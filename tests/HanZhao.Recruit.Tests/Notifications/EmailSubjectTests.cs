using System.Globalization;
using System.Net;
using HanZhao.Recruit.Tests.Apply;
using HanZhao.Recruit.Tests.PublicSite.Contact;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HanZhao.Recruit.Tests.Notifications;

/// <summary>
/// A name a visitor or applicant types never reaches a Subject: header, where an RFC 2047 encoded word
/// ("=?utf-8?q?Eve=0D=0ABcc:...?=") would decode in mail clients to a second header line. Checked on
/// what the real SMTP server received, for every email whose subject used to carry typed text: the
/// contact message and the professor's new-application alert. The name is in the body instead.
/// </summary>
public sealed class EmailSubjectTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private ApplicationFormApp _app = null!;

    public static TheoryData<string> EncodedWords => new()
    {
        "=?utf-8?q?Eve=0D=0ABcc:_everyone@example.com?=",
        "=?utf-8?b?RXZlDQpCY2M6IGV2ZXJ5b25lQGV4YW1wbGUuY29t?=",
        "Li =?ISO-8859-1?Q?Wei=0ABcc:_x@example.com?= Ming",
        "=?utf-8?q?=E6=9D=8E=E6=98=8E?=",
    };

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _app = new ApplicationFormApp();
        _app.Settings["Smtp:Host"] = _smtp.Host;
        _app.Settings["Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture);
        _app.Settings["Recruit:Contact:ClientPermitLimit"] = "10000";
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(EncodedWords))]
    public async Task A_contact_message_keeps_the_visitors_name_out_of_the_subject_and_has_no_bcc(string name)
    {
        using var client = _app.CreateHttpsClient();
        using var sent = await client.SendMessageAsync(name, "eve@example.com", "A message long enough to pass.");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var message = await DeliveredAsync(m => m.ReplyTo.Mailboxes.Any(r => r.Address == "eve@example.com"));

        Assert.Equal("Message from the website's contact form", message.Subject);
        AssertNoInjectedHeader(message);
        Assert.Contains(name, message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EncodedWords))]
    public async Task The_new_application_alert_keeps_the_applicants_name_out_of_the_subject_and_has_no_bcc(string name)
    {
        using var client = await _app.SignedInApplicantAsync($"student-{Guid.NewGuid():N}@example.edu");
        var id = await client.FillCompleteApplicationAsync(_app);
        using (var renamed = await client.SaveStepAsync(id, "personal", [new("FullName", name), new("Phone", "+86 138 0000 0000")], go: "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        using (var submitted = await client.SubmitAsync(id))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        var reference = (await ApplicationFormSteps.LoadAsync(_app, id)).ReferenceNumber;
        var alert = await DeliveredAsync(m => m.To.Mailboxes.Any(t => t.Address == ApplicationFormApp.ProfessorEmail) && (m.TextBody ?? "").Contains(reference!, StringComparison.Ordinal));

        Assert.Equal($"New application {reference}: PhD 2026.09", alert.Subject);
        AssertNoInjectedHeader(alert);
        Assert.Contains(name, alert.TextBody, StringComparison.Ordinal);
    }

    /// <summary>Sends what is due (jobs are off in this app) and returns the one received message that matches.</summary>
    private async Task<MimeMessage> DeliveredAsync(Func<MimeMessage, bool> match)
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().SendDueAsync(CancellationToken.None);
        }

        return Assert.Single(await _smtp.WaitForMessagesAsync(match));
    }

    private static void AssertNoInjectedHeader(MimeMessage message)
    {
        Assert.DoesNotContain("=?", message.Headers[HeaderId.Subject], StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message.Subject ?? "", StringComparison.Ordinal);
        Assert.Empty(message.Bcc);
        Assert.DoesNotContain(message.Headers, h => h.Id == HeaderId.Bcc);
    }
}
