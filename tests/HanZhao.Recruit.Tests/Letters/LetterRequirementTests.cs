using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Letters;

/// <summary>
/// How many letters an intake requires per route: set in the intake settings (0–5 per route, audited,
/// refused with a message otherwise), shown to the applicant on /applicant, the referees page and the
/// form's final step, and counted in the review list ("1/2", the "letters missing" filter, the CSV)
/// for what each staff member may see.
/// </summary>
public sealed class LetterRequirementTests(LetterRequestApp app) : IClassFixture<LetterRequestApp>
{
    private const string Intakes = "/review/settings/intakes";

    /// <summary>Each refused-value case edits an intake of its own.</summary>
    private static int _codes;

    [Fact]
    public async Task Letters_required_per_route_are_stored_audited_shown_again_and_ignored_for_routes_switched_off()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var id = await AddIntakeAsync(professor, "2051.09");

        using (var edit = await professor.PostFormAsync($"{Intakes}/{id}", $"{Intakes}/{id}", Form("2051.09", ["ApplicationAssessment", "DirectPhd", "Recommended"],
                   ("ApplicationAssessment", "2"), ("DirectPhd", "0"), ("Recommended", ""), ("NationalExam", "3"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        }

        Assert.Equal("ApplicationAssessment 2", await RequirementsAsync(id));
        var html = await professor.GetStringAsync($"{Intakes}/{id}");
        Assert.Contains("name=\"letters[ApplicationAssessment]\"", html, StringComparison.Ordinal);
        Assert.Matches("name=\"letters\\[ApplicationAssessment\\]\"[^>]*value=\"2\"", html);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(e => e.Action == "Intake").OrderByDescending(e => e.Id).FirstAsync();
        Assert.Contains("letters none", audit.Details, StringComparison.Ordinal);
        Assert.Contains("letters ApplicationAssessment 2", audit.Details, StringComparison.Ordinal);

        using (var cleared = await professor.PostFormAsync($"{Intakes}/{id}", $"{Intakes}/{id}", Form("2051.09", ["ApplicationAssessment", "Recommended"])))
        {
            Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        }

        Assert.Equal(string.Empty, await RequirementsAsync(id));
    }

    [Theory]
    [InlineData("ApplicationAssessment", "6", "letters-ApplicationAssessment")]
    [InlineData("ApplicationAssessment", "-1", "letters-ApplicationAssessment")]
    [InlineData("ApplicationAssessment", "2.5", "letters-ApplicationAssessment")]
    [InlineData("ApplicationAssessment", "２", "letters-ApplicationAssessment")]
    [InlineData("ApplicationAssessment", "two", "letters-ApplicationAssessment")]
    [InlineData("NoSuchRoute", "1", "routes")]
    public async Task A_refused_number_of_letters_gets_400_with_its_message_and_changes_nothing(string route, string value, string field)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var id = await AddIntakeAsync(professor, $"{2060 + Interlocked.Increment(ref _codes)}.09");
        var code = (await IntakeCodeAsync(id))!;

        using var refused = await professor.PostFormAsync($"{Intakes}/{id}", $"{Intakes}/{id}", Form(code, ["ApplicationAssessment", "Recommended"], (route, value)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"edit-{field}-error\"", html, StringComparison.Ordinal);
        Assert.Contains(field == "routes" ? "Choose routes from the list; there is no other route." : "Letters required: a whole number from 0 to 5, or empty.",
            PageText.Of(html), StringComparison.Ordinal);
        Assert.Equal(string.Empty, await RequirementsAsync(id));
    }

    [Fact]
    public async Task The_applicant_reads_how_many_letters_their_route_requires_and_how_many_arrived_on_every_page_that_names_letters()
    {
        var (applicant, application) = await ApplicationAsync(AdmissionRoute.ApplicationAssessment, required: 2, received: 1);
        using var client = await app.SignedInClientAsync(applicant);

        var expected = "2 letters of recommendation required for Application and assessment (申请-考核) · PhD: 1 received.";
        Assert.Contains(expected, PageText.Of(await client.GetStringAsync("/applicant")), StringComparison.Ordinal);
        Assert.Contains(expected, PageText.Of(await client.GetStringAsync($"/applicant/{application.Id}/referees")), StringComparison.Ordinal);
        var review = await client.GetStringAsync($"/apply/{application.Id}/review");
        Assert.Contains(expected, PageText.Of(review), StringComparison.Ordinal);
        Assert.Contains("Your application does not wait for the letters", PageText.Of(review), StringComparison.Ordinal);
        Assert.Contains($"href=\"/applicant/{application.Id}/referees\"", review, StringComparison.Ordinal);

        var (other, none) = await ApplicationAsync(AdmissionRoute.InternationalPhd, required: 0, received: 0);
        using var otherClient = await app.SignedInClientAsync(other);
        Assert.DoesNotContain("required for", PageText.Of(await otherClient.GetStringAsync($"/applicant/{none.Id}/referees")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_received_of_required_or_of_requested_filters_letters_missing_and_writes_the_csv_column()
    {
        var (_, missing) = await ApplicationAsync(AdmissionRoute.ApplicationAssessment, required: 2, received: 1);
        var (_, complete) = await ApplicationAsync(AdmissionRoute.DirectPhd, required: 1, received: 1, requested: 1);
        var (_, unrequired) = await ApplicationAsync(AdmissionRoute.MasterToPhd, required: 0, received: 1, requested: 2);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        var html = await professor.GetStringAsync("/review?size=200");
        Assert.Contains(Cell("1/2"), Row(html, missing.Id), StringComparison.Ordinal);
        Assert.Contains(Cell("1/1"), Row(html, complete.Id), StringComparison.Ordinal);
        Assert.Contains(Cell("1/3"), Row(html, unrequired.Id), StringComparison.Ordinal);
        Assert.Contains("<option value=\"missing\">Letters missing</option>", html, StringComparison.Ordinal);

        var filtered = await professor.GetStringAsync("/review?letters=missing&size=200");
        Assert.Contains($"data-application=\"{missing.Id}\"", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-application=\"{complete.Id}\"", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-application=\"{unrequired.Id}\"", filtered, StringComparison.Ordinal);
        Assert.Contains("<option value=\"missing\" selected=\"selected\">", filtered, StringComparison.Ordinal);

        var csv = await professor.GetStringAsync("/review/export.csv?letters=missing");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "Letters");
        Assert.True(column > 0);
        var reference = await ReferenceAsync(missing.Id);
        var line = Assert.Single(lines, l => l.Contains(reference, StringComparison.Ordinal));
        Assert.Equal("1/2", line.Split(',')[column]);
        Assert.DoesNotContain(await ReferenceAsync(complete.Id), csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_co_reviewer_sees_the_letters_of_assigned_applications_only_and_an_unknown_filter_value_is_dropped_and_said()
    {
        var (_, assigned) = await ApplicationAsync(AdmissionRoute.ApplicationAssessment, required: 2, received: 0);
        var (_, hidden) = await ApplicationAsync(AdmissionRoute.ApplicationAssessment, required: 2, received: 0);
        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        await using (var db = app.CreateDbContext())
        {
            db.ReviewerAssignments.Add(new Data.Review.ReviewerAssignment { ApplicationId = assigned.Id, ReviewerId = reviewer.Id, AssignedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        var html = await client.GetStringAsync("/review?letters=missing");
        Assert.Contains(Cell("0/2"), Row(html, assigned.Id), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-application=\"{hidden.Id}\"", html, StringComparison.Ordinal);

        using var unknown = await client.GetAsync("/review?letters=lots");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var page = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("The value 'lots' for 'letters' is not valid and was ignored.", PageText.Of(page), StringComparison.Ordinal);
        Assert.Contains($"data-application=\"{assigned.Id}\"", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// A new applicant's submitted PhD application (every one in the first intake) on <paramref name="route"/>, whose
    /// intake requires <paramref name="required"/> letters on that route: each test keeps one count per route
    /// (申请-考核 2, 直博 1, the others none), since all these applications share the intake.
    /// </summary>
    private async Task<(RecruitUser Applicant, Application Application)> ApplicationAsync(AdmissionRoute route, int required, int received, int requested = 0)
    {
        var applicant = await app.CreateApplicantAsync();
        var application = await app.CreateApplicationAsync(applicant, ApplicationStatus.Submitted);
        await using var db = app.CreateDbContext();
        var intakeId = await db.Applications.Where(a => a.Id == application.Id).Select(a => a.IntakeId).SingleAsync();
        await db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Route, route));
        await db.LetterRequirements.Where(r => r.IntakeId == intakeId && r.Route == route).ExecuteDeleteAsync();
        if (required > 0)
        {
            db.LetterRequirements.Add(new LetterRequirement { IntakeId = intakeId, Route = route, Count = required });
        }

        var now = app.Clock.GetUtcNow().UtcDateTime;
        foreach (var state in Enumerable.Repeat(LetterState.Received, received).Concat(Enumerable.Repeat(LetterState.Requested, requested)).Append(LetterState.Withdrawn))
        {
            db.LetterRequests.Add(new LetterRequest
            {
                ApplicationId = application.Id, RefereeName = "Prof. Wang Wei", RefereeEmail = $"wang-{Guid.NewGuid():N}@example.edu", RefereeInstitution = "Zhejiang University",
                Relationship = "Supervisor", State = state, RequestedAtUtc = now, ExpiresAtUtc = now.AddDays(30),
                Links = [new LetterLink { TokenHash = LinkTokens.Hash(LinkTokens.New()), IssuedAtUtc = now }],
            });
        }

        await db.SaveChangesAsync();
        return (applicant, application);
    }

    private static string Cell(string letters) => $"data-letters=\"{letters}\"";

    /// <summary>The list's row of one application.</summary>
    private static string Row(string html, int id)
    {
        var start = html.IndexOf($"<tr data-application=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for application {id}.");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private async Task<string> ReferenceAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return (await db.Applications.Where(a => a.Id == id).Select(a => a.ReferenceNumber).SingleAsync())!;
    }

    private async Task<int> AddIntakeAsync(HttpClient professor, string code)
    {
        using var added = await professor.PostFormAsync(Intakes, Intakes, [.. Form(code, ["ApplicationAssessment", "DirectPhd", "Recommended"]), new("open", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var db = app.CreateDbContext();
        return await db.Intakes.Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
    }

    private async Task<string?> IntakeCodeAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.Intakes.Where(i => i.Id == id).Select(i => i.Code).SingleAsync();
    }

    private async Task<string> RequirementsAsync(int intakeId)
    {
        await using var db = app.CreateDbContext();
        var rows = await db.LetterRequirements.Where(r => r.IntakeId == intakeId).ToListAsync();
        return string.Join(", ", rows.OrderBy(r => r.Route).Select(r => $"{r.Route} {r.Count}"));
    }

    /// <summary>The edit form as the browser posts it: both programs, the routes ticked, the letters fields typed.</summary>
    private static List<KeyValuePair<string, string>> Form(string code, string[] routes, params (string Route, string Value)[] letters) =>
    [
        new("code", code), new("programs", "PhD"), new("programs", "Master"), new("routesListed", "true"), new("lettersListed", "true"),
        .. routes.Select(r => new KeyValuePair<string, string>("routes", r)),
        .. letters.Select(l => new KeyValuePair<string, string>($"letters[{l.Route}]", l.Value)),
    ];
}
