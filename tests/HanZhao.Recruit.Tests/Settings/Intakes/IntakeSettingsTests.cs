using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.Apply;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Settings.Intakes;

/// <summary>The app with jobs off (emails stay in the outbox) and room for many applicant sign-ins from one client.</summary>
public sealed class IntakeSettingsApp : RecruitAppFactory
{
    public IntakeSettingsApp()
    {
        Settings["Recruit:ProfessorEmail"] = "hanzhao@sjtu.test";
        Settings["Jobs:Enabled"] = "false";
        Settings["Recruit:SignIn:ClientPermitLimit"] = "10000";
    }
}

/// <summary>
/// The professor's intake settings, end to end through HTTP: what an added, closed, reopened or
/// edited intake does to /join and /apply, every refused input, who may use the page, and the audit.
/// Each test uses its own intake codes, so they share the database without meeting.
/// </summary>
public partial class IntakeSettingsTests(IntakeSettingsApp app) : IClassFixture<IntakeSettingsApp>
{
    private const string Page = "/review/settings/intakes";
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task An_added_intake_appears_on_join_at_once_and_apply_offers_it()
    {
        using var anonymous = app.CreateHttpsClient();
        // Cached first: the add must evict it.
        Assert.DoesNotContain("2027.09", await anonymous.GetStringAsync("/join"), StringComparison.Ordinal);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var deadlineLocal = ShanghaiNow().AddDays(30).Date.AddHours(23).AddMinutes(59);

        using var response = await professor.PostFormAsync(Page, Page, Form(
            ("code", "2027.09"), ("programs", "PhD"), ("deadline", Input(deadlineLocal)), ("phdQuota", "5"), ("open", "true")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var intake = await IntakeAsync("2027.09");
        Assert.Equal($"{Page}?done=added&code=2027.09#intake-{intake.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(new DateOnly(2027, 9, 1), intake.EnrollmentDate);
        Assert.Equal(StudyPrograms.PhD, intake.Programs);
        Assert.True(intake.IsOpen);
        Assert.Null(intake.OpensAtUtc);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(deadlineLocal, Shanghai), intake.DeadlineUtc);
        Assert.Equal(deadlineLocal.AddHours(-8), intake.DeadlineUtc);
        Assert.Equal(5, intake.PhdQuota);
        Assert.Null(intake.MasterQuota);

        var settings = await professor.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Intake 2027.09 added.", settings, StringComparison.Ordinal);
        var row = Row(settings, "2027.09");
        Assert.Contains(deadlineLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
        Assert.Contains("0 / 5", row, StringComparison.Ordinal);
        Assert.Contains("data-accepting=\"true\"", row, StringComparison.Ordinal);
        Assert.Contains("Shanghai time", settings, StringComparison.Ordinal);

        Assert.Contains("status-open", JoinRow(await anonymous.GetStringAsync("/join"), "2027.09"), StringComparison.Ordinal);
        using var applicant = await SignedInApplicantAsync();
        var choose = await applicant.GetStringAsync("/apply");
        Assert.Contains("href=\"/apply?intake=2027.09&amp;program=PhD\"", choose, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/apply?intake=2027.09&amp;program=Master\"", choose, StringComparison.Ordinal);
        using var master = await applicant.GetAsync("/apply?intake=2027.09&program=Master");
        Assert.Equal(HttpStatusCode.BadRequest, master.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.GetAsync("/apply?intake=2027.09&program=PhD")).StatusCode);
    }

    [Fact]
    public async Task A_closed_intake_is_refused_by_apply_and_shown_closed_on_join_until_it_is_reopened()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var id = await AddAsync(professor, "2040.03", ("programs", "PhD"), ("programs", "Master"), ("open", "true"));
        using var anonymous = app.CreateHttpsClient();
        Assert.Contains("status-open", JoinRow(await anonymous.GetStringAsync("/join"), "2040.03"), StringComparison.Ordinal);
        using var applicant = await SignedInApplicantAsync();

        using (var close = await professor.PostFormAsync(Page, $"{Page}/{id}/close", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
            Assert.Contains("Intake 2040.03 is closed.", await professor.GetStringAsync(close.Headers.Location!.OriginalString), StringComparison.Ordinal);
        }

        Assert.False((await IntakeAsync("2040.03")).IsOpen);
        Assert.Contains("status-closed", JoinRow(await anonymous.GetStringAsync("/join"), "2040.03"), StringComparison.Ordinal);
        Assert.DoesNotContain("intake=2040.03", await applicant.GetStringAsync("/apply"), StringComparison.Ordinal);
        using (var refused = await applicant.GetAsync("/apply?intake=2040.03&program=PhD"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("not open for applications", PageText.Of(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Contains("data-open=\"false\"", Row(await professor.GetStringAsync(Page), "2040.03"), StringComparison.Ordinal);

        using (var open = await professor.PostFormAsync(Page, $"{Page}/{id}/open", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        }

        Assert.True((await IntakeAsync("2040.03")).IsOpen);
        Assert.Contains("status-open", JoinRow(await anonymous.GetStringAsync("/join"), "2040.03"), StringComparison.Ordinal);
        Assert.Contains("href=\"/apply?intake=2040.03&amp;program=Master\"", await applicant.GetStringAsync("/apply"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.GetAsync("/apply?intake=2040.03&program=Master")).StatusCode);
    }

    [Fact]
    public async Task A_deadline_moved_into_the_past_refuses_the_submission_and_moved_back_lets_it_through()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var future = Input(ShanghaiNow().AddDays(10));
        var id = await AddAsync(professor, "2040.05", ("programs", "PhD"), ("programs", "Master"), ("deadline", future), ("masterQuota", "3"), ("open", "true"));
        using var applicant = await SignedInApplicantAsync();
        var applicationId = await applicant.FillCompleteApplicationAsync(app, "2040.05", "Master");

        var past = ShanghaiNow().AddHours(-1);
        using (var edit = await professor.PostFormAsync($"{Page}/{id}", $"{Page}/{id}", Form(
                   ("code", "2040.05"), ("programs", "PhD"), ("programs", "Master"), ("deadline", Input(past)), ("masterQuota", "3"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        }

        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(past, Shanghai), (await IntakeAsync("2040.05")).DeadlineUtc);
        Assert.Contains("data-accepting=\"false\"", Row(await professor.GetStringAsync(Page), "2040.05"), StringComparison.Ordinal);
        using (var refused = await applicant.SubmitAsync(applicationId))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("no longer open", PageText.Of(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(ApplicationStatus.Draft, (await ApplicationFormSteps.LoadAsync(app, applicationId)).Status);

        using (var edit = await professor.PostFormAsync($"{Page}/{id}", $"{Page}/{id}", Form(
                   ("code", "2040.05"), ("programs", "PhD"), ("programs", "Master"), ("deadline", future), ("masterQuota", "3"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        }

        using (var submitted = await applicant.SubmitAsync(applicationId))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationFormSteps.LoadAsync(app, applicationId)).Status);
        var row = Row(await professor.GetStringAsync(Page), "2040.05");
        Assert.Contains("<td class=\"number\" data-master>1 / 3</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\" data-phd>0</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_form_shows_the_stored_times_in_Shanghai_time_and_the_list_links_to_it()
    {
        int id;
        await using (var db = app.CreateDbContext())
        {
            var intake = new Intake
            {
                Code = "2040.07", EnrollmentDate = new DateOnly(2040, 7, 1), Programs = StudyPrograms.Master, IsOpen = false,
                OpensAtUtc = new DateTime(2039, 12, 31, 16, 0, 0, DateTimeKind.Utc), DeadlineUtc = new DateTime(2040, 3, 31, 15, 59, 0, DateTimeKind.Utc), MasterQuota = 12,
            };
            db.Intakes.Add(intake);
            await db.SaveChangesAsync();
            id = intake.Id;
        }

        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var row = Row(await professor.GetStringAsync(Page), "2040.07");
        var edit = await professor.GetStringAsync($"{Page}/{id}");

        Assert.Contains("2040-01-01 00:00", row, StringComparison.Ordinal);
        // Applicants read the same Shanghai time on /join (not the UTC date, which can be a day earlier).
        // The intake went in through the database, not the settings page, so the cached /join is evicted by hand.
        await app.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictPublicPagesAsync();
        using (var visitor = app.CreateHttpsClient())
        {
            Assert.Contains("2040-03-31 23:59 (UTC+8)", await visitor.GetStringAsync("/join"), StringComparison.Ordinal);
        }
        Assert.Contains("2040-03-31 23:59", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\" data-phd>—</td>", row, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}/{id}\"", row, StringComparison.Ordinal);
        Assert.Contains($"action=\"{Page}/{id}/open\"", row, StringComparison.Ordinal);
        Assert.Contains("value=\"2040-01-01T00:00\"", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"2040-03-31T23:59\"", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"12\"", edit, StringComparison.Ordinal);
        Assert.Matches("<input type=\"checkbox\" name=\"programs\" value=\"Master\" checked=\"checked\"", edit);
        Assert.DoesNotMatch("<input type=\"checkbox\" name=\"programs\" value=\"PhD\" checked", edit);
        Assert.Contains($"href=\"{Page}\"", await professor.GetStringAsync("/review"), StringComparison.Ordinal);
    }

    /// <summary>Field, expected message, then the fields that differ from a valid form ("programs" given alone clears the boxes).</summary>
    public static TheoryData<bool, string, string, string[]> InvalidInputs()
    {
        var cases = new (string Field, string Message, string[] Fields)[]
        {
            ("code", "Enter the intake's code, e.g. 2027.09.", ["code="]),
            ("code", "Enter the intake's code, e.g. 2027.09.", ["code=   "]),
            ("code", "Write the code as YYYY.MM, e.g. 2027.09.", ["code=2041-01"]),
            ("code", "Write the code as YYYY.MM, e.g. 2027.09.", ["code=41.01"]),
            ("code", "Write the code as YYYY.MM, e.g. 2027.09.", ["code=2041.1"]),
            ("code", "Write the code as YYYY.MM, e.g. 2027.09.", ["code=２０４１.01"]),
            ("code", "Write the code as YYYY.MM, e.g. 2027.09.", ["code=2041.01<script>"]),
            ("code", "The month must be from 01 to 12.", ["code=2041.13"]),
            ("code", "The month must be from 01 to 12.", ["code=2041.00"]),
            ("code", "The year must be from 2000 to 2100.", ["code=1999.09"]),
            ("code", "The year must be from 2000 to 2100.", ["code=9999.09"]),
            ("code", "The code is too long. Write it as YYYY.MM, e.g. 2027.09.", ["code=" + new string('9', 5000)]),
            ("code", "There is already an intake 2026.09.", ["code=2026.09"]),
            ("code", "There is already an intake 2026.09.", ["code= 2026 .09 "]),
            ("programs", "Choose at least one program.", ["programs"]),
            ("programs", "Choose PhD, Master or both; there is no other program.", ["programs", "programs=Bachelor"]),
            ("programs", "Choose PhD, Master or both; there is no other program.", ["programs", "programs=PhD", "programs=4"]),
            ("programs", "Choose PhD, Master or both; there is no other program.", ["programs", "programs=3"]),
            ("programs", "Choose PhD, Master or both; there is no other program.", ["programs", "programs=PhD, Master"]),
            ("programs", "Choose PhD, Master or both; there is no other program.", ["programs", "programs=" + new string('x', 5000)]),
            ("opensAt", "Enter a date and time between 2000 and 2100, e.g. 2027-03-31 23:59.", ["opensAt=tomorrow"]),
            ("opensAt", "Enter a date and time between 2000 and 2100, e.g. 2027-03-31 23:59.", ["opensAt=2041-02-30T10:00"]),
            ("opensAt", "Enter a date and time between 2000 and 2100, e.g. 2027-03-31 23:59.", ["opensAt=1999-12-31T10:00"]),
            ("opensAt", "Enter a date and time between 2000 and 2100, e.g. 2027-03-31 23:59.", ["opensAt=" + new string('2', 5000)]),
            ("deadline", "Enter a date and time between 2000 and 2100, e.g. 2027-03-31 23:59.", ["deadline=31/03/2041"]),
            ("deadline", "Enter a date and time between 2000 and 2100, e.g. 2027-03-31 23:59.", ["deadline=2041-03-31T25:00"]),
            ("deadline", "The deadline must be after the opening.", ["opensAt=2041-03-01T09:00", "deadline=2041-02-01T09:00"]),
            ("deadline", "The deadline must be after the opening.", ["opensAt=2041-03-01T09:00", "deadline=2041-03-01T09:00"]),
            ("phdQuota", "A quota is a whole number from 0 to 1000, or empty.", ["phdQuota=-1"]),
            ("phdQuota", "A quota is a whole number from 0 to 1000, or empty.", ["phdQuota=1001"]),
            ("phdQuota", "A quota is a whole number from 0 to 1000, or empty.", ["phdQuota=2.5"]),
            ("phdQuota", "A quota is a whole number from 0 to 1000, or empty.", ["phdQuota=1e3"]),
            ("phdQuota", "A quota is a whole number from 0 to 1000, or empty.", ["phdQuota=five"]),
            ("phdQuota", "A quota is a whole number from 0 to 1000, or empty.", ["phdQuota=99999999999999999999"]),
            ("masterQuota", "A quota is a whole number from 0 to 1000, or empty.", ["masterQuota=" + new string('1', 5000)]),
            ("masterQuota", "This intake does not offer Master: leave the Master quota empty.", ["programs", "programs=PhD", "masterQuota=3"]),
            ("phdQuota", "This intake does not offer PhD: leave the PhD quota empty.", ["programs", "programs=Master", "phdQuota=0"]),
        };
        var data = new TheoryData<bool, string, string, string[]>();
        foreach (var editing in new[] { false, true })
        {
            foreach (var (field, message, fields) in cases)
            {
                data.Add(editing, field, message, fields);
            }
        }

        // Opening at once is a choice made when adding; anything but the checkbox's value is refused.
        data.Add(false, "open", "Tick the box to open the intake at once, or leave it empty.", ["open=yes"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_input_is_refused_with_its_message_beside_the_field_and_changes_nothing(bool editing, string field, string message, string[] changes)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var id = await EnsureEditTargetAsync(professor);
        var fields = ValidForm(editing ? "2041.02" : "2041.01");
        foreach (var change in changes)
        {
            var (key, value) = change.Split('=', 2) is [var k, var v] ? (k, v) : (change, null);
            fields.RemoveAll(f => f.Key == key && (key != "programs" || value is null));
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }

        var before = await SnapshotAsync();
        var target = editing ? $"{Page}/{id}" : Page;

        using var response = await professor.PostFormAsync(target, target, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var shown = Regex.Match(html, $"<p id=\"{(editing ? "edit" : "add")}-{field}-error\" class=\"field-error\">(?<m>[^<]*)</p>");
        Assert.True(shown.Success, $"no message beside {field}: {PageText.Of(html)}");
        Assert.Equal(message, WebUtility.HtmlDecode(shown.Groups["m"].Value));
        Assert.Contains(editing ? "Nothing was saved." : "Nothing was added.", html, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("%20")]
    public async Task An_unknown_or_non_numeric_id_is_404_and_changes_nothing(string id)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await SnapshotAsync();

        using var get = await professor.GetAsync($"{Page}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        foreach (var action in new[] { $"{Page}/{id}", $"{Page}/{id}/open", $"{Page}/{id}/close" })
        {
            using var post = await professor.PostFormAsync(Page, action, ValidForm("2041.03"));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Applicant)]
    public async Task Reviewers_and_applicants_are_forbidden_and_change_nothing(string role)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var id = await EnsureEditTargetAsync(professor);
        using var client = await app.CreateClientSignedInAsync(role);
        var before = await SnapshotAsync();

        foreach (var path in new[] { Page, $"{Page}/{id}" })
        {
            using var get = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.Equal("/error/403", get.Headers.Location?.AbsolutePath);
        }

        // With a token of their own (from a page they may open), so only the role stands in the way.
        var token = await client.GetAntiforgeryTokenAsync(role == Roles.Reviewer ? "/review" : "/contact");
        foreach (var action in new[] { Page, $"{Page}/{id}", $"{Page}/{id}/open", $"{Page}/{id}/close" })
        {
            using var content = new FormUrlEncodedContent(ValidForm("2041.04").Append(new(HtmlForms.AntiforgeryField, token)));
            using var post = await client.PostAsync(action, content);
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Equal("/error/403", post.Headers.Location?.AbsolutePath);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_400_and_changes_nothing()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var id = await EnsureEditTargetAsync(professor);
        await professor.GetStringAsync(Page); // the antiforgery cookie, but no token in the form
        var before = await SnapshotAsync();

        foreach (var action in new[] { Page, $"{Page}/{id}", $"{Page}/{id}/open", $"{Page}/{id}/close" })
        {
            using var content = new FormUrlEncodedContent(ValidForm("2041.05"));
            using var post = await professor.PostAsync(action, content);
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Every_change_is_audited_with_who_and_what()
    {
        var user = await app.CreateUserAsync(Roles.Professor);
        using var professor = await app.CreateClientSignedInAsAsync(user);
        var id = await AddAsync(professor, "2040.09", ("programs", "PhD"), ("phdQuota", "2"));
        using (var edit = await professor.PostFormAsync($"{Page}/{id}", $"{Page}/{id}", Form(("code", "2040.09"), ("programs", "PhD"), ("phdQuota", "4"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        }

        foreach (var action in new[] { "open", "open", "close" })
        {
            using var post = await professor.PostFormAsync(Page, $"{Page}/{id}/{action}", []);
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        }

        await using var db = app.CreateDbContext();
        var target = id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "Intake" && e.Target == target).OrderBy(e => e.Id).ToListAsync();
        // The second "open" found it open already: nothing changed, nothing recorded.
        Assert.Equal(new[] { "Add", "Edit", "Open", "Close" }, entries.Select(e => e.Details!.Split(':')[0]));
        Assert.All(entries, e => Assert.Equal(user.Id, e.UserId));
        Assert.Contains("2040.09 PhD", entries[0].Details, StringComparison.Ordinal);
        Assert.Contains("quota PhD 2", entries[1].Details, StringComparison.Ordinal);
        Assert.Contains("quota PhD 4", entries[1].Details, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> ValidForm(string code) =>
        Form(("code", code), ("programs", "PhD"), ("programs", "Master"), ("opensAt", "2041-01-01T09:00"), ("deadline", "2041-03-31T23:59"),
            ("phdQuota", "4"), ("masterQuota", "6"));

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    private DateTime ShanghaiNow()
    {
        var now = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Shanghai);
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
    }

    private static string Input(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private async Task<int> AddAsync(HttpClient professor, string code, params (string Key, string Value)[] fields)
    {
        using var response = await professor.PostFormAsync(Page, Page, Form([("code", code), .. fields]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await IntakeAsync(code)).Id;
    }

    /// <summary>The intake the edit cases post to (made once, whichever test needs it first).</summary>
    private async Task<int> EnsureEditTargetAsync(HttpClient professor)
    {
        await using (var db = app.CreateDbContext())
        {
            if (await db.Intakes.SingleOrDefaultAsync(i => i.Code == "2041.02") is { } existing)
            {
                return existing.Id;
            }
        }

        return await AddAsync(professor, "2041.02", ("programs", "PhD"));
    }

    private async Task<Intake> IntakeAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Intakes.AsNoTracking().SingleAsync(i => i.Code == code);
    }

    /// <summary>Every intake's stored values and the number of intake audit rows: what a refused request must leave as it was.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        var intakes = await db.Intakes.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        var audits = await db.AuditEntries.CountAsync(e => e.Action == "Intake");
        return string.Join("\n", intakes.Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{i.Id} {i.Code} {i.EnrollmentDate} {i.Programs} {i.IsOpen} {i.OpensAtUtc:O} {i.DeadlineUtc:O} {i.PhdQuota} {i.MasterQuota}"))) + $"\naudit {audits}";
    }

    private async Task<HttpClient> SignedInApplicantAsync() =>
        await app.SignedInApplicantAsync($"applicant-{Guid.NewGuid():N}@example.com");

    private static string Row(string html, string code)
    {
        var match = Regex.Match(html, $"<tr id=\"intake-\\d+\" data-intake=\"{Regex.Escape(code)}\".*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no row for {code}");
        return match.Value;
    }

    private static string JoinRow(string html, string code)
    {
        var match = Regex.Match(html, $"<th scope=\"row\">{Regex.Escape(code)}</th>.*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"/join has no row for {code}");
        return match.Value;
    }
}
