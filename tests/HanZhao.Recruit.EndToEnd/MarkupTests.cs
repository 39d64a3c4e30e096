using System.Globalization;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on Kestrel with a professor account, an applicant and one submitted application.</summary>
public sealed class MarkupApp : RecruitAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";

    private readonly SemaphoreSlim _once = new(1, 1);
    private MarkupWorld? _world;

    public MarkupApp()
    {
        WithKestrel();
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = "valid markup on every page 2026";
        Settings["Jobs:Enabled"] = "false";
    }

    /// <summary>The people and rows the pages show, made once per app.</summary>
    public async Task<MarkupWorld> WorldAsync()
    {
        await _once.WaitAsync();
        try
        {
            return _world ??= await CreateWorldAsync();
        }
        finally
        {
            _once.Release();
        }
    }

    private async Task<MarkupWorld> CreateWorldAsync()
    {
        var applicant = await this.CreateUserAsync(Roles.Applicant, "zhou.min@example.edu");
        RecruitUser professor;
        await using var db = CreateDbContext();
        professor = await db.Users.SingleAsync(u => u.Email == ProfessorEmail);
        var intake = await db.Intakes.SingleAsync(i => i.Code == "2026.09");
        var pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
        var now = Clock.GetUtcNow().UtcDateTime;
        var application = new Application
        {
            ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Status = ApplicationStatus.Submitted,
            Culture = "zh-CN", FullName = "Zhou Min", ChineseName = "周敏", Phone = "+86 139 0000 0001",
            Institution = "Fudan University", Degree = "Bachelor of Science", Major = "Computer Science",
            Gpa = 3.7, GpaScale = 4, ExpectedGraduation = new DateOnly(2026, 6, 1), Interests = [new() { ResearchInterestId = 1 }],
            Statement = "Serving systems for large models.", EnglishTest = EnglishTest.Ielts, EnglishScore = 7.5,
            CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now, ConsentedAtUtc = now,
            Documents =
            [
                new() { Kind = DocumentKind.Cv, FileName = "zhou-min-cv.pdf", SizeBytes = pdf.Length, Sha256 = new string('c', 64), UploadedAtUtc = now, Content = new() { Bytes = pdf } },
            ],
        };
        db.Applications.Add(application);
        db.EmailMessages.Add(new EmailMessage
        {
            Kind = "Test", ToAddress = "someone@example.com", Subject = "A message that failed", TextBody = "Hello", HtmlBody = "<p>Hello</p>",
            Status = EmailStatus.Failed, CreatedAtUtc = now, NextAttemptAtUtc = now, Attempts = 5, LastError = "550 mailbox unavailable",
        });
        // The same applicant's Master application with an offer and a running 待录取 notice: the milestone pages and forms.
        var offer = new Application
        {
            ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.Master, Route = AdmissionRoute.Recommended, Status = ApplicationStatus.Offer,
            Culture = "zh-CN", FullName = "Zhou Min", Institution = "Fudan University", Major = "Computer Science", ReferenceNumber = "HZ-2026-90002",
            CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now,
            Milestones = [new() { Kind = MilestoneKind.PendingAdmission, OccurredOn = new DateOnly(2026, 3, 1), RespondByUtc = now.AddDays(3), Note = "推免系统", RecordedAtUtc = now }],
        };
        db.Applications.Add(offer);
        // A PhD application of the next intake in the Interview status, invited, booked, with free times left: the booking page and the slots page.
        var nextIntake = new Intake { Code = "2027.09", EnrollmentDate = new DateOnly(2027, 9, 1), Programs = StudyPrograms.PhD };
        db.Intakes.Add(nextIntake);
        var interview = new Application
        {
            ApplicantId = applicant.Id, Intake = nextIntake, Program = StudyPrograms.PhD, Status = ApplicationStatus.Interview,
            Culture = "zh-CN", FullName = "Zhou Min", Institution = "Fudan University", Major = "Computer Science", ReferenceNumber = "HZ-2026-90003",
            CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now,
        };
        db.Applications.Add(interview);
        await db.SaveChangesAsync();
        var slots = new[] { (3, InterviewMode.OnSite, "Room 3-402, SEIEE Building"), (4, InterviewMode.Online, "https://meeting.tencent.com/dm/markup"), (4.5, InterviewMode.OnSite, "Room 3-402, SEIEE Building") }
            .Select(s => new InterviewSlot { IntakeId = nextIntake.Id, StartsAtUtc = now.AddDays(s.Item1), LengthMinutes = 30, Mode = s.Item2, Location = s.Item3, Capacity = 1, CreatedAtUtc = now })
            .ToList();
        db.InterviewSlots.AddRange(slots);
        db.InterviewInvitations.Add(new InterviewInvitation { ApplicationId = interview.Id, IntakeId = nextIntake.Id, InvitedById = professor.Id, InvitedAtUtc = now, CalendarUid = "markup@hanzhao.test" });
        await db.SaveChangesAsync();
        db.InterviewBookings.Add(new InterviewBooking { ApplicationId = interview.Id, SlotId = slots[0].Id, Seat = 1, BookedAtUtc = now });
        await db.SaveChangesAsync();
        // A referee's open request: the letter page behind its private link, and the applicant's referees page.
        var letterToken = HanZhao.Recruit.Web.Platform.Security.LinkTokens.New();
        db.LetterRequests.Add(new HanZhao.Recruit.Data.Letters.LetterRequest
        {
            ApplicationId = application.Id, RefereeName = "Prof. Wang Wei", RefereeEmail = "wang.wei@zju.example.edu", RefereeInstitution = "Zhejiang University",
            Relationship = "Thesis supervisor", RequestedAtUtc = now, ExpiresAtUtc = now.AddDays(30),
            Links = [new() { TokenHash = HanZhao.Recruit.Web.Platform.Security.LinkTokens.Hash(letterToken), IssuedAtUtc = now }],
        });
        await db.SaveChangesAsync();
        application.ReferenceNumber = $"HZ-2026-{application.Id:D5}";
        await db.SaveChangesAsync();

        // Fictional lab members, one an alumnus: /people's groups and the editor's pages.
        var member = new HanZhao.Recruit.Data.Content.LabMember
        {
            Name = "Markup Student", ChineseName = "标记学生", Role = HanZhao.Recruit.Data.Content.LabRole.PhdStudent, StartYear = 2024,
            Topic = new("Test topic", "测试方向"), Url = "https://example.org/student", UpdatedAtUtc = now,
        };
        db.LabMembers.AddRange(member, new HanZhao.Recruit.Data.Content.LabMember
        {
            Name = "Markup Alumnus", Role = HanZhao.Recruit.Data.Content.LabRole.MasterStudent, StartYear = 2020, EndYear = 2023,
            Destination = new("Example Company", "示例公司"), SortOrder = 1, UpdatedAtUtc = now,
        });
        await db.SaveChangesAsync();
        var values = new Dictionary<string, string>
        {
            ["member"] = Id(member.Id),
            ["app"] = Id(application.Id),
            ["offer"] = Id(offer.Id),
            ["letter"] = letterToken,
            ["intake"] = Id(intake.Id),
            ["interview"] = Id(interview.Id),
            ["nextIntake"] = Id(nextIntake.Id),
            ["publication"] = (await db.Publications.OrderBy(p => p.Id).FirstAsync()).Slug,
            ["publicationId"] = Id((await db.Publications.OrderBy(p => p.Id).FirstAsync()).Id),
            ["interest"] = Id((await db.ResearchInterests.OrderBy(i => i.Id).FirstAsync()).Id),
            ["education"] = Id((await db.Education.OrderBy(e => e.Id).FirstAsync()).Id),
            ["accomplishment"] = Id((await db.Accomplishments.OrderBy(a => a.Id).FirstAsync()).Id),
        };
        return new MarkupWorld(await this.SignInCookieAsync(applicant), await this.SignInCookieAsync(professor), values);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed record MarkupWorld((string Name, string Value) ApplicantCookie, (string Name, string Value) ProfessorCookie, Dictionary<string, string> Values)
{
    public string Fill(string url) =>
        Values.Aggregate(url, (current, pair) => current.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
}

/// <summary>
/// html-validate over every kind of page in both languages, on the HTML as served: invalid markup
/// (an attribute an input type does not take, two landmarks of one name) fails here, beside axe-core's
/// accessibility checks in the other browser tests.
/// </summary>
public class MarkupTests(MarkupApp app, BrowserFixture browser) : IClassFixture<MarkupApp>, IClassFixture<BrowserFixture>
{
    /// <summary>The pages of each kind, with the status each answers; who opens them is decided by the kind.</summary>
    private static readonly Dictionary<string, (string Url, int Status)[]> Kinds = new()
    {
        ["public"] =
        [
            ("/", 200), ("/publications", 200), ("/publications?year=2024&rank=A", 200), ("/publications/{publication}", 200), ("/join", 200), ("/people", 200),
            ("/news", 200), ("/search?q=gpu", 200), ("/search?q=", 200),
            ("/contact", 200), ("/contact/sent", 200), ("/apply/signin", 200), ("/apply/signin/sent", 200), ("/account/signin", 200),
            ("/account/forgot-password", 200), ("/letters/{letter}", 200), ("/letters/received", 200), ("/account/setup?token=not-a-token", 400), ("/account/set-password?userId=nobody&token=not-a-token", 400),
        ],
        ["apply"] =
        [
            ("/apply", 200), ("/apply/{app}/route", 200), ("/apply/{app}/personal", 200), ("/apply/{app}/education", 200), ("/apply/{app}/choice", 200),
            ("/apply/{app}/experience", 200), ("/apply/{app}/english", 200), ("/apply/{app}/statement", 200),
            ("/apply/{app}/documents", 200), ("/apply/{app}/review", 200), ("/apply/{app}/submitted", 200),
        ],
        ["applicant"] = [("/applicant", 200), ("/applicant/{app}/withdraw", 200), ("/applicant/{offer}/milestones", 200), ("/applicant/{app}/milestones", 200),
            ("/applicant/{app}/referees", 200), ("/applicant/{interview}/interview", 200), ("/applicant/{app}/interview", 200),
            ("/applicant/data", 200), ("/applicant/data/erase", 200), ("/applicant/data/erased", 200)],
        ["staff"] =
        [
            ("/review", 200), ("/review?status=Submitted&sort=name", 200), ("/review/applications/{app}", 200),
            ("/review/applications/{app}/status", 200), ("/review/applications/{app}/status?to=UnderReview", 200),
            ("/review/interviews", 200), ("/review/interviews?intake={nextIntake}", 200),
            ("/review/bulk?ids={app}&status=Rejected", 200), ("/review/templates", 200), ("/review/templates/Interview/en", 200),
            ("/review/templates/Offer/zh-CN", 200), ("/review/reviewers", 200), ("/review/emails", 200), ("/review/audit", 200),
            ("/account/2fa", 200), ("/account/2fa?suggest=true", 200),
            ("/review/applications/{offer}", 200), ("/review/applications/{offer}/milestones", 200), ("/review/applications/{app}/milestones", 200),
            ("/review/templates/milestones/PendingAdmission/zh-CN", 200), ("/review/settings/intakes?prefill=next", 200),
            ("/review/applicants/{app}/erase", 200),
            ("/review/retention", 200), ("/review/retention/{app}/keep", 200),
        ],
        ["settings"] =
        [
            ("/review/settings/intakes", 200), ("/review/settings/intakes/{intake}", 200), ("/review/settings/alerts", 200), ("/review/settings/retention", 200), ("/review/settings/content", 200),
            ("/review/settings/content/profile", 200), ("/review/settings/content/interests", 200),
            ("/review/settings/content/interests/{interest}", 200), ("/review/settings/content/education", 200),
            ("/review/settings/content/education/{education}", 200), ("/review/settings/content/accomplishments", 200),
            ("/review/settings/content/accomplishments/{accomplishment}", 200), ("/review/settings/content/publications", 200),
            ("/review/settings/content/publications/new", 200), ("/review/settings/content/publications/import", 200),
            ("/review/settings/content/publications/dblp", 200),
            ("/review/settings/content/publications/{publicationId}", 200), ("/review/settings/content/publications/{publicationId}/delete", 200),
            ("/review/settings/content/people", 200), ("/review/settings/content/people/{member}", 200),
            ("/review/settings/content/news", 200),
        ],
        ["errors"] =
        [
            ("/does-not-exist", 404), ("/error/400", 400), ("/error/403", 403), ("/error/405", 405), ("/error/413", 413),
            ("/error/429", 429), ("/error/500", 500),
        ],
    };

    public static TheoryData<string, string> KindsAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in Kinds.Keys.Append("refused forms"))
        {
            foreach (var culture in new[] { "en", "zh-CN" })
            {
                data.Add(kind, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndCultures))]
    public async Task Every_page_of_each_kind_is_valid_html_in_both_languages(string kind, string culture)
    {
        var world = await app.WorldAsync();
        var page = await browser.NewPageAsync(app.ServerAddress, 1280);
        var cookie = kind switch
        {
            "apply" or "applicant" => world.ApplicantCookie,
            "staff" or "settings" => world.ProfessorCookie,
            _ => default,
        };
        if (cookie.Name is not null)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Url = app.ServerAddress.ToString() }]);
        }

        var served = kind == "refused forms"
            ? await RefusedFormsAsync(page, world, culture)
            : await ServedAsync(page, world, Kinds[kind], culture);

        var errors = await PageChecks.MarkupErrorsAsync(served);
        Assert.True(errors.Count == 0, $"{kind} ({culture}), {errors.Count} markup errors:\n{string.Join("\n", errors)}");
    }

    private static async Task<List<(string Name, string Html)>> ServedAsync(IPage page, MarkupWorld world, (string Url, int Status)[] pages, string culture)
    {
        var served = new List<(string Name, string Html)>();
        foreach (var (url, status) in pages)
        {
            var response = await page.GotoAsync(WithCulture(world.Fill(url), culture));
            Assert.True(response?.Status == status, $"{url} ({culture}) answered {response?.Status}, expected {status}");
            served.Add(($"{url} ({culture})", await response!.TextAsync()));
        }

        return served;
    }

    /// <summary>Forms sent back with their messages (400): what the page looks like when a field is wrong.</summary>
    private async Task<List<(string Name, string Html)>> RefusedFormsAsync(IPage page, MarkupWorld world, string culture)
    {
        var served = new List<(string Name, string Html)>
        {
            await RefuseAsync(page, WithCulture("/account/signin", culture), "/account/signin", new() { ["email"] = "nobody@example.edu", ["password"] = "wrong password, twelve+" }),
            await RefuseAsync(page, WithCulture("/contact", culture), "/contact", new() { ["name"] = "", ["email"] = "not an address", ["message"] = "" }),
        };
        await page.Context.AddCookiesAsync([new Cookie { Name = world.ApplicantCookie.Name, Value = world.ApplicantCookie.Value, Url = app.ServerAddress.ToString() }]);
        served.Add(await RefuseAsync(page, WithCulture(world.Fill("/apply/{app}/education"), culture), world.Fill("/apply/{app}/education"),
            new() { ["Gpa"] = "five", ["GpaScale"] = "-1", ["RankPosition"] = "121", ["CohortSize"] = "120", ["ExpectedGraduation"] = "someday", ["go"] = "next" }));
        served.Add(await RefuseAsync(page, WithCulture(world.Fill("/apply/{app}/route"), culture), world.Fill("/apply/{app}/route"),
            new() { ["Route"] = "NationalExam", ["OfficialStepExpectedOn"] = "someday", ["go"] = "next" }));
        served.Add(await RefuseAsync(page, WithCulture(world.Fill("/apply/{app}/english"), culture), world.Fill("/apply/{app}/english"),
            new() { ["EnglishTest"] = "Ielts", ["EnglishScore"] = "9.5", ["go"] = "next" }));
        await page.Context.AddCookiesAsync([new Cookie { Name = world.ProfessorCookie.Name, Value = world.ProfessorCookie.Value, Url = app.ServerAddress.ToString() }]);
        served.Add(await RefuseAsync(page, WithCulture("/review/settings/intakes", culture), "/review/settings/intakes",
            new() { ["Code"] = "next year", ["Programs"] = "PhD", ["PhdQuota"] = "-3" }));
        served.Add(await RefuseAsync(page, WithCulture("/review/settings/intakes", culture), "/review/settings/intakes",
            new() { ["Code"] = "2031.09", ["Programs"] = "Master", ["Routes"] = "DirectPhd" }));
        var milestones = world.Fill("/review/applications/{offer}/milestones");
        served.Add(await RefuseAsync(page, WithCulture(milestones, culture), milestones,
            new() { ["kind"] = "PendingAdmission", ["occurredOn"] = "2026-02-30", ["respondBy"] = "soon", ["note"] = new string('x', 501), ["sendEmail"] = "yes" }));
        await page.Context.AddCookiesAsync([new Cookie { Name = world.ApplicantCookie.Name, Value = world.ApplicantCookie.Value, Url = app.ServerAddress.ToString() }]);
        var own = world.Fill("/applicant/{offer}/milestones");
        served.Add(await RefuseAsync(page, WithCulture(own, culture), own, new() { ["kind"] = "Admitted", ["occurredOn"] = "" }));
        return served;
    }

    private static async Task<(string Name, string Html)> RefuseAsync(IPage page, string formPage, string action, Dictionary<string, string> fields)
    {
        await page.GotoAsync(formPage);
        var form = page.APIRequest.CreateFormData();
        form.Set(HtmlForms.AntiforgeryField, await page.Locator($"input[name={HtmlForms.AntiforgeryField}]").First.InputValueAsync());
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        var response = await page.APIRequest.PostAsync(action, new() { Form = form, MaxRedirects = 0 });
        Assert.True(response.Status == 400, $"POST {action} answered {response.Status}, expected 400 with the form and its messages");
        return ($"POST {action} refused ({formPage})", await response.TextAsync());
    }

    private static string WithCulture(string url, string culture) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture;
}
