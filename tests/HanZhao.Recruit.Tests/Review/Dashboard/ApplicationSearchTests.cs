using System.Net;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Migrations;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Privacy;
using HanZhao.Recruit.Web.Review.Dashboard;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HanZhao.Recruit.Tests.Review.Dashboard;

/// <summary>One seeded application's searchable text, to compute what a search should find.</summary>
public sealed record SearchableApplication(int Id, string Email, DateTime SubmittedAtUtc, StudyPrograms Program, IReadOnlyList<string?> Texts)
{
    /// <summary>The short fields (names, reference, institution, major), which one or two characters search with the email.</summary>
    public const int ShortFields = 5;

    public bool Contains(string search) =>
        (ApplicationTextSearch.IsShort(search) ? Texts.Take(ShortFields) : Texts).Append(Email)
            .Any(t => t is not null && t.Contains(search, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Applications with Latin and Chinese names and institutions, text full of FTS5 syntax, a draft, and a
/// co-reviewer assigned to two of them. Tests that change a row change only their own.
/// </summary>
public class ApplicationSearchAppFactory : RecruitAppFactory, IAsyncLifetime
{
    public RecruitUser Professor { get; private set; } = null!;

    public RecruitUser Reviewer { get; private set; } = null!;

    /// <summary>The submitted ones, newest first (the list's default order).</summary>
    public List<SearchableApplication> Visible { get; } = [];

    public int DraftId { get; private set; }

    public async Task InitializeAsync()
    {
        Professor = await this.CreateUserAsync(Roles.Professor);
        Reviewer = await this.CreateUserAsync(Roles.Reviewer);
        await using var db = CreateDbContext();
        var intake = new Intake { Code = "2032.09", EnrollmentDate = new DateOnly(2032, 9, 1), Programs = StudyPrograms.PhD | StudyPrograms.Master, IsOpen = true };
        db.Intakes.Add(intake);
        await db.SaveChangesAsync();
        var specs = new (string Name, string? Chinese, string Institution, string Major, StudyPrograms Program, string? Statement, string? Research, string? Other, bool Assigned)[]
        {
            ("Wang Wei", "王伟", "Tsinghua University", "Computer Science", StudyPrograms.PhD, "I study distributed systems.", null, null, true),
            ("Alice Wong", "王丽华", "清华大学", "Mathematics", StudyPrograms.Master, "图神经网络", null, null, false),
            ("Bob Li", null, "Peking University", "Physics", StudyPrograms.PhD, "Tools: C++ \"quoted\" NEAR(x) AND OR NOT -minus * star col:on ^caret", null, null, true),
            ("Chen Ming", "陈明", "Fudan University", "Statistics", StudyPrograms.PhD, null, "Robotics laboratory", "reinforcement learning", false),
            ("Zhang San", "张三", "Zhejiang University", "Automation", StudyPrograms.PhD, null, null, null, false),
            ("Zhang Si", "张四", "Zhejiang University", "Automation", StudyPrograms.PhD, null, null, null, false),
            ("Zhao Liu", null, "Zhejiang University", "Automation", StudyPrograms.Master, null, null, null, false),
            ("Qian Qi", null, "Zhejiang University", "Automation", StudyPrograms.PhD, null, null, null, false),
            ("Sun Ba", null, "Zhejiang University", "Automation", StudyPrograms.PhD, null, null, null, false),
        };
        var day = 1;
        foreach (var spec in specs)
        {
            var email = $"search-{day}-{Guid.NewGuid():N}@example.com";
            var applicant = new RecruitUser { UserName = email, Email = email, CreatedAtUtc = DateTime.UnixEpoch };
            var submitted = new DateTime(2032, 1, day, 9, 0, 0, DateTimeKind.Utc);
            var application = NewApplication(applicant, intake.Id, spec.Program, ApplicationStatus.Submitted, $"HZ-2032-{day:00000}", spec.Name, spec.Chinese, spec.Institution, spec.Major, submitted);
            application.Statement = spec.Statement;
            application.ResearchExperience = spec.Research;
            application.OtherInterests = spec.Other;
            db.Users.Add(applicant);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            if (spec.Assigned)
            {
                db.ReviewerAssignments.Add(new ReviewerAssignment { ApplicationId = application.Id, ReviewerId = Reviewer.Id, AssignedAtUtc = submitted });
                await db.SaveChangesAsync();
            }

            Visible.Insert(0, new SearchableApplication(application.Id, email, submitted, spec.Program,
                [spec.Name, spec.Chinese, application.ReferenceNumber, spec.Institution, spec.Major, spec.Statement, spec.Research, spec.Other]));
            day++;
        }

        var draftApplicant = new RecruitUser { UserName = "draft-search@example.com", Email = "draft-search@example.com", CreatedAtUtc = DateTime.UnixEpoch };
        var draft = NewApplication(draftApplicant, intake.Id, StudyPrograms.PhD, ApplicationStatus.Draft, null, "Wang Weiming", "王伟明", "Tsinghua University", "Computer Science", null);
        db.Users.Add(draftApplicant);
        db.Applications.Add(draft);
        await db.SaveChangesAsync();
        DraftId = draft.Id;
    }

    private static Application NewApplication(
        RecruitUser applicant, int intakeId, StudyPrograms program, ApplicationStatus status, string? reference, string name, string? chinese,
        string institution, string major, DateTime? submitted) => new()
        {
            ApplicantId = applicant.Id,
            IntakeId = intakeId,
            Program = program,
            Status = status,
            ReferenceNumber = reference,
            FullName = name,
            ChineseName = chinese,
            Institution = institution,
            Major = major,
            CreatedAtUtc = new DateTime(2032, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            UpdatedAtUtc = new DateTime(2032, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            SubmittedAtUtc = submitted,
        };

    /// <summary>
    /// A submitted application of the seeded intake with no reference number, so the rows the tests expect
    /// stay the seeded ones; the email, when not given, is of letters and a random part.
    /// </summary>
    public async Task<int> AddApplicationAsync(string name, string? chinese, string? email = null)
    {
        await using var db = CreateDbContext();
        email ??= $"added{Guid.NewGuid():N}@elsewhere.test";
        var applicant = new RecruitUser { UserName = email, Email = email, CreatedAtUtc = DateTime.UnixEpoch };
        var intake = await db.Intakes.Where(i => i.Code == "2032.09").Select(i => i.Id).SingleAsync();
        var application = NewApplication(applicant, intake, StudyPrograms.PhD, ApplicationStatus.Submitted, null, name, chinese,
            "Nowhere Institute", "Nothing", new DateTime(2032, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        db.Users.Add(applicant);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>The review list's search (<c>q</c>) through the FTS5 trigram index: what it finds, how it stays in step, its plan.</summary>
public class ApplicationSearchTests(ApplicationSearchAppFactory app, ITestOutputHelper output) : IClassFixture<ApplicationSearchAppFactory>
{
    private async Task<List<int>> SearchAsync(RecruitUser user, string query)
    {
        using var client = await app.CreateClientSignedInAsAsync(user);
        return DashboardTests.RowIds(await DashboardTests.GetOkAsync(client, "/review?" + query));
    }

    private List<int> Expected(string search) => [.. app.Visible.Where(a => a.Contains(search)).Select(a => a.Id)];

    public static TheoryData<string> Texts => new()
    {
        "Wang Wei", "wang wei", "WANG", "王伟", "王", "清华", "清华大学", "sing", "TSING", "zhejiang", "ZJ", "Zh", "伟", "神经网络",
        "HZ-2032-00003", "2032-0000", "robotics lab", "reinforcement", "example.com", "nobody at all", "学",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task A_search_finds_exactly_the_applications_containing_the_text_in_any_case(string search)
    {
        var found = await SearchAsync(app.Professor, "q=" + Uri.EscapeDataString(search));

        Assert.Equal(Expected(search), found);
        Assert.DoesNotContain(app.DraftId, found);
    }

    [Fact]
    public async Task Latin_and_chinese_names_and_institution_substrings_find_the_right_rows()
    {
        var wangWei = app.Visible.Single(a => a.Texts[0] == "Wang Wei").Id;
        var alice = app.Visible.Single(a => a.Texts[0] == "Alice Wong").Id;

        Assert.Equal([wangWei], await SearchAsync(app.Professor, "q=Wang%20Wei"));
        Assert.Equal([wangWei], await SearchAsync(app.Professor, "q=" + Uri.EscapeDataString("王伟")));
        Assert.Equal([alice, wangWei], await SearchAsync(app.Professor, "q=" + Uri.EscapeDataString("王")));
        Assert.Equal([alice], await SearchAsync(app.Professor, "q=" + Uri.EscapeDataString("清华")));
        Assert.Equal([wangWei], await SearchAsync(app.Professor, "q=sing"));
    }

    public static TheoryData<string> Syntax => new()
    {
        "\"", "\"\"", "\"quoted\"", "*", "star *", "AND", "OR", "NOT", "NEAR(", "NEAR(x)", "-", "-minus", ":", "col:on", "^", "^caret",
        "C++", "(", ")", "{", "a\"b", "'", "%", "_", "\\", "AND OR NOT", "NEAR(x) AND",
        "\0", "a\0b", "\0\uFFFD", "\uFFFD", "\u202Eevil", "NEAR(x)\0",
    };

    [Theory]
    [MemberData(nameof(Syntax))]
    public async Task Fts_query_syntax_is_searched_for_literally_never_an_error(string search)
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        using var response = await client.GetAsync(new Uri("/review?q=" + Uri.EscapeDataString(search), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Expected(search), DashboardTests.RowIds(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_co_reviewer_finds_only_the_applications_assigned_to_them()
    {
        var bob = app.Visible.Single(a => a.Texts[0] == "Bob Li").Id;
        var wangWei = app.Visible.Single(a => a.Texts[0] == "Wang Wei").Id;

        Assert.Equal([wangWei], await SearchAsync(app.Reviewer, "q=wang"));
        Assert.Empty(await SearchAsync(app.Reviewer, "q=" + Uri.EscapeDataString("清华")));
        Assert.Empty(await SearchAsync(app.Reviewer, "q=zhejiang"));
        Assert.Equal([bob, wangWei], await SearchAsync(app.Reviewer, "q=" + Uri.EscapeDataString("example.com")));
    }

    [Fact]
    public async Task A_search_combines_with_a_filter_a_sort_and_page_two()
    {
        // Zhejiang PhD applicants by name: Qian Qi, Sun Ba, Zhang San, Zhang Si; two a page, page 2 is the last two.
        var byName = app.Visible.Where(a => a.Contains("zhejiang") && a.Program == StudyPrograms.PhD)
            .OrderBy(a => a.Texts[0], StringComparer.Ordinal).Select(a => a.Id).ToList();
        Assert.Equal(4, byName.Count);

        var found = await SearchAsync(app.Professor, "q=zhejiang&program=PhD&sort=name&size=2&page=2");

        Assert.Equal(byName[2..], found);
    }

    [Fact]
    public async Task An_edited_application_is_found_by_its_new_text_not_its_old()
    {
        var edited = await app.AddApplicationAsync("Old Name Quux", "旧名字");
        await using (var db = app.CreateDbContext())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == edited);
            application.FullName = "New Name Zorp";
            application.ChineseName = "新名字";
            await db.SaveChangesAsync();
            var applicant = await db.Users.SingleAsync(u => u.Id == application.ApplicantId);
            applicant.Email = "renamedzorp@elsewhere.test";
            await db.SaveChangesAsync();
        }

        Assert.Equal([edited], await SearchAsync(app.Professor, "q=zorp"));
        Assert.Equal([edited], await SearchAsync(app.Professor, "q=" + Uri.EscapeDataString("新名字")));
        Assert.Equal([edited], await SearchAsync(app.Professor, "q=renamedzorp"));
        Assert.Empty(await SearchAsync(app.Professor, "q=quux"));
        Assert.Empty(await SearchAsync(app.Professor, "q=" + Uri.EscapeDataString("旧名")));
        await using var cleanup = app.CreateDbContext();
        await cleanup.Applications.Where(a => a.Id == edited).ExecuteDeleteAsync();
        Assert.Empty(await SearchAsync(app.Professor, "q=zorp"));
    }

    [Fact]
    public async Task An_erased_application_is_no_longer_found_and_leaves_no_text_in_the_index()
    {
        var erased = await app.AddApplicationAsync("Erased Person Plugh", "抹去者");
        Assert.Equal([erased], await SearchAsync(app.Professor, "q=plugh"));

        using (var scope = app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<PersonalDataErasure>()
                .EraseApplicationAsync(erased, null, ErasureReason.Retention, CancellationToken.None);
            Assert.Equal(1, result.ApplicationsErased);
        }

        Assert.Empty(await SearchAsync(app.Professor, "q=plugh"));
        Assert.Empty(await SearchAsync(app.Professor, "q=" + Uri.EscapeDataString("抹去")));
        await using var db = app.CreateDbContext();
        Assert.Empty(await db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ApplicationSearch WHERE rowid = {erased}").ToListAsync());
    }

    [Theory]
    [InlineData("Wang Wei", ApplicationSearchSql.Table)]
    [InlineData("清华大学", ApplicationSearchSql.Table)]
    [InlineData("王伟", ListSpeedSql.Table)]
    [InlineData("a", ListSpeedSql.Table)]
    public async Task The_search_query_reads_the_fts_index_and_never_scans_the_applications(string search, string index)
    {
        await using var db = app.CreateDbContext();
        // The list's shape: visible rows, the search, newest first, page 2.
        var query = ApplicationTextSearch.Matching(db, db.Applications.Where(a => a.Status != ApplicationStatus.Draft), search)
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id).Skip(50).Take(50).Select(a => a.Id);
        await db.Database.OpenConnectionAsync();
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        var text = string.Join(Environment.NewLine, plan);
        output.WriteLine(command.CommandText);
        output.WriteLine(text);
        Assert.Contains(plan, line => line.Contains($"{index} VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN a", StringComparison.Ordinal) || line.StartsWith("SCAN Applications", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal) || line.Contains("LIST SUBQUERY", StringComparison.Ordinal));
    }

    [Fact]
    public void Sql_server_translates_the_search_to_like_over_the_same_text()
    {
        using var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.SqlServer, "Server=localhost;Database=Unused;Trusted_Connection=True;TrustServerCertificate=True"));

        var sql = ApplicationTextSearch.Matching(db, db.Applications, "王伟 \"AND\" 100%").ToQueryString();

        Assert.DoesNotContain("MATCH", sql, StringComparison.Ordinal);
        Assert.Contains("LIKE", sql, StringComparison.Ordinal);
        Assert.Contains("[Email]", sql, StringComparison.Ordinal);
        Assert.Contains("[ChineseName]", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migration_indexes_the_applications_that_exist_before_it()
    {
        using var folder = new TemporaryDirectory("migrate-search");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.Path, "before.db") }.ToString();
        await using (var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, connectionString)))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await db.Database.OpenConnectionAsync();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_ApplicationSearch", StringComparison.Ordinal)) - 1]);
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO AspNetUsers (Id, Email, PreferredCulture, CreatedAtUtc, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, IsDisabled) "
                + "VALUES ('u1', 'before@example.com', 'en', '2026-01-01 00:00:00', 1, 0, 0, 0, 0, 0)");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Applications (Id, ApplicantId, IntakeId, Program, Status, Culture, FullName, ChineseName, Phone, Institution, Degree, Major, CreatedAtUtc, UpdatedAtUtc, Route, IsDemo, ScoreCount) "
                + "VALUES (7, 'u1', 1, 'PhD', 'Submitted', 'en', 'Early Bird', '早鸟', '1', '清华大学', 'D', 'M', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'None', 0, 0)");

            await migrator.MigrateAsync();

            Assert.Equal([7], await ApplicationTextSearch.MatchingIds(db, "清华大学").ToListAsync());
            Assert.Equal([7], await ApplicationTextSearch.MatchingIds(db, "early bird").ToListAsync());
            Assert.Equal([7], await ApplicationTextSearch.MatchingIds(db, "before@").ToListAsync());
            Assert.Equal(ApplicationSearchSql.Table, (await db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE name = 'ApplicationSearch'").ToListAsync()).Single());
            // The triggers outlive the migration's rebuild of the Applications table: an edit after it is found.
            await db.Database.ExecuteSqlRawAsync("UPDATE Applications SET FullName = 'Late Riser' WHERE Id = 7");
            Assert.Equal([7], await ApplicationTextSearch.MatchingIds(db, "late riser").ToListAsync());
            Assert.Empty(await ApplicationTextSearch.MatchingIds(db, "early bird").ToListAsync());
        }

        SqliteConnection.ClearAllPools();
    }
}
