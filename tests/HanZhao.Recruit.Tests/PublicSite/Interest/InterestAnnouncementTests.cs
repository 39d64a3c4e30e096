using System.Net;
using Hangfire;
using Hangfire.Storage;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Interest;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.PublicSite.Interest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.PublicSite.Interest;

/// <summary>
/// The one email each confirmed registrant gets when an intake for their program opens. Each test
/// opens its own intake (the seeded 2026.09 is open too) and counts the emails naming it.
/// </summary>
public class InterestAnnouncementTests(InterestAppFactory app) : IClassFixture<InterestAppFactory>
{
    [Fact]
    public async Task A_registrant_hears_nothing_before_confirming_and_exactly_once_after()
    {
        using var client = app.CreateHttpsClient();
        var email = InterestSteps.NewAddress();
        using (var registered = await client.RegisterAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var intake = await app.AddIntakeAsync(2031, StudyPrograms.PhD | StudyPrograms.Master);

        await app.AnnounceAsync();
        Assert.Equal(0, await app.AnnouncementsAsync(email, intake.Code));

        using (var confirmed = await client.UseLinkAsync(await app.LatestLinkAsync(email, InterestEmails.ConfirmPath)))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        await app.AnnounceAsync();
        await app.AnnounceAsync();

        Assert.Equal(1, await app.AnnouncementsAsync(email, intake.Code));
        await using var db = app.CreateDbContext();
        var registration = await db.InterestRegistrations.SingleAsync(r => r.Email == email);
        Assert.True(await db.RegistrationAnnouncements.AnyAsync(a => a.RegistrationId == registration.Id && a.IntakeId == intake.Id));
    }

    [Fact]
    public async Task Opening_the_intake_twice_tells_each_registrant_once()
    {
        using var client = app.CreateHttpsClient();
        var email = await client.RegisterAndConfirmAsync(app, "Master");
        var intake = await app.AddIntakeAsync(2032, StudyPrograms.Master);
        await app.AnnounceAsync();

        await app.SetOpenAsync(intake, false);
        await app.AnnounceAsync();
        await app.SetOpenAsync(intake, true);
        await app.AnnounceAsync();

        Assert.Equal(1, await app.AnnouncementsAsync(email, intake.Code));
    }

    [Fact]
    public async Task The_professor_opening_an_intake_tells_its_registrants_at_once_without_waiting_for_the_job()
    {
        using var client = app.CreateHttpsClient();
        var email = await client.RegisterAndConfirmAsync(app, "PhD");
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        const string page = "/review/settings/intakes";

        // Added closed: nobody is told. This factory runs no job server, so only the page can tell them.
        using (var added = await professor.PostFormAsync(page, page, [new("code", "2041.09"), new("programs", "PhD")]))
        {
            await added.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        Assert.Equal(0, await app.AnnouncementsAsync(email, "2041.09"));
        await using var db = app.CreateDbContext();
        var id = (await db.Intakes.SingleAsync(i => i.Code == "2041.09")).Id;

        using (var opened = await professor.PostFormAsync(page, $"{page}/{id}/open", []))
        {
            await opened.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        Assert.Equal(1, await app.AnnouncementsAsync(email, "2041.09"));
    }

    [Fact]
    public async Task Four_runs_at_the_same_moment_tell_each_of_forty_registrants_once()
    {
        const int Registrants = 40;
        var addresses = Enumerable.Range(0, Registrants).Select(i => InterestSteps.NewAddress($"crowd{i}")).ToList();
        await using (var db = app.CreateDbContext())
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.InterestRegistrations.AddRange(addresses.Select((email, i) => new InterestRegistration
            {
                Email = email, Name = $"Registrant {i}", Program = i % 2 == 0 ? StudyPrograms.PhD : StudyPrograms.Master,
                Culture = i % 3 == 0 ? "zh-CN" : "en", CreatedAtUtc = now, ConfirmedAtUtc = now,
                ConfirmTokenHash = LinkTokens.Hash(LinkTokens.New()),
                UnsubscribeTokenHash = LinkTokens.Hash(LinkTokens.New()),
            }));
            await db.SaveChangesAsync();
        }

        var intake = await app.AddIntakeAsync(2033, StudyPrograms.PhD | StudyPrograms.Master);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.AnnounceAsync)));

        foreach (var email in addresses)
        {
            Assert.Equal(1, await app.AnnouncementsAsync(email, intake.Code));
        }

        await using var check = app.CreateDbContext();
        Assert.Equal(Registrants, await check.RegistrationAnnouncements.CountAsync(a => a.IntakeId == intake.Id
            && check.InterestRegistrations.Any(r => r.Id == a.RegistrationId && r.Name.StartsWith("Registrant "))));
    }

    [Fact]
    public async Task Unsubscribed_unconfirmed_and_other_program_registrants_are_not_told()
    {
        using var client = app.CreateHttpsClient();
        var phd = await client.RegisterAndConfirmAsync(app, "PhD");
        var master = await client.RegisterAndConfirmAsync(app, "Master");
        var left = await client.RegisterAndConfirmAsync(app, "PhD");
        using (var unsubscribed = await client.UseLinkAsync(await app.LatestLinkAsync(left, InterestEmails.UnsubscribePath)))
        {
            Assert.Equal(HttpStatusCode.Redirect, unsubscribed.StatusCode);
        }

        var unconfirmed = InterestSteps.NewAddress("unconfirmed");
        using (var registered = await client.RegisterAsync(unconfirmed))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var intake = await app.AddIntakeAsync(2034, StudyPrograms.PhD);

        await app.AnnounceAsync();

        Assert.Equal(1, await app.AnnouncementsAsync(phd, intake.Code));
        Assert.Equal(0, await app.AnnouncementsAsync(master, intake.Code));
        Assert.Equal(0, await app.AnnouncementsAsync(left, intake.Code));
        Assert.Equal(0, await app.AnnouncementsAsync(unconfirmed, intake.Code));
    }

    [Fact]
    public async Task An_intake_is_announced_only_while_it_takes_applications()
    {
        using var client = app.CreateHttpsClient();
        var email = await client.RegisterAndConfirmAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var closed = await app.AddIntakeAsync(2035, StudyPrograms.PhD, open: false);
        var later = await app.AddIntakeAsync(2036, StudyPrograms.PhD, opensAtUtc: now.AddDays(2));
        var past = await app.AddIntakeAsync(2037, StudyPrograms.PhD, deadlineUtc: now.AddDays(-1));

        await app.AnnounceAsync();

        Assert.Equal(0, await app.AnnouncementsAsync(email, closed.Code));
        Assert.Equal(0, await app.AnnouncementsAsync(email, later.Code));
        Assert.Equal(0, await app.AnnouncementsAsync(email, past.Code));

        // The minutely job tells them once the opening time has come.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.AnnounceAsync();

        Assert.Equal(1, await app.AnnouncementsAsync(email, later.Code));
    }

    [Fact]
    public async Task The_announcement_is_in_english_and_names_the_intake_its_programs_routes_and_deadline_with_links()
    {
        using var client = app.CreateHttpsClient();
        var email = await client.RegisterAndConfirmAsync(app, "Master");
        var deadline = new DateTime(2038, 3, 31, 15, 59, 0, DateTimeKind.Utc);
        await app.AddIntakeAsync(2038, StudyPrograms.PhD | StudyPrograms.Master, deadlineUtc: deadline);

        await app.AnnounceAsync();

        var message = Assert.Single(await app.EmailsAsync(email, InterestSteps.Announcement), m => m.Subject.Contains("2038.09", StringComparison.Ordinal));
        Assert.Equal("en", message.Culture);
        Assert.Equal("Applications are open: intake 2038.09", message.Subject);
        Assert.Contains("intake 2038.09 now takes applications", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Programs: PhD and Master", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Routes for Master: Recommendation (推免), National entrance exam (统考)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Deadline: 2038-03-31 23:59 (UTC+8)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://hanzhao.test/join\n", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://hanzhao.test/apply?intake=2038.09&program=Master", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://hanzhao.test/apply?intake=2038.09&amp;program=Master\"", message.HtmlBody, StringComparison.Ordinal);

        // Its own unsubscribe link works, and then nothing more is sent.
        using (var left = await client.UseLinkAsync(InterestSteps.LinkIn(message, InterestEmails.UnsubscribePath)))
        {
            Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        }

        var next = await app.AddIntakeAsync(2039, StudyPrograms.Master);
        await app.AnnounceAsync();
        Assert.Equal(0, await app.AnnouncementsAsync(email, next.Code));
    }

    [Fact]
    public async Task The_announcement_is_in_chinese_for_a_chinese_registrant()
    {
        using var client = app.CreateHttpsClient();
        var email = await client.RegisterAndConfirmAsync(app, "PhD", culture: "zh-CN");
        await app.AddIntakeAsync(2040, StudyPrograms.PhD);

        await app.AnnounceAsync();

        var message = Assert.Single(await app.EmailsAsync(email, InterestSteps.Announcement), m => m.Subject.Contains("2040.09", StringComparison.Ordinal));
        Assert.Equal("zh-CN", message.Culture);
        Assert.Equal("招生已开放：2040.09 批次", message.Subject);
        Assert.Contains("2040.09 批次现已接受申请", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("项目: 博士", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("博士招生类型: 直博、硕博连读、申请-考核、国际博士生", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("截止日期: 无：申请在入学日 2040-09-01 截止", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("退订", message.TextBody, StringComparison.Ordinal);
    }
}

/// <summary>The job server's schedule, and what a caller that opens an intake can rely on.</summary>
public class InterestAnnouncementJobTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public void The_announcements_run_every_minute()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var jobs = connection.GetRecurringJobs().ToDictionary(job => job.Id);

        Assert.Equal(Cron.Minutely(), jobs[InterestAnnouncements.JobId].Cron);
    }

    [Fact]
    public async Task Announcing_from_a_callers_scope_leaves_its_unsaved_changes_alone()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
        var intake = await db.Intakes.FirstAsync();
        intake.PhdQuota = 7;

        await scope.ServiceProvider.GetRequiredService<InterestAnnouncements>().AnnounceOpenIntakesAsync(CancellationToken.None);

        Assert.Equal(EntityState.Modified, db.Entry(intake).State);
        await using var fresh = app.CreateDbContext();
        Assert.NotEqual(7, (await fresh.Intakes.SingleAsync(i => i.Id == intake.Id)).PhdQuota);
    }
}
