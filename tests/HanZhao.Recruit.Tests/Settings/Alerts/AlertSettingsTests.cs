using System.Net;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Tests.Settings.Alerts;

/// <summary>Its own database without the job server: the digest runs when the test says, and one professor account exists.</summary>
public sealed class AlertsAppFactory : RecruitAppFactory
{
    public AlertsAppFactory() => Settings["Jobs:Enabled"] = "false";
}

public class AlertSettingsTests(AlertsAppFactory app) : IClassFixture<AlertsAppFactory>
{
    private const string Page = "/review/settings/alerts";

    [Fact]
    public async Task The_professor_chooses_the_digest_only_then_each_again_and_each_change_is_audited_once()
    {
        var (professor, client) = await ProfessorAsync();
        Assert.Contains("value=\"Each\" checked=\"checked\"", await client.GetStringAsync(Page), StringComparison.Ordinal);
        var token = await client.GetAntiforgeryTokenAsync(Page);

        using (var saved = await client.PostFormAsync(Page, [new("mode", "DigestOnly")], token))
        {
            await saved.AssertStatusAsync(HttpStatusCode.Redirect);
            Assert.Equal(Page + "?saved=true", saved.Headers.Location?.OriginalString);
        }

        using (var again = await client.PostFormAsync(Page, [new("mode", "DigestOnly")], token))
        {
            await again.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        Assert.Contains("value=\"DigestOnly\" checked=\"checked\"", await client.GetStringAsync(Page + "?saved=true"), StringComparison.Ordinal);
        Assert.True(await DigestOnlyAsync(professor));
        Assert.Null(await AlertAddressAsync());

        using (var back = await client.PostFormAsync(Page, [new("mode", "Each")], token))
        {
            await back.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        Assert.False(await DigestOnlyAsync(professor));
        Assert.Equal(professor.Email, await AlertAddressAsync());
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AlertsChanged && e.UserId == professor.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("digestonly")]
    [InlineData("Nope")]
    [InlineData("DigestOnly,Each")]
    public async Task A_choice_that_is_not_one_of_the_two_is_refused_and_changes_nothing(string? mode)
    {
        var (professor, client) = await ProfessorAsync();
        var token = await client.GetAntiforgeryTokenAsync(Page);

        using var refused = await client.PostFormAsync(Page, mode is null ? [] : [new("mode", mode)], token);

        await refused.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Choose how you want to hear of new applications.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await DigestOnlyAsync(professor));
        await using var db = app.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AlertsChanged && e.UserId == professor.Id));
    }

    [Fact]
    public async Task The_digest_lists_submissions_status_changes_notes_and_scores_since_the_last_one_but_not_applicants_already_decided()
    {
        var (professor, _) = await ProfessorAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var lastDigest = now.AddHours(-20);
        await using (var db = app.CreateDbContext())
        {
            db.EmailMessages.Add(new EmailMessage
            {
                Id = Guid.CreateVersion7(), Kind = EmailCatalogue.DailyDigest.Name, ToAddress = professor.Email!, Subject = "Earlier digest", HtmlBody = "x", TextBody = "x",
                Status = EmailStatus.Sent, CreatedAtUtc = lastDigest, NextAttemptAtUtc = lastDigest, SentAtUtc = lastDigest,
            });
            await db.SaveChangesAsync();
        }

        var fresh = await CreateApplicationAsync("Fresh Newcomer", ApplicationStatus.Submitted, submittedAt: now.AddHours(-2));
        var moved = await CreateApplicationAsync("Moved Along", ApplicationStatus.Interview, submittedAt: now.AddDays(-5), changedAt: now.AddHours(-3));
        var decided = await CreateApplicationAsync("Long Decided", ApplicationStatus.Rejected, submittedAt: now.AddDays(-9), changedAt: now.AddDays(-4));
        await using (var db = app.CreateDbContext())
        {
            db.ApplicationNotes.Add(new ApplicationNote { ApplicationId = moved, AuthorId = professor.Id, Text = "Good call.", CreatedAtUtc = now.AddHours(-1) });
            db.ApplicationNotes.Add(new ApplicationNote { ApplicationId = decided, AuthorId = professor.Id, Text = "Old news.", CreatedAtUtc = now.AddHours(-1) });
            db.ApplicationNotes.Add(new ApplicationNote { ApplicationId = moved, AuthorId = professor.Id, Text = "Before the period.", CreatedAtUtc = lastDigest.AddMinutes(-1) });
            await db.SaveChangesAsync();
        }

        using var scope = app.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<DailyDigest>().QueueAsync(CancellationToken.None));

        await using var check = app.CreateDbContext();
        var digest = await check.EmailMessages.Where(m => m.Kind == EmailCatalogue.DailyDigest.Name).OrderByDescending(m => m.CreatedAtUtc).FirstAsync();
        Assert.Contains("1 new application", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Fresh Newcomer", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Moved Along", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Under review → Interview", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 note, 0 scores", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 submission, 1 status change, 1 new note, 0 new scores", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("(Shanghai, UTC+8)", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Long Decided", digest.TextBody, StringComparison.Ordinal);
        Assert.True(fresh > 0);
    }

    /// <summary>The one professor of this database (tests in a class run one at a time), back on "each" alerts.</summary>
    private async Task<(RecruitUser Professor, HttpClient Client)> ProfessorAsync()
    {
        _ = app.Services; // starts the app, which creates the database
        RecruitUser? professor;
        await using (var db = app.CreateDbContext())
        {
            professor = await (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Professor select u).FirstOrDefaultAsync();
            if (professor is not null)
            {
                professor.AlertsDigestOnly = false;
                db.AuditEntries.RemoveRange(db.AuditEntries.Where(e => e.Action == AuditActions.AlertsChanged));
                await db.SaveChangesAsync();
            }
        }

        professor ??= await app.CreateUserAsync(Roles.Professor);
        return (professor, await app.CreateClientSignedInAsAsync(professor));
    }

    private async Task<bool> DigestOnlyAsync(RecruitUser user)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Id == user.Id).Select(u => u.AlertsDigestOnly).SingleAsync();
    }

    private async Task<string?> AlertAddressAsync()
    {
        using var scope = app.Services.CreateScope();
        return await ProfessorAddress.ForAlertAsync(
            scope.ServiceProvider.GetRequiredService<RecruitDbContext>(), scope.ServiceProvider.GetRequiredService<IOptions<RecruitOptions>>().Value, CancellationToken.None);
    }

    private async Task<int> CreateApplicationAsync(string name, ApplicationStatus status, DateTime submittedAt, DateTime? changedAt = null)
    {
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        await using var db = app.CreateDbContext();
        var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
        var application = new Application
        {
            ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Status = status, FullName = name,
            ReferenceNumber = "HZ-AL-" + Guid.NewGuid().ToString("N")[..12], CreatedAtUtc = submittedAt, UpdatedAtUtc = submittedAt, SubmittedAtUtc = submittedAt,
        };
        application.StatusHistory.Add(new ApplicationStatusChange { From = ApplicationStatus.Draft, To = ApplicationStatus.Submitted, ChangedAtUtc = submittedAt });
        if (changedAt is { } at)
        {
            application.StatusHistory.Add(new ApplicationStatusChange { From = ApplicationStatus.UnderReview, To = status, ChangedAtUtc = at });
        }

        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }
}
