using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.Milestones;

/// <summary>The applicant's page with its test sign-in, jobs off (emails stay in the outbox), and a professor's address for alerts.</summary>
public sealed class MilestoneApp : PortalAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";

    public MilestoneApp()
    {
        Settings["Jobs:Enabled"] = "false";
        Settings["Recruit:ProfessorEmail"] = ProfessorEmail;
    }
}

/// <summary>
/// The official milestones after the offer: recorded with their dates by the professor (every step)
/// and the applicant (their own), the 待录取 countdown on both sides by the app's clock, each step's
/// email in the applicant's language, and every refusal (400, or 403/404 for who may not) changing nothing.
/// The clock stands in the spring of 2026 unless a test moves it.
/// </summary>
public partial class MilestoneTests(MilestoneApp app) : IClassFixture<MilestoneApp>
{
    private const string TokenPage = "/contact";

    public static TheoryData<MilestoneKind, string, string> StepEmails() => new()
    {
        { MilestoneKind.OfficialApplication, "en", "Official application recorded: {0}" },
        { MilestoneKind.OfficialApplication, "zh-CN", "已记录您的正式申请：{0}" },
        { MilestoneKind.InterviewPassed, "en", "You passed the interview: application {0}" },
        { MilestoneKind.InterviewPassed, "zh-CN", "复试通过：申请 {0}" },
        { MilestoneKind.PendingAdmission, "en", "待录取 notice: please accept by 2026-03-05 18:30 (UTC+8)" },
        { MilestoneKind.PendingAdmission, "zh-CN", "待录取通知：请于 2026-03-05 18:30 (UTC+8) 前确认接受" },
        { MilestoneKind.PendingAdmissionAccepted, "en", "You accepted the 待录取 notice: application {0}" },
        { MilestoneKind.PendingAdmissionAccepted, "zh-CN", "已接受待录取通知：申请 {0}" },
        { MilestoneKind.Admitted, "en", "Admitted: welcome to the group ({0})" },
        { MilestoneKind.Admitted, "zh-CN", "正式录取：欢迎加入课题组（{0}）" },
        { MilestoneKind.AcceptedElsewhere, "en", "Your place elsewhere: application {0}" },
        { MilestoneKind.AcceptedElsewhere, "zh-CN", "关于您在其他单位的录取：申请 {0}" },
    };

    [Theory]
    [MemberData(nameof(StepEmails))]
    public async Task The_professor_records_each_step_with_its_date_audited_and_its_templated_email_in_the_applicant_s_language(
        MilestoneKind kind, string culture, string subject)
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var (applicant, application) = await OfferAsync(culture);
        var professor = await app.CreateUserAsync(Roles.Professor);
        using var client = await app.CreateClientSignedInAsAsync(professor);

        using var response = await RecordAsync(client, application.Id, Fields(kind));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/review/applications/{application.Id}/milestones?recorded={kind}&emailed=true", response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        var row = await db.ApplicationMilestones.SingleAsync(m => m.ApplicationId == application.Id);
        Assert.Equal((kind, new DateOnly(2026, 3, 1), professor.Id), (row.Kind, row.OccurredOn, row.RecordedByUserId));
        Assert.Equal(kind == MilestoneKind.PendingAdmission ? new DateTime(2026, 3, 5, 10, 30, 0, DateTimeKind.Utc) : null, row.RespondByUtc);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "Milestone" && e.Target == $"Application {application.Id}");
        Assert.Equal(professor.Id, audit.UserId);
        Assert.Contains($"{kind} on 2026-03-01", audit.Details, StringComparison.Ordinal);
        var email = await db.EmailMessages.SingleAsync(m => m.ApplicationId == application.Id);
        Assert.Equal(("Milestone" + kind, applicant.Email, culture), (email.Kind, email.ToAddress, email.Culture));
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, subject, application.ReferenceNumber), email.Subject);
        Assert.Contains("2026-03-01", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(culture == "en" ? "Dear Li Ming," : "Li Ming 您好：", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("/applicant?culture=" + culture, email.TextBody, StringComparison.Ordinal);

        var page = PageText.Of(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("2026-03-01 · ", page, StringComparison.Ordinal);
        Assert.Contains("The applicant's email is queued.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_email_box_a_step_is_recorded_and_no_email_is_queued()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var (_, application) = await OfferAsync();
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await RecordAsync(client, application.Id, Fields(MilestoneKind.InterviewPassed, sendEmail: null));

        Assert.Equal($"/review/applications/{application.Id}/milestones?recorded=InterviewPassed&emailed=false", response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        Assert.True(await db.ApplicationMilestones.AnyAsync(m => m.ApplicationId == application.Id));
        Assert.False(await db.EmailMessages.AnyAsync(m => m.ApplicationId == application.Id));
    }

    [Fact]
    public async Task The_pending_admission_deadline_is_counted_down_in_days_and_hours_on_the_reviewer_and_the_applicant_pages()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var (applicant, application) = await OfferAsync("zh-CN");
        using (var professor = await app.CreateClientSignedInAsync(Roles.Professor))
        {
            using var recorded = await RecordAsync(professor, application.Id, Fields(MilestoneKind.PendingAdmission));
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        // 2026-03-02 09:00 → 2026-03-05 18:30 Shanghai: 3 days, 9 hours and a half.
        await AssertCountdownAsync(application.Id, applicant, "3 days and 9 hours left", "还剩 3 天 9 小时", days: 3, hours: 9);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await AssertCountdownAsync(application.Id, applicant, "9 hours left", "还剩 9 小时", days: 0, hours: 9);
        app.Clock.Advance(TimeSpan.FromHours(9.5));
        await AssertCountdownAsync(application.Id, applicant, "The deadline has passed.", "截止时间已过。", days: 0, hours: 0);

        // Once the student has accepted, the deadline no longer counts down.
        app.Clock.Freeze(TestClock.Spring2026.AddDays(3));
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using (var accepted = await RecordAsync(client, application.Id, Fields(MilestoneKind.PendingAdmissionAccepted, day: "2026-03-04")))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        Assert.DoesNotContain("data-countdown", await client.GetStringAsync($"/review/applications/{application.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_applicant_records_their_official_application_and_a_place_elsewhere_and_the_professor_is_told()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var (applicant, application) = await OfferAsync("zh-CN");
        using var client = await app.SignedInClientAsync(applicant);
        var page = await client.GetStringAsync("/applicant");
        Assert.Contains($"href=\"/applicant/{application.Id}/milestones\"", page, StringComparison.Ordinal);
        var form = await client.GetStringAsync($"/applicant/{application.Id}/milestones");
        Assert.Contains("<option value=\"OfficialApplication\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"AcceptedElsewhere\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"Admitted\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"sendEmail\"", form, StringComparison.Ordinal);

        foreach (var kind in new[] { MilestoneKind.OfficialApplication, MilestoneKind.AcceptedElsewhere })
        {
            using var response = await client.PostFormAsync($"/applicant/{application.Id}/milestones", $"/applicant/{application.Id}/milestones",
                [new("kind", kind.ToString()), new("occurredOn", "2026-02-27"), new("note", "Tsinghua, 计算机系")]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/applicant/{application.Id}/milestones?recorded={kind}", response.Headers.Location?.OriginalString);
        }

        await using var db = app.CreateDbContext();
        var rows = (await db.ApplicationMilestones.Where(m => m.ApplicationId == application.Id).ToListAsync()).OrderBy(m => m.Kind).ToList();
        Assert.Equal(new[] { MilestoneKind.OfficialApplication, MilestoneKind.AcceptedElsewhere }, rows.Select(r => r.Kind));
        Assert.All(rows, r => Assert.Equal((applicant.Id, new DateOnly(2026, 2, 27), "Tsinghua, 计算机系"), (r.RecordedByUserId, r.OccurredOn, r.Note)));
        var emails = await db.EmailMessages.Where(m => m.ApplicationId == application.Id).ToListAsync();
        var toApplicant = emails.Single(m => m.Kind == "MilestoneAcceptedElsewhere");
        Assert.Equal((applicant.Email, "zh-CN"), (toApplicant.ToAddress, toApplicant.Culture));
        Assert.StartsWith("关于您在其他单位的录取", toApplicant.Subject, StringComparison.Ordinal);
        var alerts = emails.Where(m => m.Kind == "MilestoneReported").ToList();
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, m => Assert.Equal((MilestoneApp.ProfessorEmail, applicant.Email, "en"), (m.ToAddress, m.ReplyTo, m.Culture)));
        Assert.Contains(alerts, m => m.Subject == $"Official step recorded: {application.ReferenceNumber}, Accepted a place elsewhere");
        Assert.Contains("Tsinghua, 计算机系", alerts[0].TextBody, StringComparison.Ordinal);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "Milestone" && e.Target == $"Application {application.Id}" && e.UserId == applicant.Id));
        Assert.Contains("已接受其他单位录取", PageText.Of(await client.GetStringAsync("/applicant?culture=zh-CN")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MilestoneKind.InterviewPassed)]
    [InlineData(MilestoneKind.PendingAdmission)]
    [InlineData(MilestoneKind.PendingAdmissionAccepted)]
    [InlineData(MilestoneKind.Admitted)]
    public async Task An_applicant_cannot_record_the_steps_that_are_the_professor_s_to_record(MilestoneKind kind)
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var (applicant, application) = await OfferAsync();
        using var client = await app.SignedInClientAsync(applicant);
        var before = await SnapshotAsync(application.Id);

        using var response = await client.PostFormAsync($"/applicant/{application.Id}/milestones", $"/applicant/{application.Id}/milestones",
            [.. Fields(kind, sendEmail: null)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The professor records this step. Tell them when it happens.", FieldError(await response.Content.ReadAsStringAsync(), "kind"));
        Assert.Equal(before, await SnapshotAsync(application.Id));
    }

    [Fact]
    public async Task Co_reviewers_see_the_steps_of_their_applications_but_cannot_record_any_and_others_see_nothing()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var (_, application) = await OfferAsync();
        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        await using (var db = app.CreateDbContext())
        {
            db.ReviewerAssignments.Add(new Data.Review.ReviewerAssignment { ApplicationId = application.Id, ReviewerId = reviewer.Id, AssignedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        using (var professor = await app.CreateClientSignedInAsync(Roles.Professor))
        using (var recorded = await RecordAsync(professor, application.Id, Fields(MilestoneKind.OfficialApplication)))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        using var assigned = await app.CreateClientSignedInAsAsync(reviewer);
        using var other = await app.CreateClientSignedInAsync(Roles.Reviewer);
        var before = await SnapshotAsync(application.Id);

        var page = await assigned.GetStringAsync($"/review/applications/{application.Id}/milestones");
        Assert.Contains("data-milestone=\"OfficialApplication\"", page, StringComparison.Ordinal);
        Assert.Contains("Only the professor records official steps.", PageText.Of(page), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"kind\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"milestones\"", await assigned.GetStringAsync($"/review/applications/{application.Id}"), StringComparison.Ordinal);
        using var refused = await RecordAsync(assigned, application.Id, Fields(MilestoneKind.Admitted));
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true,
            $"{(int)refused.StatusCode} {refused.Headers.Location}");
        using var hidden = await other.GetAsync($"/review/applications/{application.Id}/milestones");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var hiddenPost = await RecordAsync(other, application.Id, Fields(MilestoneKind.Admitted));
        Assert.Equal(HttpStatusCode.NotFound, hiddenPost.StatusCode);
        Assert.Equal(before, await SnapshotAsync(application.Id));
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted, "Submitted")]
    [InlineData(ApplicationStatus.UnderReview, "Under review")]
    [InlineData(ApplicationStatus.Interview, "Interview")]
    [InlineData(ApplicationStatus.Rejected, "Not admitted")]
    [InlineData(ApplicationStatus.Withdrawn, "Withdrawn")]
    public async Task No_step_is_recorded_for_an_application_before_the_offer_or_closed_without_one(ApplicationStatus status, string shown)
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var applicant = await app.CreateApplicantAsync();
        var application = await app.CreateApplicationAsync(applicant, status);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using var own = await app.SignedInClientAsync(applicant);
        var before = await SnapshotAsync(application.Id);
        var message = $"Official steps are recorded once the professor has made an offer: this application is {shown}.";

        using var byProfessor = await RecordAsync(professor, application.Id, Fields(MilestoneKind.OfficialApplication));
        using var byApplicant = await own.PostFormAsync($"/applicant/{application.Id}/milestones", $"/applicant/{application.Id}/milestones",
            [.. Fields(MilestoneKind.OfficialApplication, sendEmail: null)]);

        Assert.Equal(HttpStatusCode.BadRequest, byProfessor.StatusCode);
        Assert.Contains(message, PageText.Of(await byProfessor.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, byApplicant.StatusCode);
        Assert.Contains(message, PageText.Of(await byApplicant.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"milestones\"", await professor.GetStringAsync($"/review/applications/{application.Id}"), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(application.Id));
    }

    /// <summary>Field, message, and the changes to a valid 待录取 form ("field" alone removes it).</summary>
    public static TheoryData<string, string, string[]> RefusedInputs() => new()
    {
        { "kind", "Choose the official step.", ["kind"] },
        { "kind", "Choose an official step from the list.", ["kind=Graduated"] },
        { "kind", "Choose an official step from the list.", ["kind=2"] },
        { "kind", "Choose an official step from the list.", ["kind=Admitted, AcceptedElsewhere"] },
        { "kind", "Choose an official step from the list.", ["kind=" + new string('x', 5000)] },
        { "occurredOn", "Enter the date of the step.", ["occurredOn"] },
        { "occurredOn", "Enter the date as YYYY-MM-DD, e.g. 2026-09-25.", ["occurredOn=yesterday"] },
        { "occurredOn", "Enter the date as YYYY-MM-DD, e.g. 2026-09-25.", ["occurredOn=2026-02-30"] },
        { "occurredOn", "Enter the date as YYYY-MM-DD, e.g. 2026-09-25.", ["occurredOn=01/03/2026"] },
        { "occurredOn", "Enter the date as YYYY-MM-DD, e.g. 2026-09-25.", ["occurredOn=1999-12-31"] },
        { "occurredOn", "Enter the date as YYYY-MM-DD, e.g. 2026-09-25.", ["occurredOn=" + new string('2', 5000)] },
        { "occurredOn", "The date cannot be in the future: record a step once it has happened.", ["occurredOn=2026-03-03"] },
        { "respondBy", "Enter the deadline by which the student must accept.", ["respondBy"] },
        { "respondBy", "Enter a date and time between 2000 and 2100, e.g. 2027-03-31 23:59.", ["respondBy=next friday"] },
        { "respondBy", "Enter a date and time between 2000 and 2100, e.g. 2027-03-31 23:59.", ["respondBy=2026-03-05T25:00"] },
        { "respondBy", "Enter a date and time between 2000 and 2100, e.g. 2027-03-31 23:59.", ["respondBy=" + new string('9', 5000)] },
        { "respondBy", "The deadline must be after the notice was sent.", ["respondBy=2026-02-28T18:00"] },
        { "respondBy", "The deadline must be after the notice was sent.", ["occurredOn=2026-03-02", "respondBy=2026-03-01T23:59"] },
        { "respondBy", "Only a 待录取 notice has a deadline: leave this empty.", ["kind=Admitted"] },
        { "note", "The note can have at most 500 characters.", ["note=" + new string('备', 501)] },
        { "sendEmail", "Tick the box to send the email, or leave it empty.", ["sendEmail=yes"] },
    };

    [Theory]
    [MemberData(nameof(RefusedInputs))]
    public async Task Every_refused_input_answers_400_with_its_message_beside_the_field_and_changes_nothing(string field, string message, string[] changes)
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var (_, application) = await OfferAsync();
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var fields = Fields(MilestoneKind.PendingAdmission);
        foreach (var change in changes)
        {
            var (key, value) = change.Split('=', 2) is [var k, var v] ? (k, v) : (change, null);
            fields.RemoveAll(f => f.Key == key);
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }

        var before = await SnapshotAsync(application.Id);

        using var response = await RecordAsync(professor, application.Id, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(message, FieldError(html, field));
        Assert.Contains("Nothing was saved.", html, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(application.Id));
    }

    [Fact]
    public async Task Recording_a_step_again_corrects_it_and_says_so_in_the_audit()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var (_, application) = await OfferAsync();
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        using (var first = await RecordAsync(professor, application.Id, Fields(MilestoneKind.InterviewPassed, day: "2026-02-20", sendEmail: null)))
        using (var second = await RecordAsync(professor, application.Id, Fields(MilestoneKind.InterviewPassed, day: "2026-02-21", sendEmail: null)))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        await using var db = app.CreateDbContext();
        var row = await db.ApplicationMilestones.SingleAsync(m => m.ApplicationId == application.Id);
        Assert.Equal(new DateOnly(2026, 2, 21), row.OccurredOn);
        var audits = await db.AuditEntries.Where(e => e.Action == "Milestone" && e.Target == $"Application {application.Id}").OrderBy(e => e.Id).Select(e => e.Details!).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.DoesNotContain("(corrected)", audits[0], StringComparison.Ordinal);
        Assert.Contains("InterviewPassed on 2026-02-21 (corrected)", audits[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_new_step_recorded_several_times_at_once_is_kept_once_emailed_once_and_every_request_succeeds()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var (_, application) = await OfferAsync();
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var token = await professor.GetAntiforgeryTokenAsync(TokenPage);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await professor.PostFormAsync($"/review/applications/{application.Id}/milestones", Fields(MilestoneKind.Admitted), token);
            return response.StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.Redirect, status));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.ApplicationMilestones.CountAsync(m => m.ApplicationId == application.Id));
        Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.ApplicationId == application.Id && m.Kind == "MilestoneAdmitted"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "Milestone" && e.Target == $"Application {application.Id}"));
    }

    [Fact]
    public async Task Another_applicant_s_application_answers_404_and_changes_nothing()
    {
        app.Clock.Freeze(TestClock.Spring2026);
        var (_, application) = await OfferAsync();
        var stranger = await app.CreateApplicantAsync();
        using var client = await app.SignedInClientAsync(stranger);
        var before = await SnapshotAsync(application.Id);

        using var get = await client.GetAsync($"/applicant/{application.Id}/milestones");
        using var post = await client.PostFormAsync(TokenPage, $"/applicant/{application.Id}/milestones", [.. Fields(MilestoneKind.AcceptedElsewhere, sendEmail: null)]);
        using var missing = await client.GetAsync("/applicant/999999/milestones");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(before, await SnapshotAsync(application.Id));
    }

    [Fact]
    public async Task The_template_pages_list_each_step_s_email_in_both_languages_with_a_preview()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        var list = await professor.GetStringAsync("/review/templates");
        var chinese = await professor.GetStringAsync("/review/templates/milestones/PendingAdmission/zh-CN");

        foreach (var kind in Enum.GetValues<MilestoneKind>())
        {
            Assert.Contains($"data-milestone-template=\"{kind}-en\"", list, StringComparison.Ordinal);
            Assert.Contains($"data-milestone-template=\"{kind}-zh-CN\"", list, StringComparison.Ordinal);
        }

        Assert.Contains("待录取通知：请于 {deadline} 前确认接受", chinese, StringComparison.Ordinal);
        Assert.Contains("data-email-preview=\"zh-CN\"", chinese, StringComparison.Ordinal);
        Assert.Contains("李明 您好：", chinese, StringComparison.Ordinal);
        foreach (var path in new[] { "/review/templates/milestones/Graduated/en", "/review/templates/milestones/2/en", "/review/templates/milestones/Admitted/fr" })
        {
            using var response = await professor.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private async Task AssertCountdownAsync(int id, RecruitUser applicant, string english, string chinese, int days, int hours)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using var student = await app.SignedInClientAsync(applicant);
        var reviewer = await professor.GetStringAsync($"/review/applications/{id}");
        var steps = await professor.GetStringAsync($"/review/applications/{id}/milestones");
        var own = await student.GetStringAsync("/applicant?culture=zh-CN");

        Assert.Contains(english, PageText.Of(reviewer), StringComparison.Ordinal);
        Assert.Contains(english, PageText.Of(steps), StringComparison.Ordinal);
        Assert.Contains(chinese, PageText.Of(own), StringComparison.Ordinal);
        Assert.Contains($"data-countdown data-days=\"{days}\" data-hours=\"{hours}\"", own, StringComparison.Ordinal);
        Assert.Contains("Accept the 待录取 notice by 2026-03-05 18:30 (Shanghai time, UTC+8).", PageText.Of(reviewer), StringComparison.Ordinal);
        Assert.Contains("请于 2026-03-05 18:30（北京时间，UTC+8）前接受待录取通知。", PageText.Of(own), StringComparison.Ordinal);
        // The applicant's own time zone is added in their browser from the moment in UTC.
        Assert.Contains("data-local-time=\"2026-03-05T10:30:00Z\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("data-local-time", reviewer, StringComparison.Ordinal);
    }

    /// <summary>A valid form for <paramref name="kind"/>: the day before the clock's 2026-03-02, a 待录取 deadline of 2026-03-05 18:30 Shanghai.</summary>
    private static List<KeyValuePair<string, string>> Fields(MilestoneKind kind, string day = "2026-03-01", string? sendEmail = "true")
    {
        var fields = new List<KeyValuePair<string, string>> { new("kind", kind.ToString()), new("occurredOn", day) };
        if (kind == MilestoneKind.PendingAdmission)
        {
            fields.Add(new("respondBy", "2026-03-05T18:30"));
        }

        if (sendEmail is not null)
        {
            fields.Add(new("sendEmail", sendEmail));
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, int id, List<KeyValuePair<string, string>> fields) =>
        await client.PostFormAsync(TokenPage, $"/review/applications/{id}/milestones", fields);

    private async Task<(RecruitUser Applicant, Application Application)> OfferAsync(string culture = "en")
    {
        var applicant = await app.CreateApplicantAsync(culture);
        return (applicant, await app.CreateApplicationAsync(applicant, ApplicationStatus.Offer, culture));
    }

    /// <summary>Everything a milestone request could change for the application: its steps, emails and audit rows.</summary>
    private async Task<string> SnapshotAsync(int id)
    {
        await using var db = app.CreateDbContext();
        var steps = await db.ApplicationMilestones.Where(m => m.ApplicationId == id).Select(m => $"{m.Kind} {m.OccurredOn} {m.RespondByUtc}").ToListAsync();
        var emails = await db.EmailMessages.CountAsync(m => m.ApplicationId == id);
        var audits = await db.AuditEntries.CountAsync(e => e.Target == $"Application {id}");
        return $"{string.Join(";", steps)} | {emails} | {audits}";
    }

    private static string FieldError(string html, string field)
    {
        var match = Regex.Match(html, $"<span class=\"field-error\" id=\"e-{field}\">(?<m>[^<]*)</span>");
        Assert.True(match.Success, $"no message beside {field}: {PageText.Of(html)}");
        return WebUtility.HtmlDecode(match.Groups["m"].Value);
    }
}
