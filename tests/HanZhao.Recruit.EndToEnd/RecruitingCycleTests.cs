using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel with the professor's account, jobs off, and a few applications on known routes and steps.</summary>
public sealed class RecruitingCycleApp : RecruitAppFactory, IAsyncLifetime
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";

    public RecruitingCycleApp()
    {
        WithKestrel();
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = "the recruiting cycle as it really runs";
        Settings["Jobs:Enabled"] = "false";
    }

    public RecruitUser Applicant { get; private set; } = null!;

    /// <summary>The applicant's application with an offer and a 待录取 notice due 2026-12-03 18:00 Shanghai.</summary>
    public int OfferId { get; private set; }

    public async Task InitializeAsync()
    {
        StartServer();
        Applicant = await this.CreateUserAsync(Roles.Applicant, "chen.jie@example.edu");
        await using var db = CreateDbContext();
        var intakes = await db.Intakes.ToDictionaryAsync(i => i.Code);
        var specs = new (string Name, string Intake, StudyPrograms Program, AdmissionRoute Route, ApplicationStatus Status)[]
        {
            ("Chen Jie", "2026.09", StudyPrograms.PhD, AdmissionRoute.DirectPhd, ApplicationStatus.Offer),
            ("Wang Lei", "2026.09", StudyPrograms.PhD, AdmissionRoute.DirectPhd, ApplicationStatus.Interview),
            ("Liu Yang", "2026.09", StudyPrograms.PhD, AdmissionRoute.ApplicationAssessment, ApplicationStatus.UnderReview),
            ("Zhang Wei", "2026.09", StudyPrograms.PhD, AdmissionRoute.InternationalPhd, ApplicationStatus.Submitted),
            ("Li Na", "2026.09", StudyPrograms.Master, AdmissionRoute.Recommended, ApplicationStatus.Submitted),
            ("Zhao Min", "2026.09", StudyPrograms.Master, AdmissionRoute.NationalExam, ApplicationStatus.Rejected),
            ("Sun Qi", "2025.09", StudyPrograms.Master, AdmissionRoute.Recommended, ApplicationStatus.Accepted),
        };
        var created = new DateTime(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);
        var number = 0;
        foreach (var spec in specs)
        {
            number++;
            var applicantId = number == 1 ? Applicant.Id : (await this.CreateUserAsync(Roles.Applicant, $"cycle-{number}@example.edu")).Id;
            var application = new Application
            {
                ApplicantId = applicantId, IntakeId = intakes[spec.Intake].Id, Program = spec.Program, Route = spec.Route, Status = spec.Status,
                Culture = "zh-CN", FullName = spec.Name, Institution = "Zhejiang University", Major = "Computer Science",
                ReferenceNumber = $"HZ-2026-{number:D5}", CreatedAtUtc = created, UpdatedAtUtc = created, SubmittedAtUtc = created.AddDays(number),
            };
            if (number == 1)
            {
                application.Milestones.Add(new ApplicationMilestone
                {
                    Kind = MilestoneKind.OfficialApplication, OccurredOn = new DateOnly(2026, 9, 26), RecordedAtUtc = created,
                });
                application.Milestones.Add(new ApplicationMilestone
                {
                    Kind = MilestoneKind.PendingAdmission, OccurredOn = new DateOnly(2026, 11, 27),
                    RespondByUtc = new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc), RecordedAtUtc = created,
                });
            }

            db.Applications.Add(application);
            await db.SaveChangesAsync();
            if (number == 1)
            {
                OfferId = application.Id;
            }
        }
    }

    /// <summary>
    /// Sets the app's clock and empties the public pages' cache: in these tests the clock jumps months,
    /// which a running site never sees, so copies cached in another season must go.
    /// </summary>
    public async Task SetClockAsync(DateTimeOffset at)
    {
        Clock.Freeze(at);
        await Services.GetRequiredService<IOutputCacheStore>().EvictPublicPagesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

/// <summary>
/// The recruiting cycle in the browser, in both languages at 360 and 1280 px: /join and the homepage
/// with nothing open and with an open intake, the professor's dashboard with its banner and route
/// counts, the next intake's form, and the 待录取 countdown on both sides. Screenshots under
/// TestResults/screenshots/cycle-*; axe-core clean; no sideways scroll.
/// </summary>
public class RecruitingCycleTests(RecruitingCycleApp app, BrowserFixture browser) : IClassFixture<RecruitingCycleApp>, IClassFixture<BrowserFixture>
{
    private static readonly DateTimeOffset LateNovember2026 = new(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<string, int> CulturesAndWidths() => new()
    {
        { "en", 360 }, { "en", 1280 }, { "zh-CN", 360 }, { "zh-CN", 1280 },
    };

    [Theory]
    [MemberData(nameof(CulturesAndWidths))]
    public async Task Join_and_the_homepage_with_nothing_open_say_so_and_offer_the_registration(string culture, int width)
    {
        await app.SetClockAsync(LateNovember2026);
        var page = await browser.NewPageAsync(app.ServerAddress, width);

        await page.GotoAsync($"/join?culture={culture}");
        await Assertions.Expect(page.Locator("main [data-no-intake]")).ToBeVisibleAsync();
        Assert.Equal("/join/interest", await page.Locator("main [data-no-intake] a.button").GetAttributeAsync("href"));
        await CheckAsync(page, $"cycle-join-nothing-open-{culture}-{width}", width);

        await page.GotoAsync($"/?culture={culture}");
        await Assertions.Expect(page.Locator(".join-call [data-no-intake]")).ToBeVisibleAsync();
        await CheckAsync(page, $"cycle-home-nothing-open-{culture}-{width}", width);
    }

    [Theory]
    [MemberData(nameof(CulturesAndWidths))]
    public async Task Join_with_an_open_intake_lists_it_first_and_explains_its_routes(string culture, int width)
    {
        await app.SetClockAsync(TestClock.Spring2026);
        var page = await browser.NewPageAsync(app.ServerAddress, width);

        await page.GotoAsync($"/join?culture={culture}");

        Assert.Equal("2026.09", await page.Locator("table.intakes tbody tr").First.GetAttributeAsync("data-intake"));
        Assert.Equal(6, await page.Locator(".route-list li").CountAsync());
        Assert.Equal(0, await page.Locator("main [data-no-intake]").CountAsync());
        await CheckAsync(page, $"cycle-join-open-{culture}-{width}", width);
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_dashboard_shows_the_no_intake_banner_and_the_route_counts_and_the_banner_leads_to_the_filled_form(int width)
    {
        await app.SetClockAsync(LateNovember2026);
        var page = await ProfessorPageAsync(width);

        await page.GotoAsync("/review");
        await Assertions.Expect(page.Locator("[data-no-intake-banner]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.route-counts")).ToBeVisibleAsync();
        Assert.Contains("Direct PhD (直博): 2", await page.Locator("table.route-counts").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, $"cycle-dashboard-banner-{width}", width);
        await page.Locator("table.route-counts").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync($"cycle-dashboard-route-counts-{width}");

        await page.Locator("[data-open-next]").ClickAsync();
        Assert.Equal("2027.09", await page.Locator("#add-code").InputValueAsync());
        Assert.Equal(6, await page.Locator("#add ~ form input[name=routes]:checked").CountAsync());
        await CheckAsync(page, $"cycle-intakes-next-intake-form-{width}", width);
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_pending_admission_countdown_shows_on_the_reviewer_page_and_the_applicant_page_with_the_applicant_s_own_time(int width)
    {
        // 2026-11-29 10:00 → 2026-12-03 18:00 Shanghai: 4 days and 8 hours.
        await app.SetClockAsync(LateNovember2026);
        var professor = await ProfessorPageAsync(width);
        await professor.GotoAsync($"/review/applications/{app.OfferId}/milestones");
        Assert.Equal("4 days and 8 hours left", await professor.Locator(".countdown-left").InnerTextAsync());
        await CheckAsync(professor, $"cycle-milestones-staff-{width}", width);

        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "zh-CN",
            TimezoneId = "Europe/Berlin",
            BypassCSP = true,
        });
        var (name, value) = await app.SignInCookieAsync(app.Applicant);
        await context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = app.ServerAddress.ToString() }]);
        var applicant = await context.NewPageAsync();
        await applicant.GotoAsync("/applicant?culture=zh-CN");
        Assert.Equal("还剩 4 天 8 小时", await applicant.Locator(".countdown-left").InnerTextAsync());
        // 10:00 UTC is 11:00 in Berlin in December.
        await Assertions.Expect(applicant.Locator("[data-local-time]")).ToBeVisibleAsync();
        Assert.Contains("11:00", await applicant.Locator("[data-local-time]").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(applicant, $"cycle-milestones-applicant-zh-CN-{width}", width);
    }

    private async Task<IPage> ProfessorPageAsync(int width)
    {
        await using var db = app.CreateDbContext();
        var professor = await db.Users.SingleAsync(u => u.Email == RecruitingCycleApp.ProfessorEmail);
        var (name, value) = await app.SignInCookieAsync(professor);
        var page = await browser.NewPageAsync(app.ServerAddress, width);
        await page.Context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = app.ServerAddress.ToString() }]);
        return page;
    }

    private static async Task CheckAsync(IPage page, string name, int width)
    {
        await page.ScreenshotAsync(name);
        Assert.True(await page.FitsViewportWidthAsync(), $"{name} is wider than {width} px");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }
}
