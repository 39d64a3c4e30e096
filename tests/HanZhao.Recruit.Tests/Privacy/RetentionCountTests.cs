using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Privacy;

/// <summary>
/// Retention with periods short enough that every kind falls due within the moments a test visits
/// (not admitted 6 months, admitted 8, undecided 10, drafts 90 days), no job server.
/// </summary>
public sealed class RetentionCountAppFactory : PortalAppFactory
{
    public RetentionCountAppFactory()
    {
        Settings["Jobs:Enabled"] = "false";
        Settings[RetentionOptions.Section + ":AdmittedMonths"] = "8";
        Settings[RetentionOptions.Section + ":UndecidedMonths"] = "10";
    }
}

/// <summary>
/// The dashboard's "erased in the next 30 days" is counted in SQL per intake and status, with only
/// recently changed not-admitted applications dated one by one; it must say exactly what the
/// retention page's schedule (every candidate dated in C#) says, at month ends and around each edge.
/// </summary>
public sealed class RetentionCountTests(RetentionCountAppFactory app) : IClassFixture<RetentionCountAppFactory>
{
    /// <summary>Month ends (Jan 31, Feb 28 and 29, Aug 31) and ordinary days, some enrolled long ago, some later than every moment.</summary>
    private static readonly DateOnly[] Enrollments =
    [
        new(2024, 1, 31), new(2024, 2, 29), new(2024, 8, 31), new(2024, 9, 1), new(2025, 1, 31), new(2025, 2, 28),
        new(2025, 3, 31), new(2025, 8, 31), new(2025, 9, 1), new(2025, 12, 31), new(2026, 2, 28), new(2026, 8, 31),
    ];

    [Fact]
    public async Task The_fast_count_equals_the_schedules_count_at_every_moment_around_each_intakes_edges()
    {
        await SeedAsync();
        var moments = new List<DateTimeOffset> { TestClock.Spring2026 };
        foreach (var enrollment in Enrollments)
        {
            var start = new DateTimeOffset(enrollment.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            foreach (var months in new[] { 6, 8, 10 })
            {
                // The moment the 30-day horizon reaches the scheduled date, a minute before it, and a day after.
                var edge = start.AddMonths(months).AddDays(-RetentionControls.HorizonDays);
                moments.AddRange([edge, edge.AddMinutes(-1), edge.AddDays(1), edge.AddDays(17)]);
            }
        }

        var counted = new HashSet<int>();
        var lateChangesDecided = false;
        foreach (var moment in moments.Distinct().Order())
        {
            app.Clock.Freeze(moment);
            using var scope = app.Services.CreateScope();
            var controls = scope.ServiceProvider.GetRequiredService<RetentionControls>();
            var page = await controls.PageAsync(CancellationToken.None);

            var fast = await controls.CountDueAsync(CancellationToken.None);

            Assert.True(page.Due.Count == fast, $"at {moment:u}: the schedule says {page.Due.Count}, the count {fast}");
            counted.Add(fast);
            lateChangesDecided |= LateChangeHoldsBack(page.Rules, await AllAsync(scope, page.Rules), page.NowUtc.AddDays(RetentionControls.HorizonDays));
        }

        // Not a comparison of zeros: the moments see many different counts, and at some of them a
        // not-admitted application of a due intake is held back by its late change alone.
        Assert.True(counted.Count > 10, $"only {counted.Count} different counts: {string.Join(", ", counted.Order())}");
        Assert.True(lateChangesDecided, "no moment where a late status change or update held back an application its intake made due");
    }

    [Fact]
    public async Task A_late_status_change_holds_a_rejected_application_back_until_six_months_after_it()
    {
        var applicant = await app.CreateApplicantAsync();
        await using var db = app.CreateDbContext();
        var intake = new Intake { Code = "late", EnrollmentDate = new DateOnly(2023, 8, 31), Programs = StudyPrograms.PhD | StudyPrograms.Master };
        db.Intakes.Add(intake);
        await db.SaveChangesAsync();
        // Enrolled 2023-08-31 (due 2024-02-29 by its intake), rejected on 2024-06-30 10:00 UTC: due 2024-12-30 10:00 UTC.
        var rejectedAt = new DateTime(2024, 6, 30, 10, 0, 0, DateTimeKind.Utc);
        db.Applications.Add(new Application
        {
            ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Status = ApplicationStatus.Rejected, Culture = "en", FullName = "Late Change",
            ReferenceNumber = "HZ-LATE-1", CreatedAtUtc = rejectedAt.AddYears(-1), UpdatedAtUtc = rejectedAt.AddYears(-1), SubmittedAtUtc = rejectedAt.AddYears(-1),
            StatusHistory = { new ApplicationStatusChange { From = ApplicationStatus.UnderReview, To = ApplicationStatus.Rejected, ChangedAtUtc = rejectedAt } },
        });
        await db.SaveChangesAsync();
        var due = new DateTimeOffset(rejectedAt.AddMonths(6));

        var before = await CountAtAsync(due.AddDays(-RetentionControls.HorizonDays).AddMinutes(-1));
        var after = await CountAtAsync(due.AddDays(-RetentionControls.HorizonDays));

        Assert.Equal(before + 1, after);
    }

    private async Task<int> CountAtAsync(DateTimeOffset moment)
    {
        app.Clock.Freeze(moment);
        using var scope = app.Services.CreateScope();
        var controls = scope.ServiceProvider.GetRequiredService<RetentionControls>();
        var fast = await controls.CountDueAsync(CancellationToken.None);
        Assert.Equal((await controls.PageAsync(CancellationToken.None)).Due.Count, fast);
        return fast;
    }

    private static async Task<List<RetentionItem>> AllAsync(IServiceScope scope, RetentionRules rules) =>
        await scope.ServiceProvider.GetRequiredService<RetentionPolicy>().ScheduleAsync(rules, only: null, dueBy: null, CancellationToken.None);

    /// <summary>Whether a not-admitted application's intake alone makes it due by the horizon but its last change does not.</summary>
    private static bool LateChangeHoldsBack(RetentionRules rules, List<RetentionItem> all, DateTime horizon) =>
        all.Any(i => i.IntakeCode.StartsWith("rc-", StringComparison.Ordinal) && RetentionRules.KindOf(i.Status) == RetentionKind.NotAdmitted && i.KeepUntilUtc is null && i.ScheduledUtc > horizon
            && RetentionRules.EnrollmentStartsUtc(EnrollmentOf(i)).AddMonths(rules.NotAdmittedMonths) <= horizon);

    private static DateOnly EnrollmentOf(RetentionItem item) => Enrollments[int.Parse(item.IntakeCode.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>
    /// Every status (drafts too) in every intake, with updates and status changes from before
    /// enrollment to months after it, and keep-until dates on either side of the moments.
    /// </summary>
    private async Task SeedAsync()
    {
        var random = new Random(17);
        var statuses = Enum.GetValues<ApplicationStatus>();
        await using var db = app.CreateDbContext();
        var intakes = Enrollments.Select((date, i) => new Intake { Code = $"rc-{i:D2}", EnrollmentDate = date, Programs = StudyPrograms.PhD | StudyPrograms.Master }).ToList();
        db.Intakes.AddRange(intakes);
        await db.SaveChangesAsync();
        var made = 0;
        for (var a = 0; a < 12; a++)
        {
            var applicant = await app.CreateApplicantAsync();
            foreach (var intake in intakes)
            {
                foreach (var program in new[] { StudyPrograms.PhD, StudyPrograms.Master })
                {
                    var status = statuses[made % statuses.Length];
                    var enrollment = RetentionRules.EnrollmentStartsUtc(intake.EnrollmentDate);
                    // From 200 days before enrollment to 240 after, to the minute: some changes land on the edges.
                    var updated = enrollment.AddMinutes(random.Next(-200 * 24 * 60, 240 * 24 * 60));
                    var application = new Application
                    {
                        ApplicantId = applicant.Id, IntakeId = intake.Id, Program = program, Status = status, Culture = "en", FullName = $"Count {made}",
                        ReferenceNumber = status == ApplicationStatus.Draft ? null : $"HZ-RC-{made}",
                        CreatedAtUtc = updated.AddDays(-30), UpdatedAtUtc = updated, SubmittedAtUtc = status == ApplicationStatus.Draft ? null : updated.AddDays(-20),
                        KeepUntilUtc = (made / statuses.Length % 5) switch
                        {
                            0 => enrollment.AddMonths(7),
                            1 => enrollment.AddMonths(14),
                            _ => null,
                        },
                    };
                    // Half have a history; its last change may be later than the application's last update.
                    if (status != ApplicationStatus.Draft && made % 2 == 0)
                    {
                        var changes = random.Next(1, 3);
                        for (var c = 0; c < changes; c++)
                        {
                            application.StatusHistory.Add(new ApplicationStatusChange
                            {
                                From = ApplicationStatus.Submitted, To = status, ChangedAtUtc = enrollment.AddMinutes(random.Next(-100 * 24 * 60, 300 * 24 * 60)),
                            });
                        }
                    }

                    db.Applications.Add(application);
                    made++;
                }
            }
        }

        await db.SaveChangesAsync();
    }
}
