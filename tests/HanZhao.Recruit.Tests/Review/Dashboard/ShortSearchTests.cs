using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Migrations;
using HanZhao.Recruit.Web.Privacy;
using HanZhao.Recruit.Web.Review.Dashboard;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Review.Dashboard;

/// <summary>
/// Searches of one or two characters (<c>q</c>): a lookup of names, reference numbers, institutions, majors
/// and email addresses through the pair index (<see cref="ListSpeedSql"/>), never the statements.
/// </summary>
public class ShortSearchTests(ApplicationSearchAppFactory app) : IClassFixture<ApplicationSearchAppFactory>
{
    private async Task<List<int>> SearchAsync(string search)
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        return DashboardTests.RowIds(await DashboardTests.GetOkAsync(client, "/review?q=" + Uri.EscapeDataString(search)));
    }

    private int Named(string name) => app.Visible.Single(a => a.Texts[0] == name).Id;

    [Fact]
    public async Task A_two_character_chinese_name_is_found()
    {
        Assert.Equal([Named("Wang Wei")], await SearchAsync("王伟"));
        Assert.Equal([Named("Chen Ming")], await SearchAsync("陈明"));
        // A given name alone, and a surname shared by two (newest first).
        Assert.Equal([Named("Chen Ming")], await SearchAsync("明"));
        Assert.Equal([Named("Zhang Si"), Named("Zhang San")], await SearchAsync("张"));
    }

    [Fact]
    public async Task A_short_text_only_in_a_statement_is_not_found_but_three_characters_of_it_are()
    {
        // Alice Wong's statement is "图神经网络"; no short field of any application holds these.
        var alice = Named("Alice Wong");

        Assert.Empty(await SearchAsync("神经"));
        Assert.Empty(await SearchAsync("网"));
        Assert.Equal([alice], await SearchAsync("神经网"));
    }

    [Fact]
    public async Task A_reference_number_institution_and_major_are_found_by_two_characters()
    {
        Assert.Equal([Named("Alice Wong")], await SearchAsync("清华"));
        Assert.Contains(Named("Bob Li"), await SearchAsync("PH"));
        // Bob Li's reference number is HZ-2032-00003 (an email's random part may hold "03" too).
        var byReference = await SearchAsync("03");
        Assert.Contains(Named("Bob Li"), byReference);
        Assert.Equal(app.Visible.Where(a => a.Contains("03")).Select(a => a.Id), byReference);
        Assert.Equal(app.Visible.Where(a => a.Contains("ZH")).Select(a => a.Id), await SearchAsync("ZH"));
    }

    [Fact]
    public async Task A_short_text_in_the_email_is_found()
    {
        var id = await app.AddApplicationAsync("Email Only", null, "q7x@short.test");

        Assert.Equal([id], await SearchAsync("q7"));
        Assert.Equal([id], await SearchAsync("Q7"));
        Assert.Equal([id], await SearchAsync("7x"));
        await DeleteAsync(id);
    }

    [Fact]
    public async Task A_name_character_outside_the_basic_plane_counts_as_one_character()
    {
        // 𡈼 (U+2123C, a surname character in some names) is two UTF-16 units but one character to the applicant,
        // to the search and to SQLite's substr: one character looks up "𡈼␟␟", two "𡈼明␟".
        var id = await app.AddApplicationAsync("Rare Surname", "𡈼明");

        Assert.Equal([id], await SearchAsync("𡈼"));
        Assert.Equal([id], await SearchAsync("𡈼明"));
        Assert.Contains(id, await SearchAsync("明"));
        // Half of the character (a lone surrogate, which the URL decodes to U+FFFD) finds nothing.
        Assert.Empty(await SearchAsync("\ud844"));
        await DeleteAsync(id);
    }

    [Fact]
    public async Task A_changed_name_institution_or_email_is_found_by_its_new_text_and_not_its_old()
    {
        var id = await app.AddApplicationAsync("Ka Yo", "甲乙", "k8m@short.test");
        Assert.Equal([id], await SearchAsync("甲乙"));

        await using (var db = app.CreateDbContext())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == id);
            application.ChineseName = "丙丁";
            await db.SaveChangesAsync();
            var applicant = await db.Users.SingleAsync(u => u.Id == application.ApplicantId);
            applicant.Email = "v9w@short.test";
            await db.SaveChangesAsync();
            // Raw SQL too: the triggers follow every writer.
            await db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Institution, "戊己学院"));
        }

        Assert.Equal([id], await SearchAsync("丙丁"));
        Assert.Empty(await SearchAsync("甲乙"));
        Assert.Equal([id], await SearchAsync("v9"));
        Assert.Empty(await SearchAsync("k8"));
        Assert.Equal([id], await SearchAsync("戊己"));
        await DeleteAsync(id);
        Assert.Empty(await SearchAsync("丙丁"));
    }

    [Fact]
    public async Task An_erased_application_is_not_found_and_leaves_nothing_in_the_pair_index()
    {
        var id = await app.AddApplicationAsync("Gone Soon", "庚辛", "g5h@short.test");
        Assert.Equal([id], await SearchAsync("庚辛"));

        using (var scope = app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<PersonalDataErasure>()
                .EraseApplicationAsync(id, null, ErasureReason.Retention, CancellationToken.None);
            Assert.Equal(1, result.ApplicationsErased);
        }

        Assert.Empty(await SearchAsync("庚辛"));
        Assert.Empty(await SearchAsync("g5"));
        await using var db = app.CreateDbContext();
        Assert.Empty(await db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ApplicationShortSearch WHERE rowid = {id}").ToListAsync());
    }

    public static TheoryData<string> Wildcards => ["%", "_", "%%", "_%", "%_", "\\", "\\%", "[", "[a", "\0", "a\0", "\0%", "\u001f", "a\u001f", "\u001f\u001f", "\"", "*"];

    [Theory]
    [MemberData(nameof(Wildcards))]
    public async Task Like_wildcards_nul_and_the_pair_marker_match_nothing_they_should_not(string search)
    {
        // No short field or email of the seeded applications holds any of these.
        Assert.DoesNotContain(app.Visible, a => a.Contains(search));

        Assert.Empty(await SearchAsync(search));
    }

    [Fact]
    public async Task The_page_says_what_a_short_search_looks_in_in_both_languages()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        var english = await DashboardTests.GetOkAsync(client, "/review?q=" + Uri.EscapeDataString("王伟"));
        var chinese = await DashboardTests.GetOkAsync(client, "/review?culture=zh-CN&q=" + Uri.EscapeDataString("王伟"));
        var longer = await DashboardTests.GetOkAsync(client, "/review?q=" + Uri.EscapeDataString("王伟明"));
        var none = await DashboardTests.GetOkAsync(client, "/review");

        Assert.Contains("id=\"q-short\"", english, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"q-short\"", english, StringComparison.Ordinal);
        Assert.Contains("look in names, reference numbers, institutions, majors and email addresses", english, StringComparison.Ordinal);
        Assert.Contains("一到两个字符的搜索只查找姓名", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("q-short", longer, StringComparison.Ordinal);
        Assert.DoesNotContain("q-short", none, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pair_index_covers_the_longest_short_text_the_model_allows()
    {
        using var db = app.CreateDbContext();
        var applications = db.Model.FindEntityType(typeof(Application))!;
        var users = db.Model.FindEntityType(typeof(RecruitUser))!;

        var longest = ListSpeedSql.ApplicationColumns.Sum(c => applications.FindProperty(c)!.GetMaxLength()!.Value)
            + users.FindProperty(nameof(RecruitUser.Email))!.GetMaxLength()!.Value + ListSpeedSql.ApplicationColumns.Count;

        Assert.True(longest <= ListSpeedSql.MaxLength, $"{longest} characters, {ListSpeedSql.MaxLength} positions");
    }

    [Fact]
    public void Sql_server_searches_the_short_fields_only_for_one_or_two_characters()
    {
        using var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.SqlServer, "Server=localhost;Database=Unused;Trusted_Connection=True;TrustServerCertificate=True"));

        var sql = ApplicationTextSearch.Matching(db, db.Applications, "王伟").ToQueryString();

        Assert.DoesNotContain("MATCH", sql, StringComparison.Ordinal);
        foreach (var column in ListSpeedSql.ApplicationColumns.Append("Email"))
        {
            Assert.Contains($"[{column}] LIKE", sql, StringComparison.Ordinal);
        }

        foreach (var column in new[] { "Statement", "ResearchExperience", "OtherInterests" })
        {
            Assert.DoesNotContain($"[{column}] LIKE", sql, StringComparison.Ordinal);
            Assert.Contains($"[{column}] LIKE", ApplicationTextSearch.Matching(db, db.Applications, "王伟明").ToQueryString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_migration_indexes_the_applications_that_exist_before_it()
    {
        using var folder = new TemporaryDirectory("migrate-short-search");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.Path, "before.db") }.ToString();
        await using (var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, connectionString)))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await db.Database.OpenConnectionAsync();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_ListSpeed", StringComparison.Ordinal)) - 1]);
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO AspNetUsers (Id, Email, PreferredCulture, CreatedAtUtc, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, IsDisabled) "
                + "VALUES ('u1', 'zq@example.com', 'en', '2026-01-01 00:00:00', 1, 0, 0, 0, 0, 0)");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Applications (Id, ApplicantId, IntakeId, Program, Status, Culture, FullName, ChineseName, Phone, Institution, Degree, Major, Statement, CreatedAtUtc, UpdatedAtUtc, Route, IsDemo, ScoreCount) "
                + "VALUES (7, 'u1', 1, 'PhD', 'Submitted', 'en', 'Early Bird', '早鸟', '1', '清华大学', 'D', 'AI', '神经网络', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'None', 0, 0)");

            await migrator.MigrateAsync();

            async Task<List<int>> Short(string search) =>
                await ApplicationTextSearch.Matching(db, db.Applications, search).Select(a => a.Id).ToListAsync();
            Assert.Equal([7], await Short("早鸟"));
            Assert.Equal([7], await Short("清华"));
            Assert.Equal([7], await Short("ai"));
            Assert.Equal([7], await Short("zq"));
            Assert.Equal([7], await Short("ly"));
            Assert.Empty(await Short("神经"));
            // The triggers work after the migration: an edit is found, its old text is not.
            await db.Database.ExecuteSqlRawAsync("UPDATE Applications SET ChineseName = '晚起' WHERE Id = 7");
            Assert.Equal([7], await Short("晚起"));
            Assert.Empty(await Short("早鸟"));
        }

        SqliteConnection.ClearAllPools();
    }

    private async Task DeleteAsync(int id)
    {
        await using var db = app.CreateDbContext();
        await db.Applications.Where(a => a.Id == id).ExecuteDeleteAsync();
    }
}
