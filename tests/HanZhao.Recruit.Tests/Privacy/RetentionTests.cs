using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Privacy;

/// <summary>The portal app without the job server: the tests run the retention job themselves, under the test clock.</summary>
public sealed class RetentionAppFactory : PortalAppFactory
{
    public RetentionAppFactory() => Settings["Jobs:Enabled"] = "false";
}

/// <summary>
/// The retention job under the test clock: each kind of application is noticed 28 days before its
/// date and erased on it, not a moment earlier; runs are idempotent, alone or two at once; the
/// professor's "keep longer" delays the erasure and brings a new notice.
/// </summary>
public sealed class RetentionTests(RetentionAppFactory app) : IClassFixture<RetentionAppFactory>
{
    private static readonly DateOnly Enrollment = new(2027, 9, 1);

    private static int _intakes;

    [Fact]
    public async Task A_rejected_application_is_noticed_28_days_before_six_months_after_enrollment_and_erased_on_that_day_not_earlier()
    {
        var id = await SeedAsync(ApplicationStatus.Rejected);
        // 2027-09-01 00:00 in Shanghai, plus 6 months: 2028-03-01 00:00 Shanghai.
        var due = new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));

        await AssertNoticedThenErasedAsync(id, due);
    }

    [Theory]
    [InlineData(ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.UnderReview)]
    [InlineData(ApplicationStatus.Draft)]
    public async Task Each_kind_is_noticed_then_erased_at_its_configured_time(ApplicationStatus status)
    {
        var id = await SeedAsync(status);
        var shanghai = TimeSpan.FromHours(8);
        var due = status switch
        {
            ApplicationStatus.UnderReview => new DateTimeOffset(2028, 9, 1, 0, 0, 0, shanghai),
            // The draft's last change (2026-03-01 08:00 UTC, CreateApplicationAsync) plus 90 days.
            ApplicationStatus.Draft => new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddDays(90),
            _ => new DateTimeOffset(2028, 3, 1, 0, 0, 0, shanghai),
        };

        await AssertNoticedThenErasedAsync(id, due);
    }

    [Fact]
    public async Task An_admitted_students_application_is_kept_as_long_as_the_professor_set_on_the_settings_page()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using (var refused = await professor.PostFormAsync("/review/settings/retention", "/review/settings/retention", [new("months", "0")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var forever = await professor.PostFormAsync("/review/settings/retention", "/review/settings/retention", [new("months", "100000")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forever.StatusCode);
        }

        using (var saved = await professor.PostFormAsync("/review/settings/retention", "/review/settings/retention", [new("months", "18")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == RetentionControls.SettingsAction && e.Details!.Contains("18 months")));
        }

        try
        {
            var id = await SeedAsync(ApplicationStatus.Accepted);
            await AssertNoticedThenErasedAsync(id, new DateTimeOffset(2029, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        }
        finally
        {
            await using var db = app.CreateDbContext();
            await db.ReviewSettings.ExecuteUpdateAsync(set => set.SetProperty(s => s.AdmittedRetentionMonths, (int?)null));
        }
    }

    [Fact]
    public async Task The_notice_is_written_in_the_applicants_language_with_the_date_and_a_link_to_their_data_page()
    {
        var id = await SeedAsync(ApplicationStatus.Rejected, culture: "zh-CN");
        app.Clock.Freeze(new DateTimeOffset(2028, 2, 2, 0, 0, 0, TimeSpan.FromHours(8)));

        await SweepAsync();

        await using var db = app.CreateDbContext();
        var notice = await db.EmailMessages.SingleAsync(m => m.ApplicationId == id && m.Kind == EmailCatalogue.RetentionNotice.Name);
        Assert.Equal("zh-CN", notice.Culture);
        Assert.Equal("你的申请数据将于 2028-03-01 删除", notice.Subject);
        Assert.Contains("https://hanzhao.test/applicant/data?culture=zh-CN", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("下载你的数据", notice.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sent_email_bodies_and_addresses_are_blanked_90_days_after_sending_and_the_message_is_kept()
    {
        var sent = new DateTime(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc);
        var id = Guid.NewGuid();
        await using (var db = app.CreateDbContext())
        {
            db.EmailMessages.Add(new EmailMessage
            {
                Id = id, Kind = "Test", ToAddress = "someone@example.com", ToName = "Someone", Subject = "Subject kept", TextBody = "text body",
                HtmlBody = "<p>html body</p>", Status = EmailStatus.Sent, CreatedAtUtc = sent, NextAttemptAtUtc = sent, SentAtUtc = sent,
            });
            await db.SaveChangesAsync();
        }

        app.Clock.Freeze(new DateTimeOffset(sent.AddDays(90).AddMinutes(-1), TimeSpan.Zero));
        await SweepAsync();
        Assert.Equal("text body", (await MessageAsync(id)).TextBody);

        app.Clock.Freeze(new DateTimeOffset(sent.AddDays(90).AddMinutes(1), TimeSpan.Zero));
        var counts = await SweepAsync();

        var message = await MessageAsync(id);
        Assert.True(counts.BodiesBlanked >= 1);
        Assert.Equal((string.Empty, string.Empty, string.Empty, (string?)null), (message.TextBody, message.HtmlBody, message.ToAddress, message.ToName));
        Assert.Equal(("Test", "Subject kept", EmailStatus.Sent, (DateTime?)sent), (message.Kind, message.Subject, message.Status, message.SentAtUtc));
    }

    [Fact]
    public async Task The_erasure_leaves_one_audit_entry_with_the_reason_and_no_personal_data()
    {
        var id = await SeedAsync(ApplicationStatus.Rejected);
        string reference;
        await using (var db = app.CreateDbContext())
        {
            reference = (await db.Applications.SingleAsync(a => a.Id == id)).ReferenceNumber!;
        }

        await AssertNoticedThenErasedAsync(id, new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)));

        await using var after = app.CreateDbContext();
        var target = PersonalDataErasure.Target(id);
        var entry = await after.AuditEntries.SingleAsync(e => e.Action == PersonalDataErasure.ErasedAction && e.Target == target);
        Assert.Null(entry.UserId);
        Assert.Equal($"Reason: Retention; reference SHA-256: {PersonalDataErasure.ReferenceHash(reference)}", entry.Details);
        Assert.False(await after.AuditEntries.AnyAsync(e => e.Details != null && (e.Details.Contains(reference) || e.Details.Contains("Li Ming"))));
    }

    [Fact]
    public async Task Two_runs_in_a_row_change_nothing_the_second_time_and_the_daily_run_happens_once()
    {
        var id = await SeedAsync(ApplicationStatus.Withdrawn);
        var due = new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
        app.Clock.Freeze(due.AddDays(-28));
        await SweepAsync();
        Assert.Equal((0, 0, 0), Acted(await SweepAsync()));
        Assert.Equal(1, await NoticesAsync(id));

        app.Clock.Freeze(due.AddHours(1));
        await SweepAsync();
        Assert.Equal((0, 0, 0), Acted(await SweepAsync()));
        Assert.False(await ExistsAsync(id));

        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        Assert.NotNull(await first.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None));
        Assert.Null(await second.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_run_that_died_half_way_is_taken_over_later_that_day_and_a_run_still_going_is_left_alone()
    {
        // Days no other test runs on: one whose run started 10 minutes ago, one whose run died 3 hours ago.
        var going = new DateTimeOffset(2030, 1, 10, 12, 0, 0, TimeSpan.FromHours(8));
        var died = new DateTimeOffset(2030, 1, 11, 12, 0, 0, TimeSpan.FromHours(8));
        await using (var db = app.CreateDbContext())
        {
            db.RetentionRuns.Add(new Data.Privacy.RetentionRun { Day = new DateOnly(2030, 1, 10), StartedAtUtc = going.AddMinutes(-10).UtcDateTime });
            db.RetentionRuns.Add(new Data.Privacy.RetentionRun { Day = new DateOnly(2030, 1, 11), StartedAtUtc = died.AddHours(-3).UtcDateTime });
            await db.SaveChangesAsync();
        }

        app.Clock.Freeze(going);
        Assert.Null(await RunAsync());
        app.Clock.Freeze(died);
        Assert.NotNull(await RunAsync());

        await using var after = app.CreateDbContext();
        Assert.NotNull((await after.RetentionRuns.SingleAsync(r => r.Day == new DateOnly(2030, 1, 11))).CompletedAtUtc);
        Assert.Null((await after.RetentionRuns.SingleAsync(r => r.Day == new DateOnly(2030, 1, 10))).CompletedAtUtc);
    }

    [Fact]
    public async Task Two_runs_at_once_send_one_notice_and_erase_once()
    {
        var ids = new[] { await SeedAsync(ApplicationStatus.Rejected), await SeedAsync(ApplicationStatus.Withdrawn), await SeedAsync(ApplicationStatus.Declined) };
        var due = new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));

        app.Clock.Freeze(due.AddDays(-28));
        await Task.WhenAll(SweepAsync(), SweepAsync());
        foreach (var id in ids)
        {
            Assert.Equal(1, await NoticesAsync(id));
        }

        app.Clock.Freeze(due);
        await Task.WhenAll(SweepAsync(), SweepAsync(), SweepAsync());
        await using var db = app.CreateDbContext();
        foreach (var id in ids)
        {
            Assert.False(await ExistsAsync(id));
            var target = PersonalDataErasure.Target(id);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == PersonalDataErasure.ErasedAction && e.Target == target));
        }
    }

    [Fact]
    public async Task Keep_longer_is_audited_delays_the_erasure_and_sends_a_new_notice_before_the_new_date()
    {
        var id = await SeedAsync(ApplicationStatus.Rejected);
        var due = new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
        app.Clock.Freeze(due.AddDays(-28));
        await SweepAsync();
        Assert.Equal(1, await NoticesAsync(id));

        app.Clock.Freeze(due.AddDays(-10));
        var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/retention/{id}/keep";
        using (var kept = await professor.PostFormAsync(page, page, [new("Until", "2028-09-01"), new("Reason", "Still deciding on a deferred place")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        }

        await using (var db = app.CreateDbContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Action == RetentionControls.ExtendedAction && e.Target == PersonalDataErasure.Target(id));
            Assert.Contains("2028-09-01", entry.Details, StringComparison.Ordinal);
            Assert.Contains("Still deciding on a deferred place", entry.Details, StringComparison.Ordinal);
        }

        // The old date passes: kept, and counted as skipped because extended.
        app.Clock.Freeze(due.AddDays(1));
        var counts = await SweepAsync();
        Assert.True(await ExistsAsync(id));
        Assert.True(counts.SkippedExtended >= 1);
        Assert.Equal(1, await NoticesAsync(id));

        // A new notice 28 days before the new date, then the erasure on it.
        await AssertNoticedThenErasedAsync(id, new DateTimeOffset(2028, 9, 1, 0, 0, 0, TimeSpan.FromHours(8)), noticesBefore: 1);
    }

    [Theory]
    [InlineData("", "A reason", HttpStatusCode.BadRequest)]
    [InlineData("2028-02-01", "A reason", HttpStatusCode.BadRequest)]
    [InlineData("2020-01-01", "A reason", HttpStatusCode.BadRequest)]
    [InlineData("2099-01-01", "A reason", HttpStatusCode.BadRequest)]
    [InlineData("1 March 2029", "A reason", HttpStatusCode.BadRequest)]
    [InlineData("2029-03-01", "", HttpStatusCode.BadRequest)]
    [InlineData("2029-03-01", "   ", HttpStatusCode.BadRequest)]
    public async Task Keep_longer_refuses_a_missing_early_past_far_or_unreadable_date_and_a_missing_reason_and_changes_nothing(string until, string reason, HttpStatusCode expected)
    {
        var id = await SeedAsync(ApplicationStatus.Rejected);
        app.Clock.Freeze(TestClock.Spring2026);
        var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var page = $"/review/retention/{id}/keep";

        using var response = await professor.PostFormAsync(page, page, [new("Until", until), new("Reason", reason)]);

        Assert.Equal(expected, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Null((await db.Applications.SingleAsync(a => a.Id == id)).KeepUntilUtc);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == RetentionControls.ExtendedAction && e.Target == PersonalDataErasure.Target(id)));
    }

    [Fact]
    public async Task Keep_longer_refuses_an_overlong_reason_a_forged_id_a_draft_and_a_co_reviewer()
    {
        var id = await SeedAsync(ApplicationStatus.Rejected);
        var draft = await SeedAsync(ApplicationStatus.Draft);
        app.Clock.Freeze(TestClock.Spring2026);
        var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var reviewer = await app.CreateClientSignedInAsync(Roles.Reviewer);
        string[] fields = ["2029-03-01", "Reason"];

        using var overlong = await professor.PostFormAsync($"/review/retention/{id}/keep", $"/review/retention/{id}/keep",
            [new("Until", fields[0]), new("Reason", string.Join(' ', Enumerable.Repeat("word", 201)))]);
        using var forged = await professor.PostFormAsync("/review/retention", "/review/retention/999999/keep", [new("Until", fields[0]), new("Reason", fields[1])]);
        using var ofDraft = await professor.PostFormAsync("/review/retention", $"/review/retention/{draft}/keep", [new("Until", fields[0]), new("Reason", fields[1])]);
        using var reviewerPage = await reviewer.GetAsync($"/review/retention/{id}/keep");

        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ofDraft.StatusCode);
        // Refused as every professor-only page refuses staff: to the 403 page.
        Assert.Equal(HttpStatusCode.Redirect, reviewerPage.StatusCode);
        Assert.Contains("/error/403", reviewerPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Null((await db.Applications.SingleAsync(a => a.Id == id)).KeepUntilUtc);
    }

    [Fact]
    public async Task The_retention_page_lists_what_is_erased_in_the_next_30_days_with_the_notice_state()
    {
        var soon = await SeedAsync(ApplicationStatus.Rejected);
        var due = new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
        app.Clock.Freeze(due.AddDays(-28));
        await SweepAsync();
        var later = await SeedAsync(ApplicationStatus.UnderReview);
        var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        var html = await professor.GetStringAsync("/review/retention");

        Assert.Contains($"data-application=\"{soon}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-application=\"{later}\"", html, StringComparison.Ordinal);
        Assert.Contains("2028-03-01 00:00", html, StringComparison.Ordinal);
        Assert.Contains("data-noticed=\"yes\"", html, StringComparison.Ordinal);

        // The dashboard says how many, linking here; a co-reviewer's does not.
        var dashboard = await professor.GetStringAsync("/review");
        Assert.Matches("<p class=\"erased-soon\"><a href=\"/review/retention\">[0-9]+ applications? (is|are) erased in the next 30 days</a>", dashboard);
        var reviewer = await app.CreateClientSignedInAsync(Roles.Reviewer);
        Assert.DoesNotContain("erased-soon", await reviewer.GetStringAsync("/review"), StringComparison.Ordinal);
    }

    private async Task AssertNoticedThenErasedAsync(int id, DateTimeOffset due, int noticesBefore = 0)
    {
        app.Clock.Freeze(due.AddDays(-28).AddMinutes(-1));
        await SweepAsync();
        Assert.Equal(noticesBefore, await NoticesAsync(id));

        app.Clock.Freeze(due.AddDays(-28));
        await SweepAsync();
        Assert.Equal(noticesBefore + 1, await NoticesAsync(id));
        await using (var db = app.CreateDbContext())
        {
            var notice = await db.EmailMessages.Where(m => m.ApplicationId == id && m.Kind == EmailCatalogue.RetentionNotice.Name)
                .OrderByDescending(m => m.CreatedAtUtc).FirstAsync();
            var date = due.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(date, notice.Subject, StringComparison.Ordinal);
            Assert.Contains("/applicant/data", notice.TextBody, StringComparison.Ordinal);
        }

        app.Clock.Freeze(due.AddMinutes(-1));
        await SweepAsync();
        Assert.True(await ExistsAsync(id), "erased before its date");

        app.Clock.Freeze(due);
        var counts = await SweepAsync();
        Assert.False(await ExistsAsync(id), "not erased on its date");
        Assert.True(counts.Erased >= 1);
    }

    /// <summary>An application of a new applicant, moved to a new intake enrolling on 2027-09-01, with the history that leads to <paramref name="status"/>.</summary>
    private async Task<int> SeedAsync(ApplicationStatus status, string culture = "en")
    {
        var applicant = await app.CreateApplicantAsync(culture);
        var application = await app.CreateApplicationAsync(applicant, status, culture);
        await using var db = app.CreateDbContext();
        var intake = new Intake { Code = $"r{Interlocked.Increment(ref _intakes):D6}", EnrollmentDate = Enrollment, Programs = StudyPrograms.PhD | StudyPrograms.Master };
        db.Intakes.Add(intake);
        await db.SaveChangesAsync();
        await db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.IntakeId, intake.Id));
        return application.Id;
    }

    /// <summary>What a sweep did (the skipped count says what stands extended, whatever the run).</summary>
    private static (int, int, int) Acted(RetentionCounts counts) => (counts.Noticed, counts.Erased, counts.BodiesBlanked);

    private async Task<RetentionCounts> SweepAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionJob>().SweepAsync(CancellationToken.None);
    }

    private async Task<RetentionCounts?> RunAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
    }

    private async Task<int> NoticesAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.EmailMessages.CountAsync(m => m.ApplicationId == id && m.Kind == EmailCatalogue.RetentionNotice.Name);
    }

    private async Task<bool> ExistsAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.Applications.AnyAsync(a => a.Id == id);
    }

    private async Task<EmailMessage> MessageAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.EmailMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
