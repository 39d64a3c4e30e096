using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Letters;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Letters;

/// <summary>
/// The reminder job under the test clock: 7 days after the request and 3 days before its deadline,
/// at most two, each with a fresh link that opens the same request as the first; never once the
/// request is answered, withdrawn or expired; two runs at once remind once. The applicant reads
/// "Reminded (n)" and, after the deadline, "Expired". Emails stay in the outbox (jobs are off).
/// </summary>
public sealed class LetterReminderTests(LetterRequestApp app) : IClassFixture<LetterRequestApp>
{
    [Fact]
    public async Task A_silent_referee_is_reminded_after_seven_days_and_three_days_before_the_deadline_and_then_no_more()
    {
        var asked = await LetterSteps.AskAsync(app, language: "zh-CN");

        await AtAsync(asked, TimeSpan.FromDays(6.9));
        Assert.Equal(0, await RemindersAsync(asked));
        await AtAsync(asked, TimeSpan.FromDays(7));
        Assert.Equal(1, await RemindersAsync(asked));
        await AtAsync(asked, TimeSpan.FromDays(8));
        Assert.Equal(1, await RemindersAsync(asked));
        await AtAsync(asked, TimeSpan.FromDays(26.9));
        Assert.Equal(1, await RemindersAsync(asked));
        await AtAsync(asked, TimeSpan.FromDays(27));
        Assert.Equal(2, await RemindersAsync(asked));
        await AtAsync(asked, TimeSpan.FromDays(29.9));
        Assert.Equal(2, await RemindersAsync(asked));

        var tokens = await LetterSteps.TokensAsync(app, asked.Referee);
        Assert.Equal(3, tokens.Distinct().Count());
        await using var db = app.CreateDbContext();
        var deadline = ShanghaiTime.Display((await db.LetterRequests.SingleAsync(r => r.Id == asked.RequestId)).ExpiresAtUtc) + " (UTC+8)";
        var reminders = await db.EmailMessages.Where(m => m.ToAddress == asked.Referee && m.Kind == "LetterReminder").ToListAsync();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, m => Assert.Equal("zh-CN", m.Culture));
        Assert.All(reminders, m => Assert.Contains("Li Ming", m.TextBody, StringComparison.Ordinal));
        Assert.All(reminders, m => Assert.Contains(deadline, m.TextBody, StringComparison.Ordinal));
        Assert.All(reminders, m => Assert.Contains("我们尚未收到您的推荐信", m.TextBody, StringComparison.Ordinal));
        using var referee = app.CreateHttpsClient();
        foreach (var token in tokens)
        {
            Assert.Contains("A letter for Li Ming", PageText.Of(await referee.GetStringAsync($"/letters/{token}?culture=en")), StringComparison.Ordinal);
        }

        using var applicant = await app.SignedInClientAsync(asked.Applicant);
        Assert.Contains("Prof. Wang Wei · Zhejiang University · Reminded (2)", PageText.Of(await applicant.GetStringAsync($"/applicant/{asked.ApplicationId}/referees")), StringComparison.Ordinal);

        await AtAsync(asked, TimeSpan.FromDays(30));
        Assert.Equal(2, await RemindersAsync(asked));
        using var late = await app.SignedInClientAsync(asked.Applicant);
        Assert.Contains("Prof. Wang Wei · Zhejiang University · Expired", PageText.Of(await late.GetStringAsync($"/applicant/{asked.ApplicationId}/referees")), StringComparison.Ordinal);
        using var expired = await referee.GetAsync($"/letters/{tokens[^1]}");
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("This letter link has expired.", PageText.Of(await expired.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_reminder_goes_to_a_referee_who_sent_the_letter_declined_or_whose_request_was_withdrawn_or_whose_application_closed()
    {
        var received = await LetterSteps.AskAsync(app);
        var declined = await LetterSteps.AskAsync(app);
        var withdrawn = await LetterSteps.AskAsync(app);
        var closed = await LetterSteps.AskAsync(app);
        using var referee = app.CreateHttpsClient();
        using (var sent = await LetterSteps.SubmitTextAsync(referee, received.Token, "A fine student."))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using (var no = await referee.PostFormAsync($"/letters/{declined.Token}", $"/letters/{declined.Token}/decline", [new("reason", "Too busy.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, no.StatusCode);
        }

        using (var applicant = await app.SignedInClientAsync(withdrawn.Applicant))
        using (var gone = await applicant.PostFormAsync($"/applicant/{withdrawn.ApplicationId}/referees", $"/applicant/{withdrawn.ApplicationId}/referees/{withdrawn.RequestId}/withdraw", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        }

        await using (var db = app.CreateDbContext())
        {
            await db.Applications.Where(a => a.Id == closed.ApplicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Rejected));
        }

        foreach (var days in new[] { 7, 27 })
        {
            await AtAsync(received, TimeSpan.FromDays(days));
            await RunAsync();
        }

        foreach (var asked in new[] { received, declined, withdrawn, closed })
        {
            Assert.Equal(0, await RemindersAsync(asked, run: false));
        }
    }

    [Fact]
    public async Task Four_runs_of_the_job_at_once_send_one_reminder_with_one_link()
    {
        var asked = await LetterSteps.AskAsync(app);
        await AtAsync(asked, TimeSpan.FromDays(7));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync()));

        Assert.Equal(1, await RemindersAsync(asked, run: false));
        Assert.Equal(2, (await LetterSteps.TokensAsync(app, asked.Referee)).Count);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.LetterLinks.CountAsync(l => l.LetterRequestId == asked.RequestId));
    }

    [Fact]
    public async Task A_reminders_link_after_the_letter_arrived_says_so_and_stores_nothing_more()
    {
        var asked = await LetterSteps.AskAsync(app);
        await AtAsync(asked, TimeSpan.FromDays(7));
        await RunAsync();
        var reminderToken = (await LetterSteps.TokensAsync(app, asked.Referee))[^1];
        using var referee = app.CreateHttpsClient();
        using (var sent = await LetterSteps.SubmitTextAsync(referee, asked.Token, "The letter, through the first link."))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using var again = await referee.GetAsync($"/letters/{reminderToken}");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("the letter has been received", PageText.Of(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // The closed link's page has no form: the antiforgery token comes from another referee's open page.
        var other = await LetterSteps.AskAsync(app);
        using (var second = await LetterSteps.SubmitTextAsync(referee, reminderToken, "A second letter?", tokenPage: $"/letters/{other.Token}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        }

        await using var db = app.CreateDbContext();
        Assert.Equal("The letter, through the first link.", (await db.LetterRequests.SingleAsync(r => r.Id == asked.RequestId)).LetterText);
    }

    [Fact]
    public async Task The_applicant_hears_of_a_letter_without_its_words_and_of_a_decline_with_its_reason_in_their_own_language()
    {
        var letter = await LetterSteps.AskAsync(app, language: "zh-CN", applicantCulture: "en");
        var decline = await LetterSteps.AskAsync(app, language: "en", applicantCulture: "zh-CN");
        using var referee = app.CreateHttpsClient();
        using (var sent = await LetterSteps.SubmitTextAsync(referee, letter.Token, "Li Ming is a remarkably careful experimentalist."))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using (var no = await referee.PostFormAsync($"/letters/{decline.Token}", $"/letters/{decline.Token}/decline", [new("reason", "I am on sabbatical until June.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, no.StatusCode);
        }

        await using var db = app.CreateDbContext();
        var received = await db.EmailMessages.SingleAsync(m => m.Kind == "LetterAnswered" && m.ApplicationId == letter.ApplicationId);
        Assert.Equal((letter.Applicant.Email, "en", "A letter of recommendation has arrived"), (received.ToAddress, received.Culture, received.Subject));
        Assert.Contains("Prof. Wang Wei (Zhejiang University) has sent the letter of recommendation you asked for.", received.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("experimentalist", received.TextBody + received.HtmlBody, StringComparison.Ordinal);
        var declined = await db.EmailMessages.SingleAsync(m => m.Kind == "LetterAnswered" && m.ApplicationId == decline.ApplicationId);
        Assert.Equal((decline.Applicant.Email, "zh-CN", "一位推荐人已婉拒"), (declined.ToAddress, declined.Culture, declined.Subject));
        Assert.Contains("I am on sabbatical until June.", declined.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/applicant/{decline.ApplicationId}/referees", declined.TextBody, StringComparison.Ordinal);
        Assert.Equal(["LetterDeclined", "LetterReceived"], await db.AuditEntries
            .Where(e => e.Target == $"Application {letter.ApplicationId}" || e.Target == $"Application {decline.ApplicationId}")
            .Where(e => e.Action == "LetterReceived" || e.Action == "LetterDeclined").Select(e => e.Action).OrderBy(a => a).ToListAsync());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    public void At_most_the_configured_number_of_reminders_is_due(int max, int expected)
    {
        var settings = new LetterOptions { MaxReminders = max };
        var start = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
        var request = new LetterRequest { RequestedAtUtc = start, ExpiresAtUtc = start.AddDays(30) };
        var sent = 0;
        for (var day = 0; day < 30; day++)
        {
            var now = start.AddDays(day);
            if (LetterReminders.IsDue(request, now, settings))
            {
                request.RemindersSent++;
                request.LastReminderAtUtc = now;
                sent++;
            }
        }

        Assert.Equal(expected, sent);
    }

    /// <summary>Stops the clock at <paramref name="after"/> the request.</summary>
    private async Task AtAsync(LetterSteps.Asked asked, TimeSpan after)
    {
        await using var db = app.CreateDbContext();
        var requested = (await db.LetterRequests.SingleAsync(r => r.Id == asked.RequestId)).RequestedAtUtc;
        app.Clock.Freeze(new DateTimeOffset(DateTime.SpecifyKind(requested, DateTimeKind.Utc) + after));
    }

    private async Task RunAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<LetterReminders>().SendDueAsync(CancellationToken.None);
    }

    /// <summary>Runs the job (unless told not to), then how many reminders the request has had, checked against its emails.</summary>
    private async Task<int> RemindersAsync(LetterSteps.Asked asked, bool run = true)
    {
        if (run)
        {
            await RunAsync();
        }

        await using var db = app.CreateDbContext();
        var request = await db.LetterRequests.SingleAsync(r => r.Id == asked.RequestId);
        Assert.Equal(request.RemindersSent, await db.EmailMessages.CountAsync(m => m.ToAddress == asked.Referee && m.Kind == "LetterReminder"));
        return request.RemindersSent;
    }
}

/// <summary>What the letters' tests do as the applicant and the referee would: ask through the form, read the emailed link, send the letter.</summary>
internal static partial class LetterSteps
{
    public sealed record Asked(RecruitUser Applicant, int ApplicationId, int RequestId, string Referee, string Token);

    /// <summary>A new applicant's submitted application asks a new referee through /applicant/{id}/referees; the token read from the email.</summary>
    public static async Task<Asked> AskAsync(PortalAppFactory app, string language = "en", string applicantCulture = "en")
    {
        var applicant = await app.CreateApplicantAsync(applicantCulture);
        var application = await app.CreateApplicationAsync(applicant, ApplicationStatus.Submitted, applicantCulture);
        var referee = $"wang-{Guid.NewGuid():N}@zju.example.edu";
        using var client = await app.SignedInClientAsync(applicant);
        await NameRefereeAsync(client, application.Id, "Prof. Wang Wei", referee, "Zhejiang University", language);
        await using var db = app.CreateDbContext();
        var request = await db.LetterRequests.SingleAsync(r => r.RefereeEmail == referee);
        return new Asked(applicant, application.Id, request.Id, referee, (await TokensAsync(app, referee))[0]);
    }

    /// <summary>The applicant names a referee on /applicant/{id}/referees, as the form posts it; the request must be taken.</summary>
    public static async Task NameRefereeAsync(HttpClient client, int applicationId, string name, string email, string institution, string language)
    {
        var page = $"/applicant/{applicationId}/referees";
        using var asked = await client.PostFormAsync(page, page, new Dictionary<string, string>
        {
            ["name"] = name, ["email"] = email, ["title"] = "Professor", ["institution"] = institution,
            ["relationship"] = "Thesis supervisor", ["language"] = language, ["waive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
    }

    /// <summary>The tokens of the links emailed to a referee, oldest first.</summary>
    public static async Task<List<string>> TokensAsync(RecruitAppFactory app, string referee)
    {
        await using var db = app.CreateDbContext();
        var bodies = await db.EmailMessages.Where(m => m.ToAddress == referee).OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).Select(m => m.TextBody).ToListAsync();
        return [.. bodies.Select(Token)];
    }

    public static string Token(string body) => LinkPattern().Match(body).Groups["token"].Value;

    public static async Task<HttpResponseMessage> SubmitTextAsync(HttpClient client, string token, string text, string? tokenPage = null)
    {
        var antiforgery = await client.GetAntiforgeryTokenAsync(tokenPage ?? $"/letters/{token}");
        using var form = new MultipartFormDataContent { { new StringContent(antiforgery), HtmlForms.AntiforgeryField }, { new StringContent(text), "text" } };
        return await client.PostAsync($"/letters/{token}", form);
    }

    [GeneratedRegex(@"https?://\S+/letters/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
