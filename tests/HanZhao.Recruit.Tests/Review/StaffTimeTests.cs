using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review;

/// <summary>Staff read every time of day in Shanghai with the zone said; none in UTC, none bare.</summary>
public partial class StaffTimeTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task No_staff_page_shows_a_time_in_utc_or_without_its_zone()
    {
        var id = await SeedAsync();
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        string[] pages =
        [
            "/review", $"/review/applications/{id}", $"/review/applications/{id}/status", $"/review/applications/{id}/milestones",
            "/review/emails", "/review/audit", "/review/reviewers", "/review/templates", "/review/templates/Interview/en", "/review/settings/intakes",
        ];

        var problems = new List<string>();
        var timesSeen = 0;
        foreach (var page in pages)
        {
            foreach (var culture in new[] { "en", "zh-CN" })
            {
                var url = page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture;
                using var response = await professor.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
                var text = PageText.Of(await response.Content.ReadAsStringAsync());
                foreach (Match time in TimeOfDay().Matches(text))
                {
                    timesSeen++;
                    if (!ZoneSaid().IsMatch(text[(time.Index + time.Length)..]))
                    {
                        problems.Add($"{url}: \"{text.Substring(time.Index, Math.Min(60, text.Length - time.Index))}\"");
                    }
                }

                problems.AddRange(Utc().Matches(text).Select(m => $"{url}: UTC in \"{text.Substring(Math.Max(0, m.Index - 30), Math.Min(60, text.Length - Math.Max(0, m.Index - 30)))}\""));
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        // The seeded note, email and audit entry are all shown: the scan saw real times.
        Assert.True(timesSeen >= 10, $"only {timesSeen} times found: is the scan still right?");
    }

    [Fact]
    public async Task A_time_is_shanghai_time_with_the_zone_in_both_languages()
    {
        var id = await SeedAsync();
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        Assert.Contains("2026-03-01 17:45 (Shanghai, UTC+8)", await professor.GetTextAsync($"/review/applications/{id}"), StringComparison.Ordinal);
        Assert.Contains("2026-03-01 17:45（上海，UTC+8）", await professor.GetTextAsync($"/review/applications/{id}?culture=zh-CN"), StringComparison.Ordinal);
        Assert.Contains("2026-03-01 17:45:30 (Shanghai, UTC+8)", await professor.GetTextAsync("/review/emails?culture=en"), StringComparison.Ordinal);
    }

    /// <summary>An application with a note, an email and an audit entry, each at 2026-03-01 09:45:30 UTC (17:45:30 in Shanghai).</summary>
    private async Task<int> SeedAsync()
    {
        var at = new DateTime(2026, 3, 1, 9, 45, 30, DateTimeKind.Utc);
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        var author = await app.CreateUserAsync(Roles.Reviewer);
        await using var db = app.CreateDbContext();
        var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
        var application = new Application
        {
            ApplicantId = applicant.Id,
            IntakeId = intake.Id,
            Program = StudyPrograms.PhD,
            Status = ApplicationStatus.UnderReview,
            FullName = "Time Keeper",
            ReferenceNumber = "HZ-T-" + Guid.NewGuid().ToString("N")[..12],
            CreatedAtUtc = at,
            UpdatedAtUtc = at,
            SubmittedAtUtc = at,
        };
        application.StatusHistory.Add(new ApplicationStatusChange { From = ApplicationStatus.Submitted, To = ApplicationStatus.UnderReview, ChangedAtUtc = at });
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        db.ApplicationNotes.Add(new ApplicationNote { ApplicationId = application.Id, AuthorId = author.Id, Text = "On time.", CreatedAtUtc = at });
        db.AuditEntries.Add(new AuditEntry { AtUtc = at, UserEmail = "clock@recruit.test", Action = "Note", Target = $"Application {application.Id}" });
        db.EmailMessages.Add(new EmailMessage
        {
            Id = Guid.CreateVersion7(), Kind = "Test", ToAddress = "time@recruit.test", Subject = "Times", HtmlBody = "<p>x</p>", TextBody = "x",
            Status = EmailStatus.Sent, CreatedAtUtc = at, NextAttemptAtUtc = at, SentAtUtc = at,
        });
        await db.SaveChangesAsync();
        return application.Id;
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?")]
    private static partial Regex TimeOfDay();

    /// <summary>Right after the time: "(Shanghai, UTC+8)", "（上海，UTC+8）", "(Shanghai time, UTC+8)", " UTC+8".</summary>
    [GeneratedRegex(@"^\s*(?:[(（][^)）]{0,24})?UTC\+8")]
    private static partial Regex ZoneSaid();

    [GeneratedRegex(@"UTC(?!\+8)")]
    private static partial Regex Utc();
}
