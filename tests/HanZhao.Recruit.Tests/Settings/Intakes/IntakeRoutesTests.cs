using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Settings.Intakes;

/// <summary>
/// The routes (招生类型) the professor accepts per intake and program: switched on and off in the
/// intake settings (audited, /join at once), at least one per program offered, what /join explains,
/// and what the intake then accepts. The app runs in the spring of 2026; each test has its own codes.
/// </summary>
public class IntakeRoutesTests(IntakeSettingsApp app) : IClassFixture<IntakeSettingsApp>
{
    private const string Page = "/review/settings/intakes";

    [Fact]
    public async Task The_add_and_edit_forms_offer_each_route_under_its_program_every_one_ticked_for_a_new_intake()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        var html = await professor.GetStringAsync(Page);

        Assert.Contains("<input type=\"hidden\" name=\"routesListed\" value=\"true\" />", html, StringComparison.Ordinal);
        foreach (var route in AdmissionRoutes.Each)
        {
            Assert.Contains($"<input type=\"checkbox\" name=\"routes\" value=\"{route}\" checked=\"checked\" />", html, StringComparison.Ordinal);
        }

        var phd = Fieldset(html, "PhD");
        Assert.Contains("PhD routes accepted", phd, StringComparison.Ordinal);
        Assert.Contains("Direct PhD (直博)", phd, StringComparison.Ordinal);
        Assert.Contains("International PhD", phd, StringComparison.Ordinal);
        Assert.DoesNotContain("统考", phd, StringComparison.Ordinal);
        Assert.Contains("National entrance exam (统考)", Fieldset(html, "Master"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_switched_off_are_stored_audited_shown_unticked_and_no_longer_accepted_by_the_intake()
    {
        var user = await app.CreateUserAsync(Roles.Professor);
        using var professor = await app.CreateClientSignedInAsAsync(user);
        var id = await AddAsync(professor, "2042.09", ["DirectPhd", "MasterToPhd", "ApplicationAssessment", "InternationalPhd", "Recommended", "NationalExam"]);
        Assert.Equal(AdmissionRoutes.All, (await IntakeAsync("2042.09")).Routes);

        using (var edit = await professor.PostFormAsync($"{Page}/{id}", $"{Page}/{id}",
                   Form("2042.09", ["PhD", "Master"], ["ApplicationAssessment", "NationalExam"])))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        }

        var intake = await IntakeAsync("2042.09");
        Assert.Equal(AdmissionRoute.ApplicationAssessment | AdmissionRoute.NationalExam, intake.Routes);
        Assert.True(intake.Accepts(StudyPrograms.PhD, AdmissionRoute.ApplicationAssessment));
        Assert.False(intake.Accepts(StudyPrograms.PhD, AdmissionRoute.DirectPhd));
        Assert.False(intake.Accepts(StudyPrograms.Master, AdmissionRoute.Recommended));
        Assert.True(intake.Accepts(StudyPrograms.Master, AdmissionRoute.NationalExam));

        await using (var db = app.CreateDbContext())
        {
            var audit = await db.AuditEntries.Where(e => e.Action == "Intake" && e.Target == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal(user.Id, audit.UserId);
            Assert.Contains("routes ApplicationAssessment, NationalExam", audit.Details, StringComparison.Ordinal);
        }

        var edited = await professor.GetStringAsync($"{Page}/{id}");
        Assert.Contains("value=\"ApplicationAssessment\" checked=\"checked\"", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"DirectPhd\" checked", edited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_explains_the_routes_the_open_intake_accepts_and_not_the_others_at_once_after_a_change()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        using var anonymous = app.CreateHttpsClient();
        var seeded = await IntakeAsync("2026.09");
        var before = await anonymous.GetStringAsync("/join?culture=en");
        Assert.Contains("data-route=\"DirectPhd\"", Routes(before), StringComparison.Ordinal);

        // The seeded 2026.09 is the intake /join explains (the first open one): keep 申请-考核 and 推免 only.
        using (var edit = await professor.PostFormAsync($"{Page}/{seeded.Id}", $"{Page}/{seeded.Id}",
                   Form("2026.09", ["PhD", "Master"], ["ApplicationAssessment", "Recommended"])))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        }

        try
        {
            var routes = Routes(await anonymous.GetStringAsync("/join?culture=en"));
            Assert.Contains("For the 2026.09 intake the professor accepts these routes", routes, StringComparison.Ordinal);
            Assert.Contains("data-route=\"ApplicationAssessment\"", routes, StringComparison.Ordinal);
            Assert.Contains("data-route=\"Recommended\"", routes, StringComparison.Ordinal);
            foreach (var off in new[] { "DirectPhd", "MasterToPhd", "InternationalPhd", "NationalExam" })
            {
                Assert.DoesNotContain($"data-route=\"{off}\"", routes, StringComparison.Ordinal);
            }

            var text = PageText.Of(routes);
            Assert.Contains("Application and assessment (申请-考核) For applicants who hold or will soon hold a master's degree", text, StringComparison.Ordinal);
            Assert.Contains("Official step: the graduate school's 申请-考核 round, usually from November to March Documents: CV, Transcript, Research proposal", text, StringComparison.Ordinal);

            var chinese = PageText.Of(Routes(await anonymous.GetStringAsync("/join?culture=zh-CN")));
            Assert.Contains("申请-考核 面向已获得或即将获得硕士学位的申请人", chinese, StringComparison.Ordinal);
            Assert.Contains("所需材料： 简历、成绩单、研究计划", chinese, StringComparison.Ordinal);
        }
        finally
        {
            using var restore = await professor.PostFormAsync($"{Page}/{seeded.Id}", $"{Page}/{seeded.Id}",
                Form("2026.09", ["PhD", "Master"], [.. AdmissionRoutes.Each.Select(r => r.ToString())]));
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }
    }

    public static TheoryData<bool, string, string, string[], string[]> RefusedRoutes()
    {
        var cases = new (string Field, string Message, string[] Programs, string[] Routes)[]
        {
            ("phdRoutes", "Keep at least one PhD route: applicants choose one of them.", ["PhD", "Master"], ["Recommended"]),
            ("masterRoutes", "Keep at least one Master route: applicants choose one of them.", ["PhD", "Master"], ["DirectPhd"]),
            ("phdRoutes", "Keep at least one PhD route: applicants choose one of them.", ["PhD"], []),
            ("masterRoutes", "Keep at least one Master route: applicants choose one of them.", ["Master"], ["DirectPhd", "InternationalPhd"]),
            ("routes", "Choose routes from the list; there is no other route.", ["PhD"], ["DirectPhd", "Bachelor"]),
            ("routes", "Choose routes from the list; there is no other route.", ["PhD"], ["1"]),
            ("routes", "Choose routes from the list; there is no other route.", ["PhD"], ["DirectPhd, NationalExam"]),
            ("routes", "Choose routes from the list; there is no other route.", ["PhD"], ["None"]),
            ("routes", "Choose routes from the list; there is no other route.", ["PhD"], [new string('x', 5000)]),
        };
        var data = new TheoryData<bool, string, string, string[], string[]>();
        foreach (var editing in new[] { false, true })
        {
            foreach (var (field, message, programs, routes) in cases)
            {
                data.Add(editing, field, message, programs, routes);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedRoutes))]
    public async Task A_program_without_a_route_or_an_unknown_route_is_refused_with_400_and_its_message_and_changes_nothing(
        bool editing, string field, string message, string[] programs, string[] routes)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var id = await EnsureAsync(professor, "2043.02");
        var before = await SnapshotAsync();
        var target = editing ? $"{Page}/{id}" : Page;

        using var response = await professor.PostFormAsync(target, target, Form(editing ? "2043.02" : "2043.01", programs, routes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var shown = Regex.Match(html, $"<p id=\"{(editing ? "edit" : "add")}-{field}-error\" class=\"field-error\">(?<m>[^<]*)</p>");
        Assert.True(shown.Success, $"no message for {field}: {PageText.Of(html)}");
        Assert.Equal(message, WebUtility.HtmlDecode(shown.Groups["m"].Value));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_post_without_any_routes_field_keeps_the_routes_as_they_are_and_a_new_intake_takes_every_route()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var id = await AddAsync(professor, "2044.09", null);
        Assert.Equal(AdmissionRoutes.All, (await IntakeAsync("2044.09")).Routes);
        using (var narrow = await professor.PostFormAsync($"{Page}/{id}", $"{Page}/{id}", Form("2044.09", ["PhD", "Master"], ["DirectPhd", "NationalExam"])))
        {
            Assert.Equal(HttpStatusCode.Redirect, narrow.StatusCode);
        }

        using (var edit = await professor.PostFormAsync($"{Page}/{id}", $"{Page}/{id}", Form("2044.09", ["PhD", "Master"], null)))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        }

        Assert.Equal(AdmissionRoute.DirectPhd | AdmissionRoute.NationalExam, (await IntakeAsync("2044.09")).Routes);
    }

    private async Task<int> AddAsync(HttpClient professor, string code, string[]? routes)
    {
        using var response = await professor.PostFormAsync(Page, Page, [.. Form(code, ["PhD", "Master"], routes), new("open", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await IntakeAsync(code)).Id;
    }

    private async Task<int> EnsureAsync(HttpClient professor, string code)
    {
        await using (var db = app.CreateDbContext())
        {
            if (await db.Intakes.SingleOrDefaultAsync(i => i.Code == code) is { } existing)
            {
                return existing.Id;
            }
        }

        return await AddAsync(professor, code, null);
    }

    /// <summary>The form as the browser posts it: with <paramref name="routes"/> the boxes (and the field saying they were there); null, a post without them.</summary>
    private static List<KeyValuePair<string, string>> Form(string code, string[] programs, string[]? routes) =>
    [
        new("code", code),
        .. programs.Select(p => new KeyValuePair<string, string>("programs", p)),
        .. (routes is null ? [] : routes.Select(r => new KeyValuePair<string, string>("routes", r)).Append(new("routesListed", "true"))),
    ];

    private async Task<Intake> IntakeAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Intakes.AsNoTracking().SingleAsync(i => i.Code == code);
    }

    /// <summary>Every intake's stored values (routes included) and the number of intake audit rows.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        var intakes = await db.Intakes.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        var audits = await db.AuditEntries.CountAsync(e => e.Action == "Intake");
        return string.Join("\n", intakes.Select(i => $"{i.Id} {i.Code} {i.Programs} {i.IsOpen} {i.Routes}")) + $"\naudit {audits}";
    }

    private static string Fieldset(string html, string program)
    {
        var match = Regex.Match(html, $"<fieldset class=\"route-choices\" data-routes=\"{program}\".*?</fieldset>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no routes for {program}");
        return match.Value;
    }

    private static string Routes(string html)
    {
        var match = Regex.Match(html, "<section aria-labelledby=\"routes-title\".*?</section>", RegexOptions.Singleline);
        Assert.True(match.Success, "/join has no routes section");
        return match.Value;
    }
}
