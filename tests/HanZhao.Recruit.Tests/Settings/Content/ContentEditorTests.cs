using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Tests.Review.Dashboard;
using HanZhao.Recruit.Web.Settings.Content;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Settings.Content;

/// <summary>The professor edits the public content; every change shows on the public pages at once.</summary>
public class ContentEditorTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private const string Hub = "/review/settings/content";
    private const string Publications = Hub + "/publications";

    private static Dictionary<string, string> Fields(object form) =>
        form.GetType().GetProperties().ToDictionary(p => p.Name, p => (string?)p.GetValue(form) ?? "");

    private async Task<Dictionary<string, string>> ProfileFieldsAsync()
    {
        await using var db = app.CreateDbContext();
        return Fields(ProfileForm.From(await db.Profiles.AsNoTracking().SingleAsync()));
    }

    private static Dictionary<string, string> NewPublication(string title) => new()
    {
        ["Title"] = title,
        ["Authors"] = "Han Zhao, Quan Chen, Minyi Guo",
        ["Year"] = "2024",
        ["Venue"] = "ASPLOS",
        ["VenueLabel"] = "",
        ["Type"] = "Conference",
        ["CcfRank"] = "A",
        ["NoteEn"] = "Corresponding author",
        ["NoteZh"] = "通讯作者",
        ["PdfUrl"] = "https://example.org/papers/paper.pdf",
        ["Doi"] = "https://doi.org/10.1145/3620666.3651329",
    };

    private async Task<Publication?> FindAsync(string title)
    {
        await using var db = app.CreateDbContext();
        return await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Title == title);
    }

    private async Task<int> AuditCountAsync(string? targetStartsWith = null)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Action == ContentEditor.AuditAction && (targetStartsWith == null || e.Target!.StartsWith(targetStartsWith)));
    }

    [Fact]
    public async Task Editing_the_profile_shows_on_the_homepage_at_once_in_both_languages_and_is_audited()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        // Cached now: only the eviction can make the homepage show the edit.
        Assert.DoesNotContain("Edited biography paragraph", await visitor.GetTextAsync("/"), StringComparison.Ordinal);
        var audits = await AuditCountAsync("Profile");

        var fields = await ProfileFieldsAsync();
        fields["BiographyEn"] = "Edited biography paragraph one.\r\n\r\nEdited biography paragraph two.";
        fields["BiographyZh"] = "修改后的简介。";
        fields["RecruitingNoticeEn"] = "Edited notice: we recruit in 2027.";
        fields["GitHubUrl"] = "https://github.com/hanzhao-edited";
        using var response = await client.PostFormAsync(Hub + "/profile", Hub + "/profile", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await visitor.GetStringAsync("/");
        Assert.Contains("<p>Edited biography paragraph one.</p>", home, StringComparison.Ordinal);
        Assert.Contains("<p>Edited biography paragraph two.</p>", home, StringComparison.Ordinal);
        Assert.Contains("https://github.com/hanzhao-edited", home, StringComparison.Ordinal);
        Assert.Contains("Edited notice: we recruit in 2027.", await visitor.GetTextAsync("/join"), StringComparison.Ordinal);
        Assert.Contains("修改后的简介。", await visitor.GetTextAsync("/?culture=zh-CN"), StringComparison.Ordinal);
        Assert.Equal(audits + 1, await AuditCountAsync("Profile"));
        Assert.Contains("Saved. The public pages show it now.", await client.GetTextAsync(Hub + "/profile?saved=true"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GitHubUrl", "javascript:alert(1)", "GitHub link must be a web address starting with http:// or https://.")]
    [InlineData("DblpUrl", "data:text/html,<script>alert(1)</script>", "DBLP link must be a web address starting with http:// or https://.")]
    [InlineData("GoogleScholarUrl", "ftp://scholar.example.org", "Google Scholar link must be a web address starting with http:// or https://.")]
    [InlineData("Email", "not-an-address", "Email must be an email address such as name@sjtu.edu.cn.")]
    [InlineData("Name", "", "Fill in Name.")]
    [InlineData("TitleEn", "   ", "Fill in Title (English).")]
    public async Task A_bad_profile_field_is_refused_with_its_message_and_nothing_changes(string field, string value, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await ProfileFieldsAsync();
        var fields = new Dictionary<string, string>(before) { ["BiographyEn"] = "Should not be saved", [field] = value };

        using var response = await client.PostFormAsync(Hub + "/profile", Hub + "/profile", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, PageText.Of(html), StringComparison.Ordinal);
        Assert.Contains("Should not be saved", html, StringComparison.Ordinal); // what was typed is shown again
        Assert.Equal(before, await ProfileFieldsAsync());
    }

    [Fact]
    public async Task Overlong_profile_fields_are_refused()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await ProfileFieldsAsync();
        var fields = new Dictionary<string, string>(before) { ["BiographyEn"] = new string('x', 8001), ["Name"] = new string('n', 101) };

        using var response = await client.PostFormAsync(Hub + "/profile", Hub + "/profile", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = PageText.Of(await response.Content.ReadAsStringAsync());
        Assert.Contains("Biography (English) can have at most 8000 characters.", text, StringComparison.Ordinal);
        Assert.Contains("Name can have at most 100 characters.", text, StringComparison.Ordinal);
        Assert.Equal(before, await ProfileFieldsAsync());
    }

    [Fact]
    public async Task An_added_publication_shows_in_the_list_its_page_its_citation_meta_and_the_bibtex()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        await visitor.GetStringAsync("/publications");
        await visitor.GetStringAsync("/publications.bib");
        const string title = "Elastic GPU Sharing for Serverless Inference";

        using var response = await client.PostFormAsync(Publications + "/new", Publications + "/new", NewPublication(title));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var added = Assert.IsType<Publication>(await FindAsync(title));
        Assert.Equal("elastic-gpu-sharing-for-serverless-inference", added.Slug);
        Assert.Equal("10.1145/3620666.3651329", added.Doi);
        Assert.Equal("ASPLOS2024", added.VenueLabel);

        var list = await visitor.GetStringAsync("/publications");
        Assert.Contains(title, list, StringComparison.Ordinal);
        Assert.Contains("https://example.org/papers/paper.pdf", list, StringComparison.Ordinal);
        Assert.Contains("https://doi.org/10.1145/3620666.3651329", list, StringComparison.Ordinal);

        var page = await visitor.GetStringAsync("/publications/" + added.Slug);
        Assert.Contains($"<meta name=\"citation_title\" content=\"{title}\" />", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"citation_author\" content=\"Quan Chen\" />", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"citation_doi\" content=\"10.1145/3620666.3651329\" />", page, StringComparison.Ordinal);
        // The names are marked up one by one now: the professor's emphasised.
        Assert.Contains("<strong class=\"author-self\">Han Zhao</strong>,", page, StringComparison.Ordinal);
        Assert.Contains("<span>Minyi Guo</span>", page, StringComparison.Ordinal);

        var bib = await visitor.GetStringAsync("/publications.bib");
        Assert.Contains("title = {{Elastic GPU Sharing for Serverless Inference}}", bib, StringComparison.Ordinal);
        Assert.Contains("author = {Han Zhao and Quan Chen and Minyi Guo}", bib, StringComparison.Ordinal);
        Assert.Contains("doi = {10.1145/3620666.3651329}", bib, StringComparison.Ordinal);
        Assert.Contains("url = {https://example.org/papers/paper.pdf}", bib, StringComparison.Ordinal);
        Assert.Contains("https://hanzhao.test/publications/" + added.Slug, await visitor.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
        Assert.True(await AuditCountAsync("Publication " + added.Slug) >= 1);
    }

    [Fact]
    public async Task Editing_keeps_the_slug_so_links_keep_working()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        await client.PostFormAsync(Publications + "/new", Publications + "/new", NewPublication("Original Title for Slug Test"));
        var original = (await FindAsync("Original Title for Slug Test"))!;

        var fields = NewPublication("A Completely Different Title");
        using var response = await client.PostFormAsync($"{Publications}/{original.Id}", $"{Publications}/{original.Id}", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var edited = (await FindAsync("A Completely Different Title"))!;
        Assert.Equal(original.Slug, edited.Slug);
        using var visitor = app.CreateHttpsClient();
        Assert.Contains("A Completely Different Title", await visitor.GetTextAsync("/publications/" + original.Slug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_publication_up_changes_the_public_order_within_its_year()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        await using var db = app.CreateDbContext();
        var year2025 = await ContentEditor.Ordered(db.Publications.AsNoTracking().Where(p => p.Year == 2023)).ToListAsync();
        Assert.True(year2025.Count >= 2);
        var (first, second) = (year2025[0], year2025[1]);
        using var visitor = app.CreateHttpsClient();
        var before = await visitor.GetStringAsync("/publications");
        Assert.True(before.IndexOf(first.Title, StringComparison.Ordinal) < before.IndexOf(second.Title, StringComparison.Ordinal));

        using var response = await client.PostFormAsync(Publications, $"{Publications}/{second.Id}/move", [new("direction", "up")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await visitor.GetStringAsync("/publications");
        Assert.True(after.IndexOf(second.Title, StringComparison.Ordinal) < after.IndexOf(first.Title, StringComparison.Ordinal));

        // At the top already: nothing moves, nothing breaks.
        using var again = await client.PostFormAsync(Publications, $"{Publications}/{second.Id}/move", [new("direction", "up")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        using var sideways = await client.PostFormAsync(Publications, $"{Publications}/{second.Id}/move", [new("direction", "sideways")]);
        Assert.Equal(HttpStatusCode.BadRequest, sideways.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_publication_asks_first_then_removes_it_from_every_public_page()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        await client.PostFormAsync(Publications + "/new", Publications + "/new", NewPublication("A Paper To Be Deleted"));
        var doomed = (await FindAsync("A Paper To Be Deleted"))!;
        using var visitor = app.CreateHttpsClient();
        Assert.Contains("A Paper To Be Deleted", await visitor.GetStringAsync("/publications"), StringComparison.Ordinal);

        var confirm = await client.GetTextAsync($"{Publications}/{doomed.Id}/delete");
        Assert.Contains($"Delete this publication? Its page /publications/{doomed.Slug} will no longer exist.", confirm, StringComparison.Ordinal);
        Assert.NotNull(await FindAsync("A Paper To Be Deleted")); // the confirmation page deletes nothing

        using var response = await client.PostFormAsync($"{Publications}/{doomed.Id}/delete", $"{Publications}/{doomed.Id}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await FindAsync("A Paper To Be Deleted"));
        Assert.DoesNotContain("A Paper To Be Deleted", await visitor.GetStringAsync("/publications"), StringComparison.Ordinal);
        Assert.DoesNotContain("A Paper To Be Deleted", await visitor.GetStringAsync("/publications.bib"), StringComparison.Ordinal);
        using var gone = await visitor.GetAsync("/publications/" + doomed.Slug);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(1, await AuditCountAsync("Publication " + doomed.Slug) - 1); // added, then deleted
    }

    [Theory]
    [InlineData("PdfUrl", "javascript:alert(document.cookie)", "PDF link must be a web address starting with https://.")]
    [InlineData("PdfUrl", "data:application/pdf;base64,AAAA", "PDF link must be a web address starting with https://.")]
    [InlineData("Doi", "not a doi", "The DOI must look like 10.1145/3620666 (a https://doi.org/ link is fine too).")]
    [InlineData("Doi", "11.1145/123", "The DOI must look like 10.1145/3620666 (a https://doi.org/ link is fine too).")]
    [InlineData("Year", "99999", "Year must be a year between 1950 and")]
    [InlineData("Year", "1066", "Year must be a year between 1950 and")]
    [InlineData("Year", "twenty", "Year must be a year between 1950 and")]
    [InlineData("Type", "Banana", "Choose Type from the list.")]
    [InlineData("Type", "7", "Choose Type from the list.")]
    [InlineData("CcfRank", "S", "Choose CCF rank from the list.")]
    [InlineData("Title", "", "Fill in Title.")]
    [InlineData("Venue", "", "Fill in Venue.")]
    [InlineData("Venue", "VVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVV", "Venue can have at most 100 characters.")]
    public async Task A_bad_publication_field_is_refused_with_its_message_and_nothing_is_added(string field, string value, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var title = "Refused Paper " + Guid.NewGuid().ToString("N");
        var fields = NewPublication(title);
        fields[field] = value;
        await using var db = app.CreateDbContext();
        var count = await db.Publications.CountAsync();

        using var response = await client.PostFormAsync(Publications + "/new", Publications + "/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(count, await db.Publications.CountAsync());
    }

    [Fact]
    public async Task An_overlong_title_or_author_list_is_refused_on_edit_and_the_row_stays_as_it_was()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        await client.PostFormAsync(Publications + "/new", Publications + "/new", NewPublication("Stable Paper"));
        var stable = (await FindAsync("Stable Paper"))!;
        var fields = NewPublication(new string('T', 501));
        fields["Authors"] = new string('A', 2001);

        using var response = await client.PostFormAsync($"{Publications}/{stable.Id}", $"{Publications}/{stable.Id}", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = PageText.Of(await response.Content.ReadAsStringAsync());
        Assert.Contains("Title can have at most 500 characters.", text, StringComparison.Ordinal);
        Assert.Contains("Authors can have at most 2000 characters.", text, StringComparison.Ordinal);
        Assert.NotNull(await FindAsync("Stable Paper"));
    }

    [Fact]
    public async Task A_script_in_a_title_is_shown_as_text_on_the_public_pages()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        const string title = "<script>alert('x')</script> Robust Scheduling";
        using var response = await client.PostFormAsync(Publications + "/new", Publications + "/new", NewPublication(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var added = (await FindAsync(title))!;

        using var visitor = app.CreateHttpsClient();
        foreach (var page in new[] { "/publications", "/publications/" + added.Slug, "/" })
        {
            var html = await visitor.GetStringAsync(page);
            Assert.DoesNotContain("<script>alert('x')</script>", html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Robust Scheduling", await visitor.GetStringAsync("/publications"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Research_interests_are_added_edited_moved_and_deleted_and_the_homepage_follows()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        const string list = Hub + "/interests";
        await visitor.GetStringAsync("/");

        using (var added = await client.PostFormAsync(list, list, [new("NameEn", "Quantum Scheduling"), new("NameZh", "量子调度")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        await using var db = app.CreateDbContext();
        var interest = await db.ResearchInterests.AsNoTracking().SingleAsync(i => i.Name.En == "Quantum Scheduling");
        var all = await ContentEditor.Ordered(db.ResearchInterests.AsNoTracking()).ToListAsync();
        Assert.Equal(interest.Id, all[^1].Id); // added at the end
        Assert.Contains("Quantum Scheduling", await visitor.GetTextAsync("/"), StringComparison.Ordinal);
        // Its own client: the culture cookie would make the visitor's later pages Chinese.
        using (var chineseVisitor = app.CreateHttpsClient())
        {
            Assert.Contains("量子调度", await chineseVisitor.GetTextAsync("/join?culture=zh-CN"), StringComparison.Ordinal);
        }

        using (var edited = await client.PostFormAsync($"{list}/{interest.Id}", $"{list}/{interest.Id}", [new("NameEn", "Quantum-Aware Scheduling"), new("NameZh", "")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        using (var moved = await client.PostFormAsync(list, $"{list}/{interest.Id}/move", [new("direction", "up")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var home = await visitor.GetTextAsync("/");
        Assert.Contains("Quantum-Aware Scheduling", home, StringComparison.Ordinal);
        Assert.True(home.IndexOf("Quantum-Aware Scheduling", StringComparison.Ordinal) < home.IndexOf(all[^2].Name.En, StringComparison.Ordinal));

        using (var deleted = await client.PostFormAsync(list, $"{list}/{interest.Id}/delete", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.DoesNotContain("Quantum-Aware Scheduling", await visitor.GetTextAsync("/"), StringComparison.Ordinal);
        Assert.True(await AuditCountAsync("Interests") >= 4);
    }

    [Fact]
    public async Task A_research_interest_that_applications_chose_cannot_be_deleted()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        const string list = Hub + "/interests";
        await client.PostFormAsync(list, list, [new("NameEn", "Chosen Interest")]);
        await using var db = app.CreateDbContext();
        var interest = await db.ResearchInterests.AsNoTracking().SingleAsync(i => i.Name.En == "Chosen Interest");
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        var application = await app.CreateApplicationAsync(applicant, ApplicationStatus.Submitted);
        db.ApplicationInterests.Add(new ApplicationInterest { ApplicationId = application.Id, ResearchInterestId = interest.Id });
        await db.SaveChangesAsync();

        using var response = await client.PostFormAsync(list, $"{list}/{interest.Id}/delete", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1 applications chose this research interest, so it cannot be deleted", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await db.ResearchInterests.AnyAsync(i => i.Id == interest.Id));
    }

    [Fact]
    public async Task Degrees_need_sane_years_in_order_and_are_refused_otherwise()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        const string list = Hub + "/education";
        await using var db = app.CreateDbContext();
        var count = await db.Education.CountAsync();

        using var backwards = await client.PostFormAsync(list, list,
            [new("NameEn", "PhD"), new("InstitutionEn", "MIT"), new("StartYear", "2020"), new("EndYear", "2015")]);
        using var absurd = await client.PostFormAsync(list, list,
            [new("NameEn", "PhD"), new("InstitutionEn", "MIT"), new("StartYear", "99999"), new("EndYear", "-1")]);
        using var missing = await client.PostFormAsync(list, list, [new("NameEn", ""), new("InstitutionEn", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("The end year cannot be before the start year.", PageText.Of(await backwards.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Start year must be a year between 1950 and", PageText.Of(await absurd.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("End year must be a year between 1950 and", PageText.Of(await absurd.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var text = PageText.Of(await missing.Content.ReadAsStringAsync());
        Assert.Contains("Fill in Degree (English).", text, StringComparison.Ordinal);
        Assert.Contains("Fill in Institution (English).", text, StringComparison.Ordinal);
        Assert.Equal(count, await db.Education.CountAsync());

        using var good = await client.PostFormAsync(list, list,
            [new("NameEn", "Visiting scholar"), new("InstitutionEn", "ETH Zürich"), new("StartYear", "2016"), new("EndYear", "2017")]);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(count + 1, await db.Education.CountAsync());
        Assert.Contains("ETH Zürich", await app.CreateHttpsClient().GetTextAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", Publications + "/999999")]
    [InlineData("GET", Publications + "/999999/delete")]
    [InlineData("POST", Publications + "/999999")]
    [InlineData("POST", Publications + "/999999/delete")]
    [InlineData("POST", Publications + "/999999/move")]
    [InlineData("GET", Publications + "/abc")]
    [InlineData("POST", Publications + "/abc/delete")]
    [InlineData("GET", Publications + "/99999999999999999999")]
    [InlineData("GET", Hub + "/interests/999999")]
    [InlineData("POST", Hub + "/interests/999999")]
    [InlineData("POST", Hub + "/education/999999/delete")]
    [InlineData("POST", Hub + "/accomplishments/999999/move")]
    [InlineData("GET", Hub + "/interests/abc")]
    [InlineData("GET", Hub + "/widgets")]
    [InlineData("POST", Hub + "/widgets")]
    [InlineData("GET", Hub + "/0")]
    public async Task Unknown_or_non_numeric_ids_and_unknown_sections_are_not_found(string method, string path)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var response = method == "GET"
            ? await client.GetAsync(path)
            : await client.PostFormAsync(Hub, path, [new("direction", "up"), new("NameEn", "X"), new("Title", "X")]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Hub)]
    [InlineData(Hub + "/profile")]
    [InlineData(Hub + "/interests")]
    [InlineData(Publications)]
    [InlineData(Publications + "/new")]
    [InlineData(Publications + "/import")]
    public async Task Reviewers_and_applicants_are_forbidden_and_anonymous_visitors_sent_to_sign_in(string page)
    {
        using var reviewer = await app.CreateClientSignedInAsync(Roles.Reviewer);
        using var applicant = await app.CreateClientSignedInAsync(Roles.Applicant);
        using var anonymous = app.CreateHttpsClient();

        // Refused signed-in users land on the 403 page.
        DashboardTests.AssertDenied(await reviewer.GetAsync(page));
        DashboardTests.AssertDenied(await applicant.GetAsync(page));
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/error/403")).StatusCode);
        using var redirect = await anonymous.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/account/signin", redirect.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_cannot_post_changes_even_with_a_valid_token()
    {
        using var reviewer = await app.CreateClientSignedInAsync(Roles.Reviewer);
        // The reviewer's own token, from a page every staff member may open.
        using var response = await reviewer.PostFormAsync("/review", Publications + "/new", NewPublication("Reviewer Paper"));
        DashboardTests.AssertDenied(response);
        Assert.Null(await FindAsync("Reviewer Paper"));
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_are_refused()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var content = new FormUrlEncodedContent(NewPublication("No Token Paper"));
        using var response = await client.PostAsync(Publications + "/new", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await FindAsync("No Token Paper"));

        using var profile = new FormUrlEncodedContent(await ProfileFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(Hub + "/profile", profile)).StatusCode);
    }

    [Fact]
    public async Task Junk_in_query_strings_and_a_missing_direction_change_nothing()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var list = await client.GetAsync(Publications + "?done=%3Cscript%3Ealert(1)%3C/script%3E&count=abc");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Hub + "/interests?done=whatever")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Hub + "/profile?saved=maybe")).StatusCode);

        await using var db = app.CreateDbContext();
        var interest = await ContentEditor.Ordered(db.ResearchInterests.AsNoTracking()).FirstAsync();
        using var noDirection = await client.PostFormAsync(Hub + "/interests", $"{Hub}/interests/{interest.Id}/move", []);
        Assert.Equal(HttpStatusCode.BadRequest, noDirection.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_links_the_professor_to_the_content_editor()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        Assert.Contains("<a href=\"/review/settings/content\">Content</a>", await client.GetStringAsync("/review"), StringComparison.Ordinal);
        var hub = await client.GetTextAsync(Hub);
        Assert.Contains("Research interests", hub, StringComparison.Ordinal);
        Assert.Contains("Import BibTeX", hub, StringComparison.Ordinal);
    }
}
