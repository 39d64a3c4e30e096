using System.IO.Compression;
using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Applicant;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.Decisions;

/// <summary>The app for decision tests: background jobs off, so queued emails stay where the tests can read them.</summary>
public sealed class DecisionAppFactory : RecruitAppFactory
{
    public DecisionAppFactory() => Settings["Jobs:Enabled"] = "false";
}

public class DecisionTests(DecisionAppFactory app) : IClassFixture<DecisionAppFactory>
{
    /// <summary>Any page with a form gives a token bound to the client's user; tokens are not tied to a page.</summary>
    private const string TokenPage = "/contact";

    public static TheoryData<ApplicationStatus, ApplicationStatus> Allowed => new()
    {
        { ApplicationStatus.Submitted, ApplicationStatus.UnderReview },
        { ApplicationStatus.Submitted, ApplicationStatus.Interview },
        { ApplicationStatus.Submitted, ApplicationStatus.Rejected },
        { ApplicationStatus.UnderReview, ApplicationStatus.Interview },
        { ApplicationStatus.UnderReview, ApplicationStatus.Rejected },
        { ApplicationStatus.Interview, ApplicationStatus.Offer },
        { ApplicationStatus.Interview, ApplicationStatus.Rejected },
        { ApplicationStatus.Offer, ApplicationStatus.Accepted },
        { ApplicationStatus.Offer, ApplicationStatus.Declined },
        { ApplicationStatus.Offer, ApplicationStatus.Rejected },
    };

    public static TheoryData<ApplicationStatus, ApplicationStatus, string> Refused => new()
    {
        { ApplicationStatus.Submitted, ApplicationStatus.Offer, "An application that is Submitted cannot move to Offer." },
        { ApplicationStatus.Submitted, ApplicationStatus.Accepted, "An application that is Submitted cannot move to Accepted." },
        { ApplicationStatus.UnderReview, ApplicationStatus.Offer, "An application that is Under review cannot move to Offer." },
        { ApplicationStatus.Interview, ApplicationStatus.Declined, "An application that is Interview cannot move to Declined." },
        { ApplicationStatus.Interview, ApplicationStatus.Submitted, "An application that is Interview cannot move to Submitted." },
        { ApplicationStatus.Offer, ApplicationStatus.Offer, "The application is already Offer." },
        { ApplicationStatus.Rejected, ApplicationStatus.Interview, "Not admitted is a final status: the application cannot change any more." },
        { ApplicationStatus.Withdrawn, ApplicationStatus.UnderReview, "Withdrawn is a final status: the application cannot change any more." },
        { ApplicationStatus.Accepted, ApplicationStatus.Declined, "Accepted is a final status: the application cannot change any more." },
        { ApplicationStatus.Declined, ApplicationStatus.Accepted, "Declined is a final status: the application cannot change any more." },
        { ApplicationStatus.Submitted, ApplicationStatus.Draft, "An application never goes back to Draft." },
        { ApplicationStatus.UnderReview, ApplicationStatus.Withdrawn, "Only the applicant can withdraw an application." },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task Every_allowed_transition_changes_the_status_and_writes_history_audit_and_email(ApplicationStatus from, ApplicationStatus to)
    {
        var (_, application) = await NewApplicationAsync(from);
        var professor = await app.CreateUserAsync(Roles.Professor);
        using var client = await app.CreateClientSignedInAsAsync(professor);

        using var response = await client.PostFormAsync($"/review/applications/{application.Id}/status?to={to}",
            $"/review/applications/{application.Id}/status", [new("to", to.ToString()), new("sendEmail", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/review/applications/{application.Id}/status?changed=true&emailed=true", response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        Assert.Equal(to, (await db.Applications.SingleAsync(a => a.Id == application.Id)).Status);
        var step = await db.ApplicationStatusChanges.Where(h => h.ApplicationId == application.Id).OrderByDescending(h => h.Id).FirstAsync();
        Assert.Equal((from, to, professor.Id), (step.From, step.To, step.ChangedByUserId));
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.Action == "Status" + to && a.Target == $"Application {application.Id}").ToListAsync());
        Assert.Equal(professor.Id, audit.UserId);
        Assert.Contains($"{from} → {to}", audit.Details, StringComparison.Ordinal);
        var email = Assert.Single(await db.EmailMessages.Where(m => m.ApplicationId == application.Id).ToListAsync());
        Assert.Equal("Status" + to, email.Kind);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Every_refused_transition_answers_400_with_the_reason_and_changes_nothing(ApplicationStatus from, ApplicationStatus to, string reason)
    {
        var (_, application) = await NewApplicationAsync(from);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await client.PostFormAsync(TokenPage,
            $"/review/applications/{application.Id}/status", [new("to", to.ToString()), new("sendEmail", "true")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertUnchangedAsync(application, from);
    }

    [Fact]
    public async Task The_email_is_written_in_the_applicants_language_with_the_placeholders_filled_and_encoded()
    {
        var (applicant, application) = await NewApplicationAsync(ApplicationStatus.Submitted, "zh-CN", "<script>alert(1)</script>王小明");
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        // The preview the professor sees first is the same email.
        var page = await client.GetStringAsync($"/review/applications/{application.Id}/status?to=UnderReview");
        Assert.Contains($"您的申请 {application.ReferenceNumber} 正在审核中", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;王小明 您好", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);

        using var response = await client.PostFormAsync($"/review/applications/{application.Id}/status?to=UnderReview",
            $"/review/applications/{application.Id}/status", [new("to", "UnderReview"), new("sendEmail", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var intake = await db.Applications.Where(a => a.Id == application.Id).Select(a => a.Intake!.Code).SingleAsync();
        var email = await db.EmailMessages.SingleAsync(m => m.ApplicationId == application.Id);
        Assert.Equal(applicant.Email, email.ToAddress);
        Assert.Equal("zh-CN", email.Culture);
        Assert.Equal($"您的申请 {application.ReferenceNumber} 正在审核中", email.Subject);
        Assert.Contains($"感谢您申请赵涵课题组 {intake} 批次的博士项目", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>王小明 您好", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;王小明 您好", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{name}", email.HtmlBody + email.Subject, StringComparison.Ordinal);
        Assert.Contains("https://hanzhao.test/applicant?culture=zh-CN", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_send_email_off_the_status_changes_and_no_email_is_queued()
    {
        var (_, application) = await NewApplicationAsync(ApplicationStatus.UnderReview);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        // An unticked checkbox sends nothing.
        using var response = await client.PostFormAsync(TokenPage, $"/review/applications/{application.Id}/status", [new("to", "Interview")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("emailed=false", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(ApplicationStatus.Interview, (await db.Applications.SingleAsync(a => a.Id == application.Id)).Status);
        Assert.False(await db.EmailMessages.AnyAsync(m => m.ApplicationId == application.Id));
        Assert.Contains("no email", (await db.AuditEntries.SingleAsync(a => a.Target == $"Application {application.Id}")).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_page_offers_only_the_allowed_next_statuses()
    {
        var (_, application) = await NewApplicationAsync(ApplicationStatus.Offer);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        var html = await client.GetStringAsync($"/review/applications/{application.Id}/status");

        Assert.Contains("value=\"Accepted\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Declined\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Rejected\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Interview\"", html, StringComparison.Ordinal);
        using var refused = await client.GetAsync($"/review/applications/{application.Id}/status?to=Interview");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_bulk_change_over_a_mixed_selection_changes_only_the_allowed_ones_and_reports_the_rest()
    {
        var (_, english) = await NewApplicationAsync(ApplicationStatus.Submitted);
        var (_, chinese) = await NewApplicationAsync(ApplicationStatus.Submitted, "zh-CN");
        var (_, interview) = await NewApplicationAsync(ApplicationStatus.Interview);
        var (_, rejected) = await NewApplicationAsync(ApplicationStatus.Rejected);
        var (_, draft) = await NewApplicationAsync(ApplicationStatus.Draft);
        const int missing = 987654;
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var ids = string.Join(',', english.Id, chinese.Id, interview.Id, rejected.Id, draft.Id, missing);

        using var response = await client.PostFormAsync(TokenPage, "/review/bulk",
            [new("ids", ids), new("status", "UnderReview"), new("sendEmail", "true")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-changed=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("data-emailed=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("data-refused=\"4\"", html, StringComparison.Ordinal);
        Assert.Contains("An application that is Interview cannot move to Under review.", html, StringComparison.Ordinal);
        Assert.Contains("Not admitted is a final status", html, StringComparison.Ordinal);
        Assert.Contains($"Application {draft.Id} was not found.", html, StringComparison.Ordinal);
        Assert.Contains($"Application {missing} was not found.", html, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.Equal(ApplicationStatus.UnderReview, (await db.Applications.SingleAsync(a => a.Id == english.Id)).Status);
        Assert.Equal(ApplicationStatus.UnderReview, (await db.Applications.SingleAsync(a => a.Id == chinese.Id)).Status);
        await AssertUnchangedAsync(interview, ApplicationStatus.Interview);
        await AssertUnchangedAsync(rejected, ApplicationStatus.Rejected);
        await AssertUnchangedAsync(draft, ApplicationStatus.Draft);
        var emails = await db.EmailMessages.Where(m => m.ApplicationId == english.Id || m.ApplicationId == chinese.Id).ToListAsync();
        Assert.Equal(2, emails.Count);
        Assert.Equal("en", emails.Single(m => m.ApplicationId == english.Id).Culture);
        Assert.Equal($"您的申请 {chinese.ReferenceNumber} 正在审核中", emails.Single(m => m.ApplicationId == chinese.Id).Subject);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "StatusUnderReview"
            && (a.Target == $"Application {english.Id}" || a.Target == $"Application {chinese.Id}")));
    }

    [Fact]
    public async Task The_bulk_preview_counts_what_would_change_shows_the_emails_and_changes_nothing()
    {
        var (_, english) = await NewApplicationAsync(ApplicationStatus.Submitted);
        var (_, chinese) = await NewApplicationAsync(ApplicationStatus.Submitted, "zh-CN");
        var (_, offer) = await NewApplicationAsync(ApplicationStatus.Offer);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await client.GetAsync($"/review/bulk?ids={english.Id},{chinese.Id},{offer.Id}&status=UnderReview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-changing=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("data-refused=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("An application that is Offer cannot move to Under review.", html, StringComparison.Ordinal);
        Assert.Contains($"Your application {english.ReferenceNumber} is under review", html, StringComparison.Ordinal);
        Assert.Contains($"您的申请 {chinese.ReferenceNumber} 正在审核中", html, StringComparison.Ordinal);
        // The form posts only the applications that will change.
        Assert.Contains($"name=\"ids\" value=\"{english.Id},{chinese.Id}\"", html, StringComparison.Ordinal);
        await AssertUnchangedAsync(english, ApplicationStatus.Submitted);
        await AssertUnchangedAsync(chinese, ApplicationStatus.Submitted);
    }

    [Fact]
    public async Task An_edited_template_writes_the_next_email_and_restoring_brings_the_built_in_back()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        const string page = "/review/templates/Interview/en";

        using var preview = await client.PostFormAsync(page, page,
            [new("subject", "Let us talk, {name}"), new("body", "Dear {name},\n\nCome and see us about {reference}."), new("preview", "1")]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Let us talk, Li Ming", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.EmailTemplates.AnyAsync(t => t.Status == ApplicationStatus.Interview && t.Culture == "en"));
        }

        using var unknown = await client.PostFormAsync(page, page, [new("subject", "Hello {firstname}"), new("body", "Text")]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Unknown placeholder: {firstname}", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var saved = await client.PostFormAsync(page, page,
            [new("subject", "Let us talk, {name}"), new("body", "Dear {name},\n\nCome and see us about {reference}.")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("edited", await client.GetStringAsync("/review/templates"), StringComparison.Ordinal);

        var (_, first) = await NewApplicationAsync(ApplicationStatus.UnderReview, name: "Zhang Wei");
        await ChangeAsync(client, first.Id, "Interview");

        using var restored = await client.PostFormAsync(page, page + "/restore", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var (_, second) = await NewApplicationAsync(ApplicationStatus.UnderReview, name: "Zhang Wei");
        await ChangeAsync(client, second.Id, "Interview");

        await using var check = app.CreateDbContext();
        var edited = await check.EmailMessages.SingleAsync(m => m.ApplicationId == first.Id);
        Assert.Equal("Let us talk, Zhang Wei", edited.Subject);
        Assert.Contains($"Come and see us about {first.ReferenceNumber}.", edited.TextBody, StringComparison.Ordinal);
        Assert.False(await check.EmailTemplates.AnyAsync(t => t.Status == ApplicationStatus.Interview && t.Culture == "en"));
        Assert.Equal($"Interview invitation: application {second.ReferenceNumber}",
            (await check.EmailMessages.SingleAsync(m => m.ApplicationId == second.Id)).Subject);
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == "Settings" && a.Target == "Email template Interview en"));
    }

    [Fact]
    public async Task The_zip_holds_exactly_the_documents_of_the_selected_visible_applications()
    {
        var cv = PortalTestAccounts.SmallPdf;
        var transcript = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4 transcript");
        var (_, first) = await NewApplicationAsync(ApplicationStatus.Submitted,
            documents: [(DocumentKind.Cv, "cv.pdf", cv), (DocumentKind.Transcript, "grades.pdf", transcript)]);
        var (_, second) = await NewApplicationAsync(ApplicationStatus.Interview, documents: [(DocumentKind.Cv, "my cv.pdf", cv)]);
        var (_, notSelected) = await NewApplicationAsync(ApplicationStatus.Submitted, documents: [(DocumentKind.Cv, "other.pdf", cv)]);
        var (_, draft) = await NewApplicationAsync(ApplicationStatus.Draft, documents: [(DocumentKind.Cv, "draft.pdf", cv)]);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await client.GetAsync($"/review/documents.zip?ids={first.Id},{second.Id},{draft.Id},987654");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entries = zip.Entries.ToDictionary(e => e.FullName, e => ReadAll(e));
        Assert.Equal(
            new[] { $"{first.ReferenceNumber}/cv-cv.pdf", $"{first.ReferenceNumber}/transcript-grades.pdf", $"{second.ReferenceNumber}/cv-my cv.pdf" }.Order(),
            entries.Keys.Order());
        Assert.Equal(cv, entries[$"{first.ReferenceNumber}/cv-cv.pdf"]);
        Assert.Equal(transcript, entries[$"{first.ReferenceNumber}/transcript-grades.pdf"]);
        Assert.DoesNotContain(entries.Keys, k => k.StartsWith(notSelected.ReferenceNumber!, StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == "Export").Select(a => a.Details).ToListAsync(),
            d => d!.Contains(first.ReferenceNumber!, StringComparison.Ordinal) && d.Contains("3 documents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_applicant_sees_the_new_status_on_their_page()
    {
        var (applicant, application) = await NewApplicationAsync(ApplicationStatus.UnderReview);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        await ChangeAsync(professor, application.Id, "Interview");

        using var client = await app.CreateClientSignedInAsAsync(applicant);
        var html = await client.GetStringAsync("/applicant");

        Assert.Contains("<span class=\"status\">Interview</span>", html.Replace(" data-status=\"Interview\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("· Interview", html, StringComparison.Ordinal);
    }

    public static TheoryData<string?, string> Routes => new()
    {
        { Roles.Reviewer, "/review/applications/{id}/status" },
        { Roles.Reviewer, "/review/bulk?ids={id}&status=Interview" },
        { Roles.Reviewer, "/review/templates" },
        { Roles.Reviewer, "/review/templates/Interview/en" },
        { Roles.Reviewer, "/review/documents.zip?ids={id}" },
        { Roles.Applicant, "/review/applications/{id}/status" },
        { Roles.Applicant, "/review/bulk?ids={id}&status=Interview" },
        { Roles.Applicant, "/review/templates" },
        { Roles.Applicant, "/review/documents.zip?ids={id}" },
        { null, "/review/applications/{id}/status" },
        { null, "/review/templates" },
        { null, "/review/documents.zip?ids={id}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Only_the_professor_can_open_the_decision_pages(string? role, string route)
    {
        var (_, application) = await NewApplicationAsync(ApplicationStatus.UnderReview, documents: [(DocumentKind.Cv, "cv.pdf", PortalTestAccounts.SmallPdf)]);
        var user = role is null ? null : await app.CreateUserAsync(role);
        if (role == Roles.Reviewer)
        {
            // Even assigned to the application, a co-reviewer does not decide.
            await AssignAsync(user!.Id, application.Id);
        }

        using var client = user is null ? app.CreateHttpsClient() : await app.CreateClientSignedInAsAsync(user);

        using var response = await client.GetAsync(route.Replace("{id}", application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(role is null ? "/account/signin" : "/error/403", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Applicant)]
    [InlineData(null)]
    public async Task Nobody_but_the_professor_can_post_a_decision_or_a_template(string? role)
    {
        var (_, application) = await NewApplicationAsync(ApplicationStatus.UnderReview);
        using var client = role is null ? app.CreateHttpsClient() : await app.CreateClientSignedInAsync(role);

        using var single = await client.PostFormAsync(TokenPage, $"/review/applications/{application.Id}/status",
            [new("to", "Interview"), new("sendEmail", "true")]);
        using var bulk = await client.PostFormAsync(TokenPage, "/review/bulk",
            [new("ids", application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("status", "Rejected"), new("sendEmail", "true")]);
        using var template = await client.PostFormAsync(TokenPage, "/review/templates/Rejected/en", [new("subject", "Hacked"), new("body", "Hacked")]);
        using var restore = await client.PostFormAsync(TokenPage, "/review/templates/Rejected/en/restore", []);

        Assert.All([single, bulk, template, restore], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All([single, bulk, template, restore], r => Assert.Equal(role is null ? "/account/signin" : "/error/403", r.Headers.Location?.AbsolutePath));
        await AssertUnchangedAsync(application, ApplicationStatus.UnderReview);
        await using var db = app.CreateDbContext();
        Assert.False(await db.EmailTemplates.AnyAsync(t => t.Subject == "Hacked"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (_, application) = await NewApplicationAsync(ApplicationStatus.Submitted);
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var single = await client.PostAsync($"/review/applications/{application.Id}/status",
            new FormUrlEncodedContent([new("to", "UnderReview"), new("sendEmail", "true")]));
        using var bulk = await client.PostAsync("/review/bulk",
            new FormUrlEncodedContent([new("ids", application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("status", "Rejected")]));
        using var template = await client.PostAsync("/review/templates/Rejected/en", new FormUrlEncodedContent([new("subject", "x"), new("body", "y")]));

        Assert.All([single, bulk, template], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        await AssertUnchangedAsync(application, ApplicationStatus.Submitted);
    }

    private async Task<(RecruitUser Applicant, Application Application)> NewApplicationAsync(
        ApplicationStatus status, string culture = "en", string? name = null,
        params (DocumentKind Kind, string FileName, byte[] Bytes)[] documents)
    {
        var applicant = await app.CreateApplicantAsync(culture);
        var application = await app.CreateApplicationAsync(applicant, status, culture, documents);
        if (name is not null)
        {
            await using var db = app.CreateDbContext();
            await db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.FullName, name));
            application.FullName = name;
        }

        return (applicant, application);
    }

    private async Task AssertUnchangedAsync(Application application, ApplicationStatus status)
    {
        await using var db = app.CreateDbContext();
        Assert.Equal(status, (await db.Applications.SingleAsync(a => a.Id == application.Id)).Status);
        Assert.Equal(application.StatusHistory.Count, await db.ApplicationStatusChanges.CountAsync(h => h.ApplicationId == application.Id));
        Assert.False(await db.EmailMessages.AnyAsync(m => m.ApplicationId == application.Id));
        Assert.False(await db.AuditEntries.AnyAsync(a => EF.Functions.Like(a.Action, "Status%") && a.Target == $"Application {application.Id}"));
    }

    private static async Task ChangeAsync(HttpClient professor, int id, string to)
    {
        using var response = await professor.PostFormAsync(TokenPage, $"/review/applications/{id}/status", [new("to", to), new("sendEmail", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task AssignAsync(string reviewerId, int applicationId)
    {
        await using var db = app.CreateDbContext();
        db.ReviewerAssignments.Add(new Data.Review.ReviewerAssignment { ApplicationId = applicationId, ReviewerId = reviewerId, AssignedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
