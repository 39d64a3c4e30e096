using System.Globalization;
using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HanZhao.Recruit.Tests.Letters;

/// <summary>The applicant's portal wired to the SMTP test server; jobs off, so each test sends the outbox when it chooses.</summary>
public sealed class LetterJourneyApp : PortalAppFactory
{
    public LetterJourneyApp(SmtpTestServer smtp)
    {
        Settings["Jobs:Enabled"] = "false";
        Settings["Smtp:Host"] = smtp.Host;
        Settings["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The whole referee journey through real email: the applicant asks, the referee's email arrives over
/// SMTP, its link opens the page, a PDF letter is sent, the applicant's notice arrives (without the
/// letter), the professor reads it on the reader; then, for a referee who stays silent, the reminders
/// the job sends under the test clock, each link working, and the expiry that closes them all.
/// </summary>
public sealed class LetterJourneyTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = ApplicationDrafts.Pdf(4096);

    private readonly SmtpTestServer _smtp = new();
    private LetterJourneyApp _app = null!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _app = new LetterJourneyApp(_smtp);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_letter_travels_from_the_request_email_to_the_reader_and_a_silent_referee_is_reminded_until_the_link_expires()
    {
        var app = _app;
        var applicant = await app.CreateApplicantAsync("zh-CN");
        var application = await app.CreateApplicationAsync(applicant, ApplicationStatus.Submitted, "zh-CN");
        using var client = await app.SignedInClientAsync(applicant);

        // 1. The request, its email, the link, the letter.
        await LetterSteps.NameRefereeAsync(client, application.Id, "Prof. Wang Wei", "prof.wang@zju.example.edu", "Zhejiang University", "en");
        var request = await ReceiveAsync("prof.wang@zju.example.edu");
        Assert.Equal("Letter of recommendation for Li Ming", request.Subject);
        using var referee = app.CreateHttpsClient();
        var link = Link(request);
        Assert.Contains("A letter for Li Ming", PageText.Of(await referee.GetStringAsync(link)), StringComparison.Ordinal);
        using (var sent = await SendPdfAsync(referee, link))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/letters/received", sent.Headers.Location!.OriginalString);
        }

        // 2. The applicant hears of it in their language, without the letter.
        var notice = await ReceiveAsync(applicant.Email!);
        Assert.Equal("已收到一封推荐信", notice.Subject);
        Assert.Contains("Prof. Wang Wei（Zhejiang University）已提交您请求的推荐信", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/applicant/{application.Id}/referees", notice.TextBody, StringComparison.Ordinal);
        Assert.Empty(notice.Attachments);

        // 3. The professor reads it on the reader, beside the documents.
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var reader = await professor.GetStringAsync($"/review/applications/{application.Id}");
        Assert.Contains("data-letters=\"1/1\"", reader, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var id = await db.LetterRequests.Where(r => r.ApplicationId == application.Id).Select(r => r.Id).SingleAsync();
            Assert.Equal(Pdf, await professor.GetByteArrayAsync($"/review/letters/{id}"));
        }

        // 4. A second referee stays silent: reminded after 7 days and 3 days before the deadline, each email with a working link.
        await LetterSteps.NameRefereeAsync(client, application.Id, "Prof. Li Na", "prof.li@fudan.example.edu", "Fudan University", "zh-CN");
        var first = await ReceiveAsync("prof.li@fudan.example.edu");
        var asked = await RequestOfAsync("prof.li@fudan.example.edu");
        Freeze(asked.RequestedAtUtc.AddDays(7));
        await RemindAsync();
        var firstReminder = Assert.Single(await ReceiveAsync("prof.li@fudan.example.edu", count: 2), m => m.TextBody!.Contains("我们尚未收到您的推荐信", StringComparison.Ordinal));
        Assert.Equal("为 Li Ming 撰写推荐信", firstReminder.Subject);
        Assert.Contains("我们尚未收到您的推荐信", firstReminder.TextBody, StringComparison.Ordinal);
        Assert.NotEqual(Link(first), Link(firstReminder));
        Freeze(asked.RequestedAtUtc.AddDays(27));
        await RemindAsync();
        await RemindAsync();
        var reminders = await ReceiveAsync("prof.li@fudan.example.edu", count: 3);
        foreach (var message in reminders)
        {
            Assert.Contains("A letter for Li Ming", PageText.Of(await referee.GetStringAsync(Link(message) + "?culture=en")), StringComparison.Ordinal);
        }

        // 5. The deadline passes: every link says so, the applicant reads "Expired", and no reminder follows.
        Freeze(asked.RequestedAtUtc.AddDays(31));
        await RemindAsync();
        foreach (var message in reminders)
        {
            using var expired = await referee.GetAsync(Link(message) + "?culture=en");
            Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
            Assert.Contains("This letter link has expired.", PageText.Of(await expired.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var late = await app.SignedInClientAsync(applicant);
        Assert.Contains("Prof. Li Na · Fudan University · Expired", PageText.Of(await late.GetStringAsync($"/applicant/{application.Id}/referees?culture=en")), StringComparison.Ordinal);
        Assert.Equal(2, (await RequestOfAsync("prof.li@fudan.example.edu")).RemindersSent);
        Assert.Equal(3, _smtp.Messages().Count(m => m.To.Mailboxes.Any(b => b.Address == "prof.li@fudan.example.edu")));
    }

    private void Freeze(DateTime utc) => _app.Clock.Freeze(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>Sends what the outbox holds, then waits for the messages to <paramref name="address"/>.</summary>
    private async Task<IReadOnlyList<MimeMessage>> ReceiveAsync(string address, int count)
    {
        await Notifications.Outbox.SendDueAsync(_app);
        return [.. (await _smtp.WaitForMessagesToAsync(address, count)).OrderBy(m => m.Date)];
    }

    private async Task<MimeMessage> ReceiveAsync(string address) => (await ReceiveAsync(address, 1))[0];

    private async Task RemindAsync()
    {
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<LetterReminders>().SendDueAsync(CancellationToken.None);
    }

    private async Task<LetterRequest> RequestOfAsync(string referee)
    {
        await using var db = _app.CreateDbContext();
        return await db.LetterRequests.AsNoTracking().SingleAsync(r => r.RefereeEmail == referee);
    }

    /// <summary>The path of the private link in an email's text, as the referee's browser would open it.</summary>
    private static string Link(MimeMessage message) => "/letters/" + LetterSteps.Token(message.TextBody ?? string.Empty);

    private static async Task<HttpResponseMessage> SendPdfAsync(HttpClient client, string link)
    {
        var antiforgery = await client.GetAntiforgeryTokenAsync(link);
        using var form = new MultipartFormDataContent { { new StringContent(antiforgery), HtmlForms.AntiforgeryField } };
        var part = new ByteArrayContent(Pdf);
        part.Headers.ContentType = new("application/pdf");
        form.Add(part, "file", "letter.pdf");
        return await client.PostAsync(link, form);
    }
}
