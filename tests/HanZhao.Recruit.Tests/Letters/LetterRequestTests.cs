using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Letters;

/// <summary>The applicant's jobs are off here: the request emails stay in the outbox, where the tests read them.</summary>
public sealed class LetterRequestApp : PortalAppFactory
{
    public LetterRequestApp() => Settings["Jobs:Enabled"] = "false";
}

/// <summary>
/// The applicant names referees on /applicant/{id}/referees: each request emails its referee a private
/// link in the language chosen for them, which opens the referee's page; the applicant sees where each
/// request stands and may withdraw it until the letter arrives. Refused inputs change nothing.
/// </summary>
public sealed class LetterRequestTests(LetterRequestApp app) : IClassFixture<LetterRequestApp>
{
    [Fact]
    public async Task Asking_a_referee_emails_them_a_private_link_in_their_language_that_opens_the_letter_page()
    {
        var (client, application, _) = await ApplicantAsync();

        using (var asked = await AskAsync(client, application.Id, "wang.wei@zju.example.edu", language: "zh-CN"))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        await using var db = app.CreateDbContext();
        var request = await db.LetterRequests.SingleAsync(r => r.ApplicationId == application.Id);
        Assert.Equal((LetterState.Requested, "zh-CN", true), (request.State, request.Culture, request.ApplicantWaivedAccess));
        Assert.Equal(TimeSpan.FromDays(30), request.ExpiresAtUtc - request.RequestedAtUtc);
        var email = await db.EmailMessages.SingleAsync(m => m.ToAddress == "wang.wei@zju.example.edu");
        Assert.Equal("LetterRequest", email.Kind);
        Assert.Contains("为 Li Ming 撰写推荐信", email.Subject, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(email.TextBody, @"https?://\S+/letters/(?<token>[A-Za-z0-9_-]+)").Groups["token"].Value;
        Assert.NotEmpty(link);
        Assert.Equal(LinkTokens.Hash(link), (await db.LetterLinks.SingleAsync(l => l.LetterRequestId == request.Id)).TokenHash);
        using var referee = app.CreateHttpsClient();
        Assert.Contains("A letter for Li Ming", PageText.Of(await referee.GetStringAsync($"/letters/{link}?culture=en")), StringComparison.Ordinal);

        var page = PageText.Of(await client.GetStringAsync($"/applicant/{application.Id}/referees"));
        Assert.Contains("Prof. Wang Wei · Zhejiang University · Requested", page, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> RefusedReferees() => new()
    {
        { "name", "", "This field is required." },
        { "email", "not-an-address", "Enter a valid email address, like name@example.com." },
        { "institution", new string('x', 201), "At most 200 characters." },
        { "relationship", "  ", "This field is required." },
        { "language", "fr", "Choose the language of the referee's email." },
        { "waive", "yes", "Tick the box or leave it empty." },
    };

    [Theory]
    [MemberData(nameof(RefusedReferees))]
    public async Task A_refused_referee_gets_400_with_the_message_beside_its_field_and_nothing_is_stored_or_sent(string field, string value, string message)
    {
        var (client, application, _) = await ApplicantAsync();

        using var refused = await AskAsync(client, application.Id, "referee@example.edu", overrides: (field, value));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"<span class=\"field-error\" id=\"e-{field}\">", html, StringComparison.Ordinal);
        Assert.Contains(message, PageText.Of(html), StringComparison.Ordinal);
        await AssertNothingAskedAsync(application.Id);
    }

    [Fact]
    public async Task The_applicants_own_address_is_not_a_referee()
    {
        var (client, application, applicant) = await ApplicantAsync();

        using var refused = await AskAsync(client, application.Id, "  " + applicant.Email!.ToUpperInvariant() + " ");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("A referee is someone else: enter their address, not yours.", PageText.Of(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AssertNothingAskedAsync(application.Id);
    }

    [Fact]
    public async Task Twenty_referees_asked_at_once_leave_five_requests_and_five_emails_and_no_error_page()
    {
        var (client, application, _) = await ApplicantAsync();

        var answers = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => AskAsync(client, application.Id, $"referee{i}@example.edu")));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        await using var db = app.CreateDbContext();
        Assert.Equal(5, await db.LetterRequests.CountAsync(r => r.ApplicationId == application.Id));
        Assert.Equal(5, await db.EmailMessages.CountAsync(m => m.Kind == "LetterRequest" && m.ApplicationId == application.Id));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task The_same_referee_twice_is_refused_until_the_first_request_is_withdrawn_whose_link_then_says_so()
    {
        var (client, application, _) = await ApplicantAsync();
        using (var first = await AskAsync(client, application.Id, "twice@example.edu"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (var again = await AskAsync(client, application.Id, "TWICE@example.edu"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        }

        await using var db = app.CreateDbContext();
        var request = await db.LetterRequests.SingleAsync(r => r.ApplicationId == application.Id);
        using (var withdrawn = await client.PostFormAsync($"/applicant/{application.Id}/referees", $"/applicant/{application.Id}/referees/{request.Id}/withdraw", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        using (var secondTime = await client.PostFormAsync($"/applicant/{application.Id}/referees", $"/applicant/{application.Id}/referees/{request.Id}/withdraw", []))
        {
            Assert.Equal(HttpStatusCode.NotFound, secondTime.StatusCode);
        }

        using (var asked = await AskAsync(client, application.Id, "twice@example.edu"))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        Assert.Equal([LetterState.Withdrawn, LetterState.Requested],
            await db.LetterRequests.Where(r => r.ApplicationId == application.Id).OrderBy(r => r.Id).Select(r => r.State).ToListAsync());
    }

    [Fact]
    public async Task Another_applicants_application_answers_404_and_changes_nothing()
    {
        var (_, application, _) = await ApplicantAsync();
        var (intruder, _, _) = await ApplicantAsync();

        using (var page = await intruder.GetAsync($"/applicant/{application.Id}/referees"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        using (var ask = await AskAsync(intruder, application.Id, "referee@example.edu", tokenPage: "/applicant"))
        {
            Assert.Equal(HttpStatusCode.NotFound, ask.StatusCode);
        }

        await AssertNothingAskedAsync(application.Id);
    }

    private async Task<(HttpClient Client, Application Application, RecruitUser Applicant)> ApplicantAsync()
    {
        var applicant = await app.CreateApplicantAsync();
        var application = await app.CreateApplicationAsync(applicant, ApplicationStatus.Submitted);
        return (await app.SignedInClientAsync(applicant), application, applicant);
    }

    private static Task<HttpResponseMessage> AskAsync(
        HttpClient client, int applicationId, string email, string language = "en", (string Field, string Value)? overrides = null, string? tokenPage = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["name"] = "Prof. Wang Wei", ["email"] = email, ["title"] = "Professor", ["institution"] = "Zhejiang University",
            ["relationship"] = "Thesis supervisor", ["language"] = language, ["waive"] = "true",
        };
        if (overrides is { } o)
        {
            fields[o.Field] = o.Value;
        }

        var page = $"/applicant/{applicationId}/referees";
        return client.PostFormAsync(tokenPage ?? page, page, fields);
    }

    private async Task AssertNothingAskedAsync(int applicationId)
    {
        await using var db = app.CreateDbContext();
        Assert.False(await db.LetterRequests.AnyAsync(r => r.ApplicationId == applicationId));
        Assert.False(await db.EmailMessages.AnyAsync(m => m.Kind == "LetterRequest" && m.ApplicationId == applicationId));
    }
}
