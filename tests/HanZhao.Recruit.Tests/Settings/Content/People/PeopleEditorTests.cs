using System.Net;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Tests.Settings.Content.Photos;
using HanZhao.Recruit.Web.PublicSite.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace HanZhao.Recruit.Tests.Settings.Content.People;

/// <summary>The lab's members: edited by the professor, shown on /people and the homepage at once, in both languages.</summary>
public class PeopleEditorTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private const string List = "/review/settings/content/people";

    private static Dictionary<string, string> Member(string name, string role = "PhdStudent", string start = "2024") => new()
    {
        ["Name"] = name, ["ChineseName"] = "测试" + name[^1..], ["Role"] = role, ["StartYear"] = start,
        ["TopicEn"] = "Topic of " + name, ["TopicZh"] = name + "的方向", ["Url"] = "https://example.org/" + name.Replace(' ', '-'),
    };

    private async Task<LabMember?> FindAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.LabMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Name == name);
    }

    private async Task<List<string>> OrderAsync()
    {
        await using var db = app.CreateDbContext();
        return [.. (await db.LabMembers.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync()).Where(m => !m.IsAlumnus).Select(m => m.Name)];
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Target!.StartsWith("People"));
    }

    private async Task<int> AddAsync(HttpClient client, Dictionary<string, string> member)
    {
        using var response = await client.PostFormAsync(List, List, member);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        return (await FindAsync(member["Name"]))!.Id;
    }

    [Fact]
    public async Task Added_members_show_on_people_grouped_by_role_and_on_the_homepage_in_both_languages_at_once()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        Assert.Contains("No lab members are listed yet.", await visitor.GetTextAsync("/people"), StringComparison.Ordinal); // now cached
        await visitor.GetStringAsync("/");
        var audits = await AuditCountAsync();

        await AddAsync(client, Member("Test Student P"));
        await AddAsync(client, Member("Test Student M", "MasterStudent", "2025"));
        await AddAsync(client, Member("Test Postdoc", "Postdoc", "2023"));

        var page = await visitor.GetTextAsync("/people");
        // Each card: the initial standing in for a photo, the names, the role and year, the topic.
        Assert.Contains("T Test Student P 测试P PhD student · since 2024 Topic of Test Student P", page, StringComparison.Ordinal);
        Assert.Contains("T Test Student M 测试M Master student · since 2025", page, StringComparison.Ordinal);
        Assert.Contains("T Test Postdoc 测试c Postdoc · since 2023", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("PhD students", StringComparison.Ordinal) < page.IndexOf("Master students", StringComparison.Ordinal));
        Assert.True(page.IndexOf("Master students", StringComparison.Ordinal) < page.IndexOf("Postdocs", StringComparison.Ordinal));
        Assert.Contains("href=\"https://example.org/Test-Student-P\"", await visitor.GetStringAsync("/people"), StringComparison.Ordinal);
        var chinese = await visitor.GetTextAsync("/people?culture=zh-CN");
        Assert.Contains("测 测试P Test Student P 博士生 · 2024 年起 Test Student P的方向", chinese, StringComparison.Ordinal);
        Assert.Contains("硕士生", chinese, StringComparison.Ordinal);
        var home = await visitor.GetTextAsync("/?culture=en"); // the visitor's language is remembered: back to English
        Assert.Contains("T Test Student P 测试P PhD student", home, StringComparison.Ordinal);
        Assert.Contains("All members and alumni", home, StringComparison.Ordinal);
        Assert.Equal(audits + 3, await AuditCountAsync());
        Assert.Contains("/people", await visitor.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_move_up_and_down_without_script_and_the_page_follows_the_order()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        var first = await AddAsync(client, Member("Order One"));
        var second = await AddAsync(client, Member("Order Two"));
        var before = await OrderAsync();

        using var moved = await client.PostFormAsync(List, $"{List}/{second}/move", [new("direction", "up")]);

        await moved.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal($"{List}?done=moved#member-{second}", moved.Headers.Location!.OriginalString);
        var after = await OrderAsync();
        Assert.True(after.IndexOf("Order Two") < after.IndexOf("Order One"));
        Assert.Equal(before.Count, after.Count);
        var page = await visitor.GetTextAsync("/people");
        Assert.True(page.IndexOf("Order Two", StringComparison.Ordinal) < page.IndexOf("Order One", StringComparison.Ordinal));
        using var bad = await client.PostFormAsync(List, $"{List}/{first}/move", [new("direction", "sideways")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var forged = await client.PostFormAsync(List, $"{List}/999999/move", [new("direction", "up")]);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task Moving_to_alumni_asks_the_end_year_and_shows_them_by_year_with_where_they_went()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        var id = await AddAsync(client, Member("Leaving Student", "MasterStudent", "2022"));
        await visitor.GetStringAsync("/people");

        using (var missing = await client.PostFormAsync($"{List}/{id}", $"{List}/{id}/alumni", [new("LeftIn", ""), new("WentToEn", "Example Cloud")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("End year must be a year between", PageText.Of(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var early = await client.PostFormAsync($"{List}/{id}", $"{List}/{id}/alumni", [new("LeftIn", "2021")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("The end year cannot be before the start year.", PageText.Of(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Null((await FindAsync("Leaving Student"))!.EndYear);

        using var response = await client.PostFormAsync($"{List}/{id}", $"{List}/{id}/alumni",
            [new("LeftIn", "2025"), new("WentToEn", "Example Cloud"), new("WentToZh", "示例云")]);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var page = await visitor.GetTextAsync("/people");
        Assert.Contains("Alumni 2025 L Leaving Student 测试t Master student · 2022–2025", page, StringComparison.Ordinal);
        Assert.Contains("Now at Example Cloud", page, StringComparison.Ordinal);
        Assert.Contains("去向：示例云", await visitor.GetTextAsync("/people?culture=zh-CN"), StringComparison.Ordinal);
        Assert.DoesNotContain("Leaving Student", await visitor.GetTextAsync("/"), StringComparison.Ordinal); // the homepage shows current members
    }

    [Theory]
    [InlineData("Name", "", "Fill in Name.")]
    [InlineData("Name", "A name far too long for the column, repeated until it passes one hundred characters in all, yes really.", "Name can have at most 100 characters.")]
    [InlineData("Role", "7", "Choose Role from the list.")]
    [InlineData("Role", "Professor", "Choose Role from the list.")]
    [InlineData("StartYear", "abc", "Start year must be a year between")]
    [InlineData("StartYear", "1900", "Start year must be a year between")]
    [InlineData("Url", "javascript:alert(1)", "Personal page must be a web address starting with https://.")]
    [InlineData("Url", "http://example.org/plain", "Personal page must be a web address starting with https://.")]
    [InlineData("EndYear", "2020", "The end year cannot be before the start year.")]
    public async Task A_bad_member_field_is_refused_with_its_message_and_nothing_is_added(string field, string value, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        await using var db = app.CreateDbContext();
        var count = await db.LabMembers.CountAsync();
        var member = Member("Refused Student");
        member[field] = value;

        using var response = await client.PostFormAsync(List, List, member);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(count, await db.LabMembers.CountAsync());
    }

    [Fact]
    public async Task Editing_and_deleting_a_member_show_at_once_and_a_forged_id_is_not_found()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        var id = await AddAsync(client, Member("Edited Student"));
        await visitor.GetStringAsync("/people");
        var edited = Member("Edited Student");
        edited["TopicEn"] = "A new topic after the edit";

        using (var response = await client.PostFormAsync($"{List}/{id}", $"{List}/{id}", edited))
        {
            await response.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        Assert.Contains("A new topic after the edit", await visitor.GetTextAsync("/people"), StringComparison.Ordinal);
        using (var forged = await client.PostFormAsync($"{List}/{id}", $"{List}/999999", edited))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        using (var forgedDelete = await client.PostFormAsync(List, $"{List}/999999/delete", []))
        {
            Assert.Equal(HttpStatusCode.NotFound, forgedDelete.StatusCode);
        }

        using var deleted = await client.PostFormAsync(List, $"{List}/{id}/delete", []);

        await deleted.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.DoesNotContain("Edited Student", await visitor.GetTextAsync("/people"), StringComparison.Ordinal);
        Assert.Null(await FindAsync("Edited Student"));
        using var gone = await client.GetAsync($"{List}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_member_photo_goes_through_the_same_checks_and_shows_on_people()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        var id = await AddAsync(client, Member("Photo Student"));

        using (var bad = await TestImages.UploadAsync(client, $"{List}/{id}", $"{List}/{id}/photo", "<svg/>"u8.ToArray(), "x.jpg", "image/jpeg"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("The file is not a JPEG, PNG or WebP image.", PageText.Of(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var good = await TestImages.UploadAsync(client, $"{List}/{id}", $"{List}/{id}/photo", TestImages.Make(SKEncodedImageFormat.Jpeg), "me.jpg", "image/jpeg"))
        {
            await good.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var member = (await FindAsync("Photo Student"))!;
        Assert.NotNull(member.PhotoId);
        Assert.Contains("alt=\"Photo of Photo Student\"", await visitor.GetStringAsync("/people"), StringComparison.Ordinal);

        using var deleted = await client.PostFormAsync(List, $"{List}/{id}/delete", []);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Photos.AnyAsync(p => p.Id == member.PhotoId)); // no orphan photo left behind
    }

    [Fact]
    public async Task The_lab_directory_gives_every_members_latin_and_chinese_names_for_marking_authors()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        await AddAsync(client, Member("Named Student"));

        using var scope = app.Services.CreateScope();
        var names = await scope.ServiceProvider.GetRequiredService<LabDirectory>().NamesAsync(CancellationToken.None);

        Assert.Contains(new LabMemberName("Named Student", "测试t", false), names);
    }

    [Fact]
    public async Task A_member_added_in_the_editor_is_marked_among_a_papers_authors_at_once()
    {
        app.StartServer();
        await using (var db = app.CreateDbContext())
        {
            db.Publications.Add(new Publication
            {
                Slug = "fictional-coauthored-paper", Title = "A Fictional Coauthored Paper", Authors = "Han Zhao, Fictional Coauthor, Someone Else",
                Year = 2026, Venue = "TestConf", VenueLabel = "TestConf2026", Type = PublicationType.Conference, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        using var visitor = app.CreateHttpsClient();
        var before = await visitor.GetStringAsync("/publications/fictional-coauthored-paper"); // now cached
        Assert.Contains("<span>Fictional Coauthor</span>", before, StringComparison.Ordinal);

        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        await AddAsync(client, Member("Fictional Coauthor"));

        var after = await visitor.GetStringAsync("/publications/fictional-coauthored-paper");
        Assert.Contains("<span class=\"author-lab\">Fictional Coauthor<span aria-hidden=\"true\">*</span>", after, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"author-self\">Han Zhao</strong>", after, StringComparison.Ordinal);
        Assert.Contains("<span>Someone Else</span>", after, StringComparison.Ordinal);
    }
}
