using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>
/// The route step (/apply/{id}/route): the official route the applicant plans, one the intake accepts
/// for the program, with the 推免 questions only where the route asks them and the date of its
/// official step. A refused post is 400 with the field's message and saves nothing.
/// </summary>
public class RouteStepTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    private const string NotAccepted = "Choose one of the routes this intake accepts for your program.";

    /// <summary>The professor's route settings the theory crosses with every program and route.</summary>
    private static readonly Dictionary<string, AdmissionRoute> Settings = new()
    {
        ["all"] = AdmissionRoutes.All,
        ["direct PhD and national exam"] = AdmissionRoute.DirectPhd | AdmissionRoute.NationalExam,
        ["Master's routes only"] = AdmissionRoutes.Master,
    };

    private static readonly SemaphoreSlim IntakesOnce = new(1, 1);

    public static TheoryData<string, string, string, bool> ProgramsRoutesAndSettings()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var program in new[] { StudyPrograms.PhD, StudyPrograms.Master })
        {
            foreach (var route in AdmissionRoutes.Each)
            {
                foreach (var (setting, routes) in Settings)
                {
                    // Written out rather than asking Intake.Accepts: the route is the program's and switched on.
                    var isPhdRoute = route is AdmissionRoute.DirectPhd or AdmissionRoute.MasterToPhd or AdmissionRoute.ApplicationAssessment or AdmissionRoute.InternationalPhd;
                    var accepted = (routes & route) == route && isPhdRoute == (program == StudyPrograms.PhD);
                    data.Add(program.ToString(), route.ToString(), setting, accepted);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProgramsRoutesAndSettings))]
    public async Task A_route_is_taken_only_when_the_intake_accepts_it_for_the_program(string program, string route, string setting, bool accepted)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var code = await IntakeWithAsync(setting);
        var id = await client.StartAsync(code, program);
        var before = await StoredAsync(id);

        using var response = await client.SaveStepAsync(id, "route", [new("Route", route), new("OfficialStepExpectedOn", "2030-05-20")], go: "save");

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(Enum.Parse<AdmissionRoute>(route), (await ApplicationFormSteps.LoadAsync(app, id)).Route);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(NotAccepted, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Equal(before, await StoredAsync(id));
        }
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("None")]
    [InlineData("DirectPhd, MasterToPhd")]
    [InlineData("Postdoc")]
    [InlineData("DirectPhd\u0000")]
    public async Task A_value_that_names_no_single_route_is_refused_and_nothing_is_saved(string route)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        var before = await StoredAsync(id);

        using var response = await client.SaveStepAsync(id, "route", [new("Route", route)], go: "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task The_page_offers_only_the_routes_the_intake_accepts_for_the_program_with_what_each_asks()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var code = await IntakeWithAsync("direct PhD and national exam");
        var id = await client.StartAsync(code, "PhD");

        var html = await client.GetStringAsync($"/apply/{id}/route");

        Assert.Contains("value=\"DirectPhd\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"MasterToPhd\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"NationalExam\"", html, StringComparison.Ordinal);
        var text = PageText.Of(html);
        Assert.Contains("Direct PhD (直博)", text, StringComparison.Ordinal);
        Assert.Contains("Official step: the national 推免 system, usually in late September.", text, StringComparison.Ordinal);
        Assert.Contains("Documents: CV, Transcript, Ranking certificate (排名证明).", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_route_is_required_to_go_on_and_to_submit()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.FillCompleteApplicationAsync(app);
        var before = await StoredAsync(id);

        using var next = await client.SaveStepAsync(id, "route", [new("OfficialStepExpectedOn", "2025-09-25")]);
        Assert.Equal(HttpStatusCode.BadRequest, next.StatusCode);
        Assert.Contains("Choose the route you plan to take.", PageText.Of(await next.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));

        // A draft may be saved without it, but it cannot be submitted.
        using var saved = await client.SaveStepAsync(id, "route", [new("OfficialStepExpectedOn", "2025-09-25")], go: "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(AdmissionRoute.None, (await ApplicationFormSteps.LoadAsync(app, id)).Route);
        Assert.Contains("Choose the route you plan to take.", PageText.Of(await client.GetStringAsync($"/apply/{id}/review")), StringComparison.Ordinal);

        using var submit = await client.SubmitAsync(id);

        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Contains("Some required information is missing.", PageText.Of(await submit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, (await ApplicationFormSteps.LoadAsync(app, id)).Status);
    }

    [Fact]
    public async Task A_route_the_professor_switches_off_after_it_was_chosen_stops_the_submission_until_another_is_chosen()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var code = await IntakeWithAsync("all", suffix: "switched");
        var id = await client.FillCompleteApplicationAsync(app, code, "PhD");
        await using (var db = app.CreateDbContext())
        {
            await db.Intakes.Where(i => i.Code == code).ExecuteUpdateAsync(s => s.SetProperty(i => i.Routes, AdmissionRoute.MasterToPhd | AdmissionRoutes.Master));
        }

        using var refused = await client.SubmitAsync(id);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(NotAccepted, PageText.Of(await client.GetStringAsync($"/apply/{id}/review")), StringComparison.Ordinal);

        using var route = await client.SaveStepAsync(id, "route", [new("Route", "MasterToPhd"), new("OfficialStepExpectedOn", "2030-03-01")]);
        using var proposal = await client.UploadAsync(id, "ResearchProposal", ApplicationFormSteps.Pdf(), "proposal.pdf");
        using var submitted = await client.SubmitAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, route.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, proposal.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
    }

    [Fact]
    public async Task The_推免_answers_are_kept_only_for_the_routes_that_ask_them()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync("2026.09", "Master");
        (string, string)[] answers = [("RecommendationEligibility", "Confirmed"), ("SummerCamps", "Tsinghua summer camp, July 2025"), ("OfficialStepExpectedOn", "2025-09-25")];

        using var recommended = await client.SaveStepAsync(id, "route", Fields(("Route", "Recommended"), answers));
        var afterRecommended = await ApplicationFormSteps.LoadAsync(app, id);
        using var exam = await client.SaveStepAsync(id, "route", Fields(("Route", "NationalExam"), answers));
        var afterExam = await ApplicationFormSteps.LoadAsync(app, id);

        Assert.Equal(HttpStatusCode.Redirect, recommended.StatusCode);
        Assert.Equal((AdmissionRoute.Recommended, RecommendationEligibility.Confirmed, "Tsinghua summer camp, July 2025", new DateOnly(2025, 9, 25)),
            (afterRecommended.Route, afterRecommended.RecommendationEligibility!.Value, afterRecommended.SummerCamps, afterRecommended.OfficialStepExpectedOn!.Value));
        Assert.Equal(HttpStatusCode.Redirect, exam.StatusCode);
        Assert.Equal((AdmissionRoute.NationalExam, null, null, new DateOnly(2025, 9, 25)),
            (afterExam.Route, afterExam.RecommendationEligibility, afterExam.SummerCamps, afterExam.OfficialStepExpectedOn!.Value));
    }

    [Theory]
    [InlineData("", "Say whether you are eligible for 推免.")]
    [InlineData("Maybe", "Choose one of the answers about 推免.")]
    [InlineData("2", "Choose one of the answers about 推免.")]
    public async Task A_route_that_asks_推免_eligibility_needs_one_of_its_answers(string eligibility, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        var before = await StoredAsync(id);

        using var response = await client.SaveStepAsync(id, "route",
            [new("Route", "DirectPhd"), new("RecommendationEligibility", eligibility), new("OfficialStepExpectedOn", "2025-09-25")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Theory]
    [InlineData("someday", "Enter the date as YYYY-MM-DD, no later than the enrollment date.")]
    [InlineData("2025-02-30", "Enter the date as YYYY-MM-DD, no later than the enrollment date.")]
    [InlineData("2026-09-02", "Enter the date as YYYY-MM-DD, no later than the enrollment date.")]
    [InlineData("0205-09-25", "Enter the date as YYYY-MM-DD, no later than the enrollment date.")]
    [InlineData("", "Enter when you expect the official step.")]
    public async Task The_date_of_the_official_step_is_a_real_date_before_enrollment(string date, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        var before = await StoredAsync(id);

        using var response = await client.SaveStepAsync(id, "route", [new("Route", "InternationalPhd"), new("OfficialStepExpectedOn", date)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task The_route_messages_are_in_the_applicants_language()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        await client.GetAsync("/?culture=zh-CN");

        using var notAccepted = await client.SaveStepAsync(id, "route", [new("Route", "NationalExam")]);
        using var noAnswer = await client.SaveStepAsync(id, "route", [new("Route", "DirectPhd")]);

        Assert.Contains("请从本批次该项目接受的招生类型中选择一种。", PageText.Of(await notAccepted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var text = PageText.Of(await noAnswer.Content.ReadAsStringAsync());
        Assert.Contains("请说明你是否有推免资格。", text, StringComparison.Ordinal);
        Assert.Contains("请填写正式程序的预计日期。", text, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Fields((string, string) route, (string, string)[] answers) =>
        [.. new[] { route }.Concat(answers).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))];

    /// <summary>An open intake taking both programs with the setting's routes; one per setting, made once (the app is started by then).</summary>
    private async Task<string> IntakeWithAsync(string setting, string suffix = "")
    {
        var code = $"2031.{Settings.Keys.ToList().IndexOf(setting) + 1 + (suffix.Length > 0 ? 5 : 0):D2}";
        await IntakesOnce.WaitAsync();
        try
        {
            await using var db = app.CreateDbContext();
            if (!await db.Intakes.AnyAsync(i => i.Code == code))
            {
                db.Intakes.Add(new Intake
                {
                    Code = code, EnrollmentDate = new DateOnly(2031, 9, 1), Programs = StudyPrograms.PhD | StudyPrograms.Master, IsOpen = true,
                    Routes = Settings[setting],
                });
                await db.SaveChangesAsync();
            }
        }
        finally
        {
            IntakesOnce.Release();
        }

        return code;
    }

    private async Task<string> StoredAsync(int id)
    {
        await using var db = app.CreateDbContext();
        var a = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
        return $"{a.Route} {a.RecommendationEligibility} {a.SummerCamps} {a.OfficialStepExpectedOn} {a.UpdatedAtUtc:O}";
    }
}
