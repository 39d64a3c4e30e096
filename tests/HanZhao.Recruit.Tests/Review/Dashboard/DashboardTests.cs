using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Review.Dashboard;
using HanZhao.Recruit.Web.Review.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Review.Dashboard;

/// <summary>What the dashboard tests know about each seeded application, to compute the expected rows.</summary>
public sealed record SeededApplication(
    int Id,
    string Reference,
    string FullName,
    string? ChineseName,
    string Institution,
    string Major,
    string IntakeCode,
    int IntakeId,
    StudyPrograms Program,
    ApplicationStatus Status,
    DateTime? SubmittedAtUtc,
    IReadOnlyList<int> Interests,
    string? Statement,
    IReadOnlyList<string> Tags,
    double? Average,
    IReadOnlyList<string> ReviewerIds)
{
    /// <summary>The professor's own score (the rubric's average), when they gave one.</summary>
    public double? ProfessorScore { get; init; }

    public double? GpaPercent { get; init; }

    public int? RankPosition { get; init; }

    public int? CohortSize { get; init; }

    public EnglishTest? EnglishTest { get; init; }

    public double? EnglishScore { get; init; }
}

/// <summary>
/// The app on its own database with a dozen applications across two intakes, both programs, every
/// status, tags, scores and assignments to two co-reviewers (and a draft nobody on staff may see).
/// </summary>
public class DashboardAppFactory : RecruitAppFactory, IAsyncLifetime
{
    public RecruitUser Professor { get; private set; } = null!;

    public RecruitUser ReviewerA { get; private set; } = null!;

    public RecruitUser ReviewerB { get; private set; } = null!;

    public int Interest1 { get; private set; }

    public int Interest2 { get; private set; }

    public int OpenIntakeId { get; private set; }

    public IReadOnlyList<SeededApplication> Applications { get; private set; } = [];

    /// <summary>Submitted ones: what the professor sees.</summary>
    public IEnumerable<SeededApplication> Visible => Applications.Where(a => a.Status != ApplicationStatus.Draft);

    public async Task InitializeAsync()
    {
        Professor = await this.CreateUserAsync(Roles.Professor);
        ReviewerA = await this.CreateUserAsync(Roles.Reviewer);
        ReviewerB = await this.CreateUserAsync(Roles.Reviewer);

        await using var db = CreateDbContext();
        var now = Clock.GetUtcNow().UtcDateTime;
        var open = new Intake { Code = "2031.03", EnrollmentDate = new DateOnly(2031, 3, 1), Programs = StudyPrograms.PhD | StudyPrograms.Master, IsOpen = true, DeadlineUtc = now.AddDays(10) };
        var closed = new Intake { Code = "2031.09", EnrollmentDate = new DateOnly(2031, 9, 1), Programs = StudyPrograms.PhD | StudyPrograms.Master, IsOpen = false, DeadlineUtc = now.AddDays(40) };
        var r1 = new ResearchInterest { Name = new("Graph learning", "图学习"), SortOrder = 90 };
        var r2 = new ResearchInterest { Name = new("Fairness", "公平性"), SortOrder = 91 };
        db.AddRange(open, closed, r1, r2);
        await db.SaveChangesAsync();
        OpenIntakeId = open.Id;
        Interest1 = r1.Id;
        Interest2 = r2.Id;

        var a = ReviewerA.Id;
        var b = ReviewerB.Id;
        var p = Professor.Id;
        var specs = new (string Name, string? Chinese, string Institution, string Major, Intake Intake, StudyPrograms Program, ApplicationStatus Status, int? Day, int[] Interests, string? Statement, string[] Tags, (string By, int Value)[] Scores, string[] Assigned)[]
        {
            ("Alice Wang", "王爱丽", "Tsinghua University", "Computer Science", open, StudyPrograms.PhD, ApplicationStatus.Submitted, 2, [r1.Id], "I love graph neural networks.", ["strong"], [(a, 5), (p, 4)], [a]),
            ("Bob Li", null, "Peking University", "Mathematics", open, StudyPrograms.Master, ApplicationStatus.UnderReview, 5, [r2.Id], "Optimisation and theory.", [], [(a, 3)], [a]),
            ("Carol Zhang", "张卡罗", "Fudan University", "Statistics", open, StudyPrograms.PhD, ApplicationStatus.Interview, 7, [r1.Id, r2.Id], "Fairness in machine learning.", ["follow up", "strong"], [(b, 4), (p, 4)], [b]),
            ("=HYPERLINK(\"http://evil\",\"x\")", "@at", "+Plus Institute", "-Minus Studies", open, StudyPrograms.PhD, ApplicationStatus.Submitted, 9, [], "@mention statement", [], [], []),
            ("David Chen", "陈大卫", "Zhejiang University", "Electrical Engineering", closed, StudyPrograms.PhD, ApplicationStatus.Offer, 11, [r1.Id], "Domain adaptation 100% focus_test", ["follow up"], [(b, 2)], [b]),
            ("Eve Sun", null, "Shanghai Jiao Tong University", "Computer Science", closed, StudyPrograms.Master, ApplicationStatus.Rejected, 12, [r2.Id], null, [], [(a, 1), (b, 2)], []),
            ("Frank Zhou", null, "Nanjing University", "Software Engineering", closed, StudyPrograms.Master, ApplicationStatus.Withdrawn, 14, [], "Meta-learning", [], [], []),
            ("Grace Xu", "徐格蕾", "University of Toronto", "Computer Science", closed, StudyPrograms.PhD, ApplicationStatus.Accepted, 15, [r1.Id], "Transfer learning", ["strong"], [(p, 5)], [a, b]),
            ("Henry Wu", null, "tsinghua university shenzhen", "Physics", open, StudyPrograms.Master, ApplicationStatus.Declined, 20, [r2.Id], "Quantum things", [], [(a, 3), (b, 4)], []),
            ("Ivy He", null, "Wuhan University", "Mathematics", open, StudyPrograms.PhD, ApplicationStatus.Submitted, 21, [r1.Id], "Invariant representations", [], [], [a]),
            ("Jack Ma", null, "Harbin Institute of Technology", "Automation", closed, StudyPrograms.PhD, ApplicationStatus.UnderReview, 25, [], "Robotics", ["follow up"], [(p, 4)], []),
            ("Kate Lin", null, "Sun Yat-sen University", "Computer Science", open, StudyPrograms.Master, ApplicationStatus.Submitted, 28, [r1.Id, r2.Id], "Graph theory", [], [], []),
            ("Draft Person", null, "Tsinghua University", "Computer Science", open, StudyPrograms.PhD, ApplicationStatus.Draft, null, [r1.Id], "Graph drafts", ["strong"], [], [a]),
        };

        var seeded = new List<SeededApplication>();
        var number = 0;
        foreach (var spec in specs)
        {
            number++;
            var applicant = new RecruitUser
            {
                UserName = $"dash-{number}-{Guid.NewGuid():N}@example.com",
                Email = $"dash-{number}@example.com",
                CreatedAtUtc = now,
            };
            db.Users.Add(applicant);
            DateTime? submitted = spec.Day is { } day ? new DateTime(2031, 1, day, 9, 30, 0, DateTimeKind.Utc) : null;
            var reference = submitted is null ? null : $"HZ-2031-{number:00000}";
            var application = new Application
            {
                ApplicantId = applicant.Id,
                IntakeId = spec.Intake.Id,
                Program = spec.Program,
                Status = spec.Status,
                ReferenceNumber = reference,
                FullName = spec.Name,
                ChineseName = spec.Chinese,
                Institution = spec.Institution,
                Major = spec.Major,
                Interests = [.. spec.Interests.Select(id => new ApplicationInterest { ResearchInterestId = id })],
                Statement = spec.Statement,
                CreatedAtUtc = new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                UpdatedAtUtc = new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                SubmittedAtUtc = submitted,
                // Figures that differ from row to row (and are missing on some), for the triage columns and their sorting.
                GpaPercent = number % 4 == 0 ? null : 60 + (number * 7 % 40),
                RankPosition = number % 5 == 0 ? null : (number * 3 % 17) + 1,
                CohortSize = number % 5 == 0 ? null : 20 + (number * 5),
                EnglishTest = number % 3 == 0 ? null : number % 2 == 0 ? EnglishTest.Ielts : EnglishTest.Cet6,
                EnglishScore = number % 3 == 0 ? null : number % 2 == 0 ? 6 + (number % 4 * 0.5) : 450 + (number * 13 % 200),
                Documents = [new ApplicationDocument { Kind = DocumentKind.Cv, FileName = "cv.pdf", SizeBytes = 3, Sha256 = new string('a', 64), UploadedAtUtc = now, Content = new DocumentContent { Bytes = [1, 2, 3] } }],
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            db.ApplicationTags.AddRange(spec.Tags.Select(t => new ApplicationTag { ApplicationId = application.Id, Name = t }));
            db.ApplicationScores.AddRange(spec.Scores.Select(s => new ApplicationScore
            {
                ApplicationId = application.Id,
                ReviewerId = s.By,
                ResearchFit = s.Value,
                AcademicRecord = s.Value,
                Skills = s.Value,
                Communication = s.Value,
                UpdatedAtUtc = now,
            }));
            db.ReviewerAssignments.AddRange(spec.Assigned.Select(r => new ReviewerAssignment { ApplicationId = application.Id, ReviewerId = r, AssignedAtUtc = now }));
            await db.SaveChangesAsync();
            seeded.Add(new SeededApplication(
                application.Id, reference ?? string.Empty, spec.Name, spec.Chinese, spec.Institution, spec.Major, spec.Intake.Code, spec.Intake.Id,
                spec.Program, spec.Status, submitted, spec.Interests, spec.Statement, spec.Tags,
                spec.Scores.Length == 0 ? null : spec.Scores.Average(s => (double)s.Value), spec.Assigned)
            {
                ProfessorScore = spec.Scores.Where(s => s.By == p).Select(s => (double?)s.Value).FirstOrDefault(),
                GpaPercent = application.GpaPercent,
                RankPosition = application.RankPosition,
                CohortSize = application.CohortSize,
                EnglishTest = application.EnglishTest,
                EnglishScore = application.EnglishScore,
            });
        }

        Applications = seeded;
        // The list reads each application's stored score figures, kept by the service every score writer calls.
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScoreFigures>().RecomputeAsync(CancellationToken.None);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>Reading the dashboard: counts, filters, search, sort, paging, roles, CSV. Nothing here changes data.</summary>
public partial class DashboardTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Counts_per_intake_program_and_status_match_the_seeded_data()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var html = await GetOkAsync(client, "/review");

        var shown = CountCell().Matches(html).ToDictionary(m => m.Groups["key"].Value, m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        foreach (var group in app.Visible.GroupBy(a => $"{a.IntakeCode}|{a.Program}|{a.Status}"))
        {
            Assert.Equal(group.Count(), shown[group.Key]);
        }

        Assert.Equal(app.Visible.Count(), shown.Where(s => s.Key.StartsWith("2031.", StringComparison.Ordinal)).Sum(s => s.Value));
        Assert.DoesNotContain("Draft Person", html, StringComparison.Ordinal);
        // The open intake's deadline is ahead; the closed one's is not listed.
        Assert.Matches(@"<strong>2031\.03</strong> · <time", html);
        Assert.DoesNotMatch(@"<strong>2031\.09</strong>", html);
    }

    [Fact]
    public async Task The_default_list_shows_every_submitted_application_newest_first()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var html = await GetOkAsync(client, "/review");

        Assert.Equal(Ids(app.Visible.OrderByDescending(a => a.SubmittedAtUtc)), RowIds(html));
        Assert.Contains($"data-total=\"{app.Visible.Count()}\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "intake", "intake={I}" },
        { "program", "program=Master" },
        { "status", "status=UnderReview" },
        { "status-lowercase", "status=underreview" },
        { "interest1", "interest={R1}" },
        { "interest2", "interest={R2}" },
        { "tag", "tag=follow+up" },
        { "reviewerA", "reviewer={A}" },
        { "unassigned", "reviewer=none" },
        { "minScore", "minScore=4" },
        { "maxScore", "maxScore=2" },
        { "scoreRange", "minScore=2&maxScore=4" },
        { "from", "from=2031-01-12" },
        { "to", "to=2031-01-12" },
        { "range", "from=2031-01-07&to=2031-01-15" },
        { "search-institution", "q=tsinghua" },
        { "search-name", "q=Li" },
        { "search-major", "q=computer+science" },
        { "search-statement", "q=graph" },
        { "search-chinese", "q=%E7%88%B1" },
        { "search-wildcards-are-literal", "q=100%25+focus_" },
        { "search-underscore-alone", "q=_" },
        { "combined", "program=PhD&interest={R1}&minScore=4" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_and_the_search_return_exactly_the_matching_rows(string name, string filter)
    {
        var query = filter
            .Replace("{I}", app.OpenIntakeId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{R1}", app.Interest1.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{R2}", app.Interest2.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{A}", app.ReviewerA.Id, StringComparison.Ordinal);

        bool Like(string? text, string needle) => text is not null && text.Contains(needle, StringComparison.OrdinalIgnoreCase);
        // One or two characters look in the short fields only (ApplicationTextSearch), not the statement.
        bool Search(SeededApplication a, string q) =>
            Like(a.FullName, q) || Like(a.ChineseName, q) || Like(a.Institution, q) || Like(a.Major, q) || Like(a.Reference, q)
            || (!ApplicationTextSearch.IsShort(q) && Like(a.Statement, q));
        var day = (int d) => new DateTime(2031, 1, d, 0, 0, 0, DateTimeKind.Utc);
        Func<SeededApplication, bool> expected = name switch
        {
            "intake" => a => a.IntakeId == app.OpenIntakeId,
            "program" => a => a.Program == StudyPrograms.Master,
            "status" or "status-lowercase" => a => a.Status == ApplicationStatus.UnderReview,
            "interest1" => a => a.Interests.Contains(app.Interest1),
            "interest2" => a => a.Interests.Contains(app.Interest2),
            "tag" => a => a.Tags.Contains("follow up"),
            "reviewerA" => a => a.ReviewerIds.Contains(app.ReviewerA.Id),
            "unassigned" => a => a.ReviewerIds.Count == 0,
            "minScore" => a => a.Average >= 4,
            "maxScore" => a => a.Average <= 2,
            "scoreRange" => a => a.Average is >= 2 and <= 4,
            "from" => a => a.SubmittedAtUtc >= day(12),
            "to" => a => a.SubmittedAtUtc < day(13),
            "range" => a => a.SubmittedAtUtc >= day(7) && a.SubmittedAtUtc < day(16),
            "search-institution" => a => Search(a, "tsinghua"),
            "search-name" => a => Search(a, "Li"),
            "search-major" => a => Search(a, "computer science"),
            "search-statement" => a => Search(a, "graph"),
            "search-chinese" => a => Search(a, "爱"),
            "search-wildcards-are-literal" => a => Search(a, "100% focus_"),
            "search-underscore-alone" => a => Search(a, "_"),
            "combined" => a => a.Program == StudyPrograms.PhD && a.Interests.Contains(app.Interest1) && a.Average >= 4,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var html = await GetOkAsync(client, "/review?" + query);

        var want = Ids(app.Visible.Where(expected).OrderByDescending(a => a.SubmittedAtUtc));
        // "_" alone is in a statement only, which a one-character search does not read: it must find nothing
        // (as a LIKE wildcard it would find every row).
        Assert.True(name == "search-underscore-alone" ? want.Count == 0 : want.Count > 0);
        Assert.Equal(want, RowIds(html));
        Assert.DoesNotContain("data-query-messages", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The views whose total the list takes from the stored counts (intake, program, status, route alone) or, for the
    /// professor, from the interest's index (ReviewDashboard): the total shown is the number of rows the list holds.
    /// </summary>
    [Theory]
    [InlineData("professor", "intake={I}")]
    [InlineData("professor", "program=Master&sort=score")]
    [InlineData("professor", "intake={I}&program=PhD&status=Submitted")]
    [InlineData("professor", "route=None")]
    [InlineData("professor", "status=Offer&sort=name")]
    [InlineData("professor", "interest={R1}")]
    [InlineData("professor", "interest={R2}")]
    [InlineData("reviewer", "program=PhD")]
    [InlineData("reviewer", "interest={R1}")]
    public async Task A_total_taken_from_the_stored_counts_is_the_number_of_rows_listed(string who, string filter)
    {
        var query = filter
            .Replace("{I}", app.OpenIntakeId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{R1}", app.Interest1.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{R2}", app.Interest2.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var client = await app.CreateClientSignedInAsAsync(who == "professor" ? app.Professor : app.ReviewerA);

        var html = await GetOkAsync(client, $"/review?{query}&size=200");

        var rows = RowIds(html);
        Assert.NotEmpty(rows);
        Assert.Contains($"data-total=\"{rows.Count}\"", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> SortColumns => new()
    {
        "reference", "name", "institution", "major", "intake", "program", "status", "submitted", "score", "route", "gpa", "rank", "english", "myscore",
    };

    [Theory]
    [MemberData(nameof(SortColumns))]
    public async Task Sorting_by_each_column_works_both_ways(string column)
    {
        Func<SeededApplication, object?> key = column switch
        {
            "reference" => a => a.Reference,
            "name" => a => a.FullName,
            "institution" => a => a.Institution,
            "major" => a => a.Major,
            "intake" => a => a.IntakeCode,
            "program" => a => a.Program == StudyPrograms.PhD ? 1 : 2,
            "status" => a => (int)a.Status,
            "submitted" => a => a.SubmittedAtUtc,
            "route" => a => (int)AdmissionRoute.None,
            "gpa" => a => a.GpaPercent,
            "rank" => a => a.RankPosition is { } position && a.CohortSize is { } size ? (double)position / size : null,
            "english" => a => a.EnglishTest is { } test ? (int)test * 10_000 + a.EnglishScore : null,
            "myscore" => a => a.ProfessorScore,
            _ => a => a.Average,
        };
        var comparer = Comparer<object?>.Create((x, y) => x is string sx && y is string sy
            ? string.CompareOrdinal(sx, sy)
            : Comparer<object?>.Default.Compare(x, y));
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var ascending = await GetOkAsync(client, $"/review?sort={column}&dir=asc");
        var descending = await GetOkAsync(client, $"/review?sort={column}&dir=desc");

        Assert.Equal(Ids(app.Visible.OrderBy(key, comparer).ThenBy(a => a.Id)), RowIds(ascending));
        Assert.Equal(Ids(app.Visible.OrderByDescending(key, comparer).ThenByDescending(a => a.Id)), RowIds(descending));
        // Major and program are still sorts (old links keep working) but no longer columns of their own
        // in the triage table: "Program · intake" sorts by intake.
        if (column is "major" or "program")
        {
            return;
        }

        // The default order (submitted, newest first) is left out of links.
        var link = column == "submitted" ? "[^\"]*\">Submitted" : $"[^\"]*sort={column}";
        Assert.Matches($"<th scope=\"col\" aria-sort=\"ascending\">\\s*<a href=\"/review\\?{link}", ascending);
        Assert.Matches($"<th scope=\"col\" aria-sort=\"descending\">\\s*<a href=\"/review\\?{link}", descending);
    }

    [Fact]
    public async Task Pages_of_the_list_follow_each_other_and_keep_the_query()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        var all = Ids(app.Visible.OrderBy(a => a.FullName, StringComparer.Ordinal).ThenBy(a => a.Id));

        var first = await GetOkAsync(client, "/review?sort=name&size=5");
        var second = await GetOkAsync(client, "/review?sort=name&size=5&page=2");
        var third = await GetOkAsync(client, "/review?sort=name&size=5&page=3");
        var beyond = await GetOkAsync(client, "/review?sort=name&size=5&page=99");

        Assert.Equal(all, RowIds(first).Concat(RowIds(second)).Concat(RowIds(third)).ToList());
        Assert.Equal(5, RowIds(first).Count);
        Assert.Equal(RowIds(third), RowIds(beyond));
        Assert.Contains("href=\"/review?sort=name&amp;size=5&amp;page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 3", second, StringComparison.Ordinal);
        // Rows link to the application page carrying the list's state, to come back to it.
        Assert.Contains($"href=\"/review/applications/{RowIds(second)[0]}?sort=name&amp;size=5&amp;page=2\"", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("sort=DROP%20TABLE")]
    [InlineData("sort=1")]
    [InlineData("dir=sideways")]
    [InlineData("status=xyz")]
    [InlineData("status=Draft")]
    [InlineData("status=3")]
    [InlineData("program=Bachelor")]
    [InlineData("intake=999999")]
    [InlineData("intake=%27%20OR%201%3D1")]
    [InlineData("interest=-5")]
    [InlineData("reviewer=nobody")]
    [InlineData("minScore=9")]
    [InlineData("maxScore=NaN")]
    [InlineData("from=31/12/2030")]
    [InlineData("to=2031-02-30")]
    [InlineData("size=100000")]
    [InlineData("size=0")]
    public async Task Invalid_query_values_are_ignored_with_a_message(string query)
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var html = await GetOkAsync(client, "/review?" + query);

        Assert.Contains("data-query-messages", html, StringComparison.Ordinal);
        Assert.NotEmpty(RowIds(html));
    }

    [Fact]
    public async Task A_very_long_search_is_shortened_not_refused()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var html = await GetOkAsync(client, "/review?q=" + new string('x', 5000));

        Assert.Contains("The search was shortened to its first 200 characters.", html, StringComparison.Ordinal);
        Assert.Empty(RowIds(html));
    }

    [Fact]
    public async Task The_page_speaks_chinese_when_asked()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var html = await GetOkAsync(client, "/review?status=xyz&culture=zh-CN");

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("申请", html, StringComparison.Ordinal);
        Assert.Contains("xyz", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_and_applicants_are_refused()
    {
        using var anonymous = app.CreateHttpsClient();
        using var applicant = await app.CreateClientSignedInAsync(Roles.Applicant);

        foreach (var path in new[] { "/review", "/review/export.csv" })
        {
            using var signIn = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.StartsWith("/account/signin", signIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

            using var denied = await applicant.GetAsync(path);
            AssertDenied(denied);
        }

        using var post = await anonymous.PostAsync("/review/assign", new FormUrlEncodedContent([new("ids", "1")]));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_reviewer_sees_only_the_applications_assigned_to_them_and_cannot_export()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.ReviewerA);

        var html = await GetOkAsync(client, "/review");
        // Even asking for someone else's assignments or the unassigned ones shows only their own.
        var other = await GetOkAsync(client, $"/review?reviewer={app.ReviewerB.Id}");
        var unassigned = await GetOkAsync(client, "/review?reviewer=none");
        using var export = await client.GetAsync("/review/export.csv");

        var mine = Ids(app.Visible.Where(a => a.ReviewerIds.Contains(app.ReviewerA.Id)).OrderByDescending(a => a.SubmittedAtUtc));
        Assert.Equal(mine, RowIds(html));
        Assert.Equal(mine, RowIds(unassigned));
        Assert.Empty(RowIds(other).Except(mine));
        AssertDenied(export);
        Assert.DoesNotContain("/review/export.csv", html, StringComparison.Ordinal);
        Assert.DoesNotContain("assign-form", html, StringComparison.Ordinal);
        // Counts are of their own applications too.
        var shown = CountCell().Matches(html).Sum(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(mine.Count, shown);
    }

    [Fact]
    public async Task The_csv_export_is_the_filtered_list_with_formulas_neutralised()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        const string query = "intake=INTAKE&sort=name&dir=asc";
        var filter = query.Replace("INTAKE", app.OpenIntakeId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var list = await GetOkAsync(client, "/review?" + filter);
        using var response = await client.GetAsync("/review/export.csv?" + filter);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal("Reference", rows[0][0]);
        var records = rows.Skip(1).ToList();
        Assert.All(records, r => Assert.Equal(rows[0].Count, r.Count));

        var expected = app.Visible.Where(a => a.IntakeId == app.OpenIntakeId).OrderBy(a => a.FullName, StringComparer.Ordinal).ThenBy(a => a.Id).ToList();
        Assert.Equal(expected.Select(a => a.Reference), records.Select(r => r[0]));
        Assert.Equal(Ids(expected), RowIds(list));
        Assert.Equal(expected.Select(a => a.Institution.StartsWith('+') ? "'" + a.Institution : a.Institution), records.Select(r => r[3]));

        var evil = records.Single(r => r[0] == app.Applications.Single(a => a.FullName.StartsWith("=HYPERLINK", StringComparison.Ordinal)).Reference);
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\")", evil[1]);
        Assert.Equal("'@at", evil[2]);
        Assert.Equal("'+Plus Institute", evil[3]);
        Assert.Equal("'-Minus Studies", evil[4]);
        Assert.All(records.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', cell));

        // Cells by their column's name: the CSV grows columns (the route, the figures) without moving what a test reads.
        var alice = records.Single(r => r[1] == "Alice Wang");
        string[] columns = ["Chinese name", "Institution", "Major", "Intake", "Program", "Route", "Status", "Submitted (UTC)", "Average score", "Tags", "Reviewers"];
        Assert.Equal(["王爱丽", "Tsinghua University", "Computer Science", "2031.03", "PhD", "", "Submitted", "2031-01-02 09:30", "4.50", "strong", app.ReviewerA.Email],
            columns.Select(c => alice[rows[0].IndexOf(c)]));

        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Export" && e.UserId == app.Professor.Id));
    }

    [Fact]
    public async Task The_export_without_filters_has_every_visible_application()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var csv = await client.GetStringAsync("/review/export.csv");

        var rows = ParseCsv(csv.TrimStart('\uFEFF'));
        Assert.Equal(Ids(app.Visible.OrderByDescending(a => a.SubmittedAtUtc)).Select(id => app.Applications.Single(a => a.Id == id).Reference), rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public void The_csv_writer_quotes_and_neutralises_cells()
    {
        Assert.Equal("plain", HanZhao.Recruit.Web.Review.Dashboard.CsvWriter.Escape("plain"));
        Assert.Equal("\"a,b\"", HanZhao.Recruit.Web.Review.Dashboard.CsvWriter.Escape("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", HanZhao.Recruit.Web.Review.Dashboard.CsvWriter.Escape("say \"hi\""));
        Assert.Equal("\"line\r\nbreak\"", HanZhao.Recruit.Web.Review.Dashboard.CsvWriter.Escape("line\r\nbreak"));
        Assert.Equal("'=1+2", HanZhao.Recruit.Web.Review.Dashboard.CsvWriter.Escape("=1+2"));
        Assert.Equal("'-3", HanZhao.Recruit.Web.Review.Dashboard.CsvWriter.Escape("-3"));
        Assert.Equal("'\tx", HanZhao.Recruit.Web.Review.Dashboard.CsvWriter.Escape("\tx"));
        Assert.Equal(string.Empty, HanZhao.Recruit.Web.Review.Dashboard.CsvWriter.Escape(null));
    }

    internal static void AssertDenied(HttpResponseMessage response)
    {
        // The cookie handler sends refused users to the access-denied page; an API-style 403 is fine too.
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    internal static async Task<string> GetOkAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    internal static List<int> RowIds(string html) =>
        [.. RowId().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static List<int> Ids(IEnumerable<SeededApplication> applications) => [.. applications.Select(a => a.Id)];

    /// <summary>A small RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside, CRLF records.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.False(c is '"' or '\r' or '\n', $"unquoted special character at {i}");
                field.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    [GeneratedRegex("""<tr data-application="(\d+)">""")]
    private static partial Regex RowId();

    [GeneratedRegex("""data-count="(?<key>[^"]+)">\s*(?:<a [^>]*>(?<n>\d+)</a>|<span class="muted">(?<n>0)</span>)""")]
    private static partial Regex CountCell();
}

/// <summary>Assignment and "new since your last visit": these change data, so they have their own database.</summary>
public class DashboardAssignmentTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task The_professor_assigns_and_unassigns_checked_applications_and_it_is_audited()
    {
        using var professor = await app.CreateClientSignedInAsAsync(app.Professor);
        var unassigned = app.Visible.Where(a => a.ReviewerIds.Count == 0).Select(a => a.Id).Take(2).ToList();
        var page = await DashboardTests.GetOkAsync(professor, "/review?reviewer=none");
        Assert.Contains("id=\"bulk-form\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"ids\" value=\"{unassigned[0]}\" form=\"bulk-form\"", page, StringComparison.Ordinal);

        using var assigned = await professor.PostFormAsync("/review?reviewer=none", "/review/assign",
        [
            new("ids", unassigned[0].ToString(CultureInfo.InvariantCulture)),
            new("ids", unassigned[1].ToString(CultureInfo.InvariantCulture)),
            new("reviewer", app.ReviewerB.Id),
            new("operation", "assign"),
            new("back", "reviewer=none&sort=name"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal("/review?reviewer=none&sort=name", assigned.Headers.Location!.OriginalString);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(2, await db.ReviewerAssignments.CountAsync(r => r.ReviewerId == app.ReviewerB.Id && unassigned.Contains(r.ApplicationId)));
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "Assign" && e.UserId == app.Professor.Id));
        }

        using var reviewer = await app.CreateClientSignedInAsAsync(app.ReviewerB);
        var theirs = DashboardTests.RowIds(await DashboardTests.GetOkAsync(reviewer, "/review"));
        Assert.Contains(unassigned[0], theirs);
        Assert.Contains(unassigned[1], theirs);

        using var removed = await professor.PostFormAsync("/review", "/review/assign",
        [
            new("ids", unassigned[0].ToString(CultureInfo.InvariantCulture)),
            new("reviewer", app.ReviewerB.Id),
            new("operation", "unassign"),
            new("back", "https://evil.example/?x=1"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("/review", removed.Headers.Location!.OriginalString);
        var after = DashboardTests.RowIds(await DashboardTests.GetOkAsync(reviewer, "/review"));
        Assert.DoesNotContain(unassigned[0], after);
        Assert.Contains(unassigned[1], after);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "Unassign" && e.Target == $"Application {unassigned[0]}"));
        }
    }

    [Fact]
    public async Task Assigning_to_someone_who_is_not_a_co_reviewer_changes_nothing()
    {
        using var professor = await app.CreateClientSignedInAsAsync(app.Professor);
        var target = app.Visible.First(a => a.ReviewerIds.Count == 0).Id;
        var applicant = await app.CreateUserAsync(Roles.Applicant);

        using var response = await professor.PostFormAsync("/review", "/review/assign",
        [
            new("ids", target.ToString(CultureInfo.InvariantCulture)),
            new("reviewer", applicant.Id),
            new("operation", "assign"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ReviewerAssignments.AnyAsync(r => r.ReviewerId == applicant.Id));
        Assert.Contains("Choose a co-reviewer.", await DashboardTests.GetOkAsync(professor, "/review"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assignment_without_the_antiforgery_token_is_refused()
    {
        using var professor = await app.CreateClientSignedInAsAsync(app.Professor);
        var target = app.Visible.Last(a => a.ReviewerIds.Count == 0).Id;
        await DashboardTests.GetOkAsync(professor, "/review");

        using var response = await professor.PostAsync("/review/assign", new FormUrlEncodedContent(
        [
            new("ids", target.ToString(CultureInfo.InvariantCulture)),
            new("reviewer", app.ReviewerA.Id),
            new("operation", "assign"),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ReviewerAssignments.AnyAsync(r => r.ApplicationId == target && r.ReviewerId == app.ReviewerA.Id));
    }

    [Fact]
    public async Task A_reviewer_cannot_assign()
    {
        using var reviewer = await app.CreateClientSignedInAsAsync(app.ReviewerA);
        var target = app.Visible.First(a => a.ReviewerIds.Count == 0 && a.Status == ApplicationStatus.Withdrawn).Id;

        using var response = await reviewer.PostAsync("/review/assign", new FormUrlEncodedContent(
        [
            new("ids", target.ToString(CultureInfo.InvariantCulture)),
            new("reviewer", app.ReviewerA.Id),
            new("operation", "assign"),
        ]));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            DashboardTests.AssertDenied(response);
        }

        await using var db = app.CreateDbContext();
        Assert.False(await db.ReviewerAssignments.AnyAsync(r => r.ApplicationId == target));
    }

    [Fact]
    public async Task New_since_the_last_visit_counts_submissions_after_it_and_the_visit_is_recorded()
    {
        var reviewer = await app.CreateUserAsync(Roles.Professor);
        var lastVisit = new DateTime(2031, 1, 14, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == reviewer.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastDashboardVisitUtc, lastVisit));
        }

        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        var started = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);

        var first = await DashboardTests.GetOkAsync(client, "/review");
        var second = await DashboardTests.GetOkAsync(client, "/review?page=1&sort=name");

        var expected = app.Visible.Count(a => a.SubmittedAtUtc > lastVisit);
        Assert.Contains($"data-new-since=\"{expected}\"", first, StringComparison.Ordinal);
        Assert.Contains($"{expected} new since your last visit (2031-01-14)", first, StringComparison.Ordinal);
        // Moving around the list in the same session keeps the same baseline.
        Assert.Contains($"data-new-since=\"{expected}\"", second, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var stamped = await db.Users.Where(u => u.Id == reviewer.Id).Select(u => u.LastDashboardVisitUtc).SingleAsync();
            Assert.True(stamped >= started, $"visit not recorded: {stamped:o}");
        }
    }
}
