using System.Net;
using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.PublicSite;

namespace HanZhao.Recruit.Tests.Review.Dashboard;

/// <summary>The app with a few applications on known routes in one intake of their own (and one that has not chosen a route).</summary>
public class RouteDashboardApp : RecruitAppFactory, IAsyncLifetime
{
    public RecruitUser Professor { get; private set; } = null!;

    public int IntakeId { get; private set; }

    /// <summary>Application id → (name, program, route).</summary>
    public Dictionary<int, (string Name, StudyPrograms Program, AdmissionRoute Route)> Applications { get; } = [];

    public async Task InitializeAsync()
    {
        Professor = await this.CreateUserAsync(Roles.Professor);
        await using var db = CreateDbContext();
        var intake = new Intake { Code = "2037.09", EnrollmentDate = new DateOnly(2037, 9, 1), Programs = StudyPrograms.PhD | StudyPrograms.Master, IsOpen = true };
        db.Intakes.Add(intake);
        await db.SaveChangesAsync();
        IntakeId = intake.Id;
        var specs = new (string Name, StudyPrograms Program, AdmissionRoute Route)[]
        {
            ("Route Direct One", StudyPrograms.PhD, AdmissionRoute.DirectPhd),
            ("Route Direct Two", StudyPrograms.PhD, AdmissionRoute.DirectPhd),
            ("Route Assessment", StudyPrograms.PhD, AdmissionRoute.ApplicationAssessment),
            ("Route Exam", StudyPrograms.Master, AdmissionRoute.NationalExam),
            ("Route Undecided", StudyPrograms.Master, AdmissionRoute.None),
        };
        var number = 0;
        foreach (var spec in specs)
        {
            var applicant = new RecruitUser { UserName = $"route-{++number}@example.com", Email = $"route-{number}@example.com", CreatedAtUtc = DateTime.UtcNow };
            db.Users.Add(applicant);
            var application = new Application
            {
                ApplicantId = applicant.Id, IntakeId = intake.Id, Program = spec.Program, Route = spec.Route, Status = ApplicationStatus.Submitted,
                FullName = spec.Name, Institution = "Fudan University", Major = "Computer Science", ReferenceNumber = $"HZ-2037-{number:00000}",
                CreatedAtUtc = new DateTime(2037, 1, 1, 0, 0, 0, DateTimeKind.Utc), UpdatedAtUtc = new DateTime(2037, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                SubmittedAtUtc = new DateTime(2037, 1, number, 9, 0, 0, DateTimeKind.Utc),
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            Applications[application.Id] = spec;
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>The route on the dashboard: a filter of the list (a query model), a column, counts per intake and program, a CSV column.</summary>
public class RouteDashboardTests(RouteDashboardApp app) : IClassFixture<RouteDashboardApp>
{
    [Theory]
    [InlineData("DirectPhd", AdmissionRoute.DirectPhd)]
    [InlineData("directphd", AdmissionRoute.DirectPhd)]
    [InlineData("NationalExam", AdmissionRoute.NationalExam)]
    [InlineData("None", AdmissionRoute.None)]
    public async Task The_route_filter_lists_only_the_applications_on_that_route_and_keeps_it_in_the_links(string value, AdmissionRoute route)
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var html = await DashboardTests.GetOkAsync(client, $"/review?intake={app.IntakeId}&route={value}");

        var expected = app.Applications.Where(a => a.Value.Route == route).Select(a => a.Key).Order().ToList();
        Assert.Equal(expected, DashboardTests.RowIds(html).Order().ToList());
        Assert.Contains($"<option value=\"{route}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains($"route={route}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_row_shows_its_route_by_the_guide_s_name_in_the_page_s_language()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var english = await DashboardTests.GetOkAsync(client, $"/review?intake={app.IntakeId}");
        var chinese = await DashboardTests.GetOkAsync(client, $"/review?intake={app.IntakeId}&culture=zh-CN");

        Assert.Contains("<td data-route=\"DirectPhd\">Direct PhD (直博)</td>", english, StringComparison.Ordinal);
        Assert.Contains("<td data-route=\"NationalExam\">National entrance exam (统考)</td>", english, StringComparison.Ordinal);
        Assert.Contains("<td data-route=\"None\">—</td>", english, StringComparison.Ordinal);
        Assert.Contains("<td data-route=\"DirectPhd\">直博</td>", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counts_give_each_route_per_intake_and_program_and_link_to_the_filtered_list()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var html = await DashboardTests.GetOkAsync(client, "/review");

        Assert.Contains("Applications by intake, program and route", html, StringComparison.Ordinal);
        Assert.Contains($"<li data-route-count=\"2037.09|PhD|DirectPhd\"><a href=\"/review?intake={app.IntakeId}&amp;program=PhD&route=DirectPhd\">Direct PhD (直博): 2</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("data-route-count=\"2037.09|PhD|ApplicationAssessment\"", html, StringComparison.Ordinal);
        Assert.Contains("Application and assessment (申请-考核): 1", PageText.Of(html), StringComparison.Ordinal);
        Assert.Contains("National entrance exam (统考): 1", PageText.Of(html), StringComparison.Ordinal);
        Assert.Contains("<li data-route-count=\"2037.09|Master|None\">", html, StringComparison.Ordinal);
        Assert.Contains("Not chosen yet: 1", PageText.Of(html), StringComparison.Ordinal);
        Assert.DoesNotContain("data-route-count=\"2037.09|Master|DirectPhd\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_a_route_column_and_follows_the_route_filter()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        using var all = await client.GetAsync($"/review/export.csv?intake={app.IntakeId}");
        using var direct = await client.GetAsync($"/review/export.csv?intake={app.IntakeId}&route=DirectPhd");

        var rows = await CsvAsync(all);
        var route = rows[0].IndexOf("Route");
        Assert.Equal(rows[0].IndexOf("Program") + 1, route);
        Assert.Equal(
            app.Applications.Values.Select(a => (a.Name, a.Route == AdmissionRoute.None ? "" : Guide(a.Route))).Order(),
            rows.Skip(1).Select(r => (r[1], r[route])).Order());
        var filtered = await CsvAsync(direct);
        Assert.Equal(new[] { "Route Direct One", "Route Direct Two" }, filtered.Skip(1).Select(r => r[1]).Order());
        Assert.All(filtered.Skip(1), r => Assert.Equal("Direct PhD (直博)", r[route]));
    }

    [Theory]
    [InlineData("Bachelor")]
    [InlineData("1")]
    [InlineData("DirectPhd, NationalExam")]
    [InlineData("<script>")]
    public async Task A_route_that_is_not_one_is_ignored_with_a_message_and_the_list_is_unfiltered(string value)
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        using var response = await client.GetAsync($"/review?intake={app.IntakeId}&route={Uri.EscapeDataString(value)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"The value '{value}' for 'route' is not valid and was ignored.", PageText.Of(html), StringComparison.Ordinal);
        Assert.Equal(app.Applications.Keys.Order(), DashboardTests.RowIds(html).Order());
    }

    private static string Guide(AdmissionRoute route) => Web.Apply.AdmissionRouteGuide.For(route).Name;

    private static async Task<List<List<string>>> CsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return DashboardTests.ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }
}
