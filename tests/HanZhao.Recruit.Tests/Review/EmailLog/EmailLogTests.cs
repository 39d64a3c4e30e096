using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Review.EmailLog;

/// <summary>The app with its jobs off, so queued rows stay as the tests seed them.</summary>
public sealed class EmailLogAppFactory : RecruitAppFactory
{
    public EmailLogAppFactory() => Settings["Jobs:Enabled"] = "false";
}

public class EmailLogTests(EmailLogAppFactory app) : IClassFixture<EmailLogAppFactory>
{
    private const string Page = "/review/emails";

    private async Task<EmailMessage> SeedAsync(EmailStatus status, string? error = null, int attempts = 0)
    {
        _ = app.Services; // starts the app, which migrates the database
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var message = new EmailMessage
        {
            Id = Guid.CreateVersion7(),
            Kind = "Test",
            ToAddress = $"to-{Guid.NewGuid():N}@recruit.test",
            Subject = $"Subject {Guid.NewGuid():N}",
            HtmlBody = "<p>Hello</p>",
            TextBody = "Hello",
            Status = status,
            Attempts = attempts,
            LastError = error,
            CreatedAtUtc = now,
            NextAttemptAtUtc = status == EmailStatus.Pending ? now.AddDays(1) : now,
            SentAtUtc = status == EmailStatus.Sent ? now : null,
        };
        await using var db = app.CreateDbContext();
        db.EmailMessages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    private async Task<EmailMessage> ReloadAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.EmailMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task The_professor_sees_queued_rows_with_status_and_error()
    {
        var failed = await SeedAsync(EmailStatus.Failed, "550 mailbox unavailable", 3);
        var sent = await SeedAsync(EmailStatus.Sent);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await client.GetAsync(Page);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(failed.Subject, html, StringComparison.Ordinal);
        Assert.Contains(failed.ToAddress, html, StringComparison.Ordinal);
        Assert.Contains("550 mailbox unavailable", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"email-{failed.Id}\" data-status=\"Failed\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"email-{sent.Id}\" data-status=\"Sent\"", html, StringComparison.Ordinal);
        Assert.Contains($"/review/emails/{failed.Id}/resend", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/review/emails/{sent.Id}/resend", html, StringComparison.Ordinal);
        // Newest first.
        Assert.True(html.IndexOf(sent.Subject, StringComparison.Ordinal) < html.IndexOf(failed.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_status_filter_shows_only_that_status_and_an_unknown_one_is_ignored()
    {
        var failed = await SeedAsync(EmailStatus.Failed, "boom");
        var sent = await SeedAsync(EmailStatus.Sent);
        var pending = await SeedAsync(EmailStatus.Pending);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        var onlyFailed = await client.GetStringAsync(Page + "?status=Failed");
        Assert.Contains(failed.Subject, onlyFailed, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.Subject, onlyFailed, StringComparison.Ordinal);
        Assert.DoesNotContain(pending.Subject, onlyFailed, StringComparison.Ordinal);

        var onlyPending = await client.GetStringAsync(Page + "?status=Pending");
        Assert.Contains(pending.Subject, onlyPending, StringComparison.Ordinal);
        Assert.DoesNotContain(failed.Subject, onlyPending, StringComparison.Ordinal);

        using var unknown = await client.GetAsync(Page + "?status=Bounced");
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("That status is not known, so it was ignored.", html, StringComparison.Ordinal);
        Assert.Contains(failed.Subject, html, StringComparison.Ordinal);
        Assert.Contains(sent.Subject, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task A_page_number_that_is_not_a_whole_number_from_1_shows_the_first_page_and_says_so(string page)
    {
        var failed = await SeedAsync(EmailStatus.Failed, "boom");
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await client.GetAsync(Page + "?page=" + Uri.EscapeDataString(page));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("That page number is not valid; showing the first page.", html, StringComparison.Ordinal);
        Assert.Contains(failed.Subject, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resending_a_failed_row_makes_it_pending_audits_it_and_the_dispatcher_sends_it()
    {
        var failed = await SeedAsync(EmailStatus.Failed, "550 no such user", 10);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await client.PostFormAsync(Page, $"/review/emails/{failed.Id}/resend", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await ReloadAsync(failed.Id);
        Assert.Equal(EmailStatus.Pending, row.Status);
        Assert.Equal(0, row.Attempts);
        Assert.Null(row.LastError);
        Assert.True(row.NextAttemptAtUtc <= app.Clock.GetUtcNow().UtcDateTime);
        await using (var db = app.CreateDbContext())
        {
            var target = failed.Id.ToString();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Email" && e.Target == target));
        }

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().SendDueAsync(CancellationToken.None);
        }

        var after = await ReloadAsync(failed.Id);
        Assert.Equal(EmailStatus.Sent, after.Status);
        Assert.NotNull(after.SentAtUtc);
    }

    [Fact]
    public async Task Resending_a_sent_row_is_400_and_changes_nothing_and_an_unknown_id_is_404()
    {
        var sent = await SeedAsync(EmailStatus.Sent);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await client.PostFormAsync(Page, $"/review/emails/{sent.Id}/resend", []);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var row = await ReloadAsync(sent.Id);
        Assert.Equal(EmailStatus.Sent, row.Status);
        Assert.Equal(sent.NextAttemptAtUtc, row.NextAttemptAtUtc);
        await using (var db = app.CreateDbContext())
        {
            var target = sent.Id.ToString();
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "Email" && e.Target == target));
        }

        using var unknown = await client.PostFormAsync(Page, $"/review/emails/{Guid.NewGuid()}/resend", []);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var garbage = await client.PostFormAsync(Page, "/review/emails/not-a-guid/resend", []);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Applicant)]
    public async Task Other_roles_are_forbidden(string role)
    {
        var failed = await SeedAsync(EmailStatus.Failed, "boom");
        using var client = await app.CreateClientSignedInAsync(role);

        using var page = await client.GetAsync(Page);
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, page.StatusCode.ToString()); // forbidden: the access-denied page

        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var token = await professor.GetAntiforgeryTokenAsync(Page);
        // A token from someone else's page is not theirs; without a valid one it is 400 anyway.
        using var post = await client.PostAsync($"/review/emails/{failed.Id}/resend", new FormUrlEncodedContent([new(HtmlForms.AntiforgeryField, token)]));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
            || post.Headers.Location?.AbsolutePath == "/error/403", $"{post.StatusCode} {post.Headers.Location}");
        Assert.Equal(EmailStatus.Failed, (await ReloadAsync(failed.Id)).Status);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/review/emails", response.Headers.Location?.AbsolutePath ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_400_and_changes_nothing()
    {
        var failed = await SeedAsync(EmailStatus.Failed, "boom", 2);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        await client.GetAsync(Page); // has the cookie, forgets the field

        using var response = await client.PostAsync($"/review/emails/{failed.Id}/resend", new FormUrlEncodedContent([new("x", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var row = await ReloadAsync(failed.Id);
        Assert.Equal(EmailStatus.Failed, row.Status);
        Assert.Equal(2, row.Attempts);
    }
}
