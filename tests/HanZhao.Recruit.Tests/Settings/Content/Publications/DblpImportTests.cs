using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Settings.Content.Publications;

/// <summary>
/// The app with DBLP's address pointing at a <see cref="FakeDblp"/> on 127.0.0.1. Its deadline is the
/// longest the settings allow: a one-second deadline here failed a 1 MB answer on a busy machine (the
/// clock decided the outcome); the deadline itself is tested with <see cref="ShortDeadlineDblpApp"/>.
/// </summary>
public class DblpApp : RecruitAppFactory, IAsyncLifetime
{
    public FakeDblp Dblp { get; private set; } = null!;

    protected virtual int DeadlineSeconds => 120;

    public async Task InitializeAsync()
    {
        Dblp = await FakeDblp.StartAsync();
        Settings["Recruit:Dblp:BaseUrl"] = Dblp.BaseAddress.ToString().TrimEnd('/');
        Settings["Recruit:Dblp:TimeoutSeconds"] = DeadlineSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Recruit:Dblp:FetchesPerMinute"] = "1000";
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Dblp.DisposeAsync();
        await DisposeAsync();
    }
}

/// <summary>The same with a one-second deadline, against a fake that holds its answer until released.</summary>
public sealed class ShortDeadlineDblpApp : DblpApp
{
    protected override int DeadlineSeconds => 1;
}

/// <summary>The app with DBLP's address on a closed port (offline) and two fetches a minute.</summary>
public sealed class OfflineDblpApp : RecruitAppFactory
{
    public OfflineDblpApp()
    {
        // A port that was free a moment ago and has nothing listening: connecting is refused at once.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Settings["Recruit:Dblp:BaseUrl"] = $"http://127.0.0.1:{port}";
        Settings["Recruit:Dblp:FetchesPerMinute"] = "2";
    }
}

/// <summary>Helpers both DBLP test classes use.</summary>
internal static partial class DblpPages
{
    public const string Form = "/review/settings/content/publications/dblp";

    public static Task<HttpResponseMessage> FetchAsync(HttpClient client, string person) =>
        client.PostFormAsync(Form, Form, [new("person", person)]);

    public static async Task<int> CountAsync(RecruitAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Publications.CountAsync();
    }

    /// <summary>The fetched text the preview's confirm form carries.</summary>
    public static string HiddenText(string html) => WebUtility.HtmlDecode(HiddenTextInput().Match(html).Groups[1].Value);

    [GeneratedRegex("""<input type="hidden" name="text" value="([^"]*)" />""")]
    private static partial Regex HiddenTextInput();
}

/// <summary>DBLP import against the local recorded server: preview, confirm, and each way the fetch fails. No test reaches the internet.</summary>
public class DblpImportTests(DblpApp app) : IClassFixture<DblpApp>
{
    [Fact]
    public async Task A_persons_record_is_previewed_then_adds_new_papers_and_updates_the_listed_one()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        // The professor listed one of the papers by hand, without authors or DOI, with a note of their own.
        var mine = new Dictionary<string, string>
        {
            ["Title"] = "A fictional journal paper on imaginary GPU clusters.", ["Year"] = "2024", ["Venue"] = "TFS", ["Type"] = "Journal",
            ["CcfRank"] = "B", ["NoteEn"] = "Invited paper",
        };
        using (var added = await client.PostFormAsync("/review/settings/content/publications/new", "/review/settings/content/publications/new", mine))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var before = await DblpPages.CountAsync(app);

        using var preview = await DblpPages.FetchAsync(client, "https://dblp.org/pid/" + FakeDblp.Recorded + ".html");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("/pid/" + FakeDblp.Recorded + ".bib", app.Dblp.Requests);
        var html = await preview.Content.ReadAsStringAsync();
        var text = PageText.Of(html);
        Assert.Contains("Import from DBLP", text, StringComparison.Ordinal);
        Assert.Contains("Entries read: 3. New: 2. Updated: 1. Unchanged: 0.", text, StringComparison.Ordinal);
        Assert.Contains("Updates: A fictional journal paper on imaginary GPU clusters.", text, StringComparison.Ordinal);
        Assert.Contains("DOI added: 10.9999/fictj.2024.0002", text, StringComparison.Ordinal);
        Assert.Contains("Authors added: Han Zhao, Bo Imaginary", text, StringComparison.Ordinal);
        Assert.Equal(before, await DblpPages.CountAsync(app)); // the fetch saves nothing

        var fetched = DblpPages.HiddenText(html);
        Assert.Equal(FakeDblp.RecordedBibTex.ReplaceLineEndings("\n"), fetched.ReplaceLineEndings("\n"));
        using var confirm = await client.PostFormAsync(DblpPages.Form, "/review/settings/content/publications/import/confirm", [new("text", fetched)]);

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(before + 2, await DblpPages.CountAsync(app));
        await using var db = app.CreateDbContext();
        var conference = await db.Publications.AsNoTracking().SingleAsync(p => p.Title == "Elastic Scheduling for Imaginary Clusters");
        Assert.Equal(("Ada Fictional, Han Zhao, Bo Imaginary", "FICT", "101-115", "ACM", "10.9999/fict.2025.0001", PublicationType.Conference),
            (conference.Authors, conference.Venue, conference.Pages, conference.Publisher, conference.Doi, conference.Type));
        Assert.Null(conference.PdfUrl); // DBLP's url is the DOI's address, already kept as the DOI
        var preprint = await db.Publications.AsNoTracking().SingleAsync(p => p.Title == "A Fictional Preprint on Imaginary Accelerators");
        Assert.Equal((PublicationType.Preprint, "https://arxiv.org/abs/2501.00001", "Han Zhao"), (preprint.Type, preprint.ArxivUrl, preprint.Authors));
        var updated = await db.Publications.AsNoTracking().SingleAsync(p => p.Title == "A fictional journal paper on imaginary GPU clusters.");
        Assert.Equal(("Han Zhao, Bo Imaginary", "10.9999/fictj.2024.0002", "22", "4", "1-24"), (updated.Authors, updated.Doi, updated.Volume, updated.Number, updated.Pages));
        // What the professor set by hand stays: the title's spelling, venue, rank and note (nothing was ticked to replace them).
        Assert.Equal(("TFS", CcfRank.B, "Invited paper"), (updated.Venue, updated.CcfRank, updated.Note.En));
    }

    [Fact]
    public async Task A_moved_person_is_followed_on_dblps_own_site()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var preview = await DblpPages.FetchAsync(client, FakeDblp.Moved);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Entries read: 3.", PageText.Of(await preview.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(["/pid/" + FakeDblp.Moved + ".bib", "/pid/" + FakeDblp.Recorded + ".bib"], app.Dblp.Requests.SkipWhile(r => r != "/pid/" + FakeDblp.Moved + ".bib").Take(2));
    }

    [Theory]
    [InlineData(FakeDblp.Unknown, "DBLP knows no person with the id 22/2222.")]
    [InlineData(FakeDblp.Broken, "DBLP could not answer (HTTP 500).")]
    [InlineData(FakeDblp.Busy, "DBLP is limiting requests right now (HTTP 429).")]
    [InlineData(FakeDblp.WebPage, "DBLP's answer is not BibTeX (it looks like a web page).")]
    [InlineData(FakeDblp.Huge, "DBLP's answer is larger than 1 MB")]
    [InlineData(FakeDblp.Binary, "DBLP's answer is not BibTeX (it is not text).")]
    [InlineData(FakeDblp.Elsewhere, "DBLP sent the request to another site, which is not followed.")]
    public async Task Each_failed_fetch_gives_a_clear_message_and_changes_nothing(string person, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await DblpPages.CountAsync(app);

        using var response = await DblpPages.FetchAsync(client, person);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = PageText.Of(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was imported. " + message, text, StringComparison.Ordinal);
        Assert.Equal(before, await DblpPages.CountAsync(app));
    }

    [Fact]
    public async Task A_failure_is_told_in_chinese_too()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await client.PostFormAsync(DblpPages.Form, DblpPages.Form + "?culture=zh-CN", [new("person", FakeDblp.Unknown)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("DBLP 中没有编号为 22/2222 的作者", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Han Zhao")]
    [InlineData("https://evil.example/pid/11/1111")]
    [InlineData("https://dblp.org/pid/11/%2e%2e/1111")]
    [InlineData("11/1111?x=1")]
    public async Task A_bad_id_is_refused_beside_its_field_and_nothing_is_fetched(string person)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var asked = app.Dblp.Requests.Count;

        using var response = await DblpPages.FetchAsync(client, person);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"e-person\"", html, StringComparison.Ordinal);
        Assert.Contains("Enter a DBLP person id such as 123/4567", PageText.Of(html), StringComparison.Ordinal);
        Assert.Equal(asked, app.Dblp.Requests.Count);
    }

    [Fact]
    public async Task An_overlong_id_is_refused()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await DblpPages.FetchAsync(client, new string('1', 5000) + "/1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_professor_can_fetch()
    {
        using var reviewer = await app.CreateClientSignedInAsync(Roles.Reviewer);
        var asked = app.Dblp.Requests.Count;
        var token = await reviewer.GetAntiforgeryTokenAsync("/review");

        using var response = await reviewer.PostFormAsync(DblpPages.Form, [new("person", FakeDblp.Recorded)], token);

        Review.Dashboard.DashboardTests.AssertDenied(response);
        Assert.Equal(asked, app.Dblp.Requests.Count);
    }
}

/// <summary>DBLP out of reach, and the site's own limit on fetches.</summary>
public class OfflineDblpImportTests(OfflineDblpApp app) : IClassFixture<OfflineDblpApp>
{
    [Fact]
    public async Task An_unreachable_dblp_gives_the_offline_message_and_a_third_fetch_in_a_minute_is_refused()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await DblpPages.CountAsync(app);

        for (var i = 0; i < 2; i++)
        {
            using var offline = await DblpPages.FetchAsync(client, FakeDblp.Recorded);
            Assert.Equal(HttpStatusCode.BadRequest, offline.StatusCode);
            Assert.Contains("DBLP could not be reached (no connection, or it refused).", PageText.Of(await offline.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var limited = await DblpPages.FetchAsync(client, FakeDblp.Recorded);
        Assert.Equal(HttpStatusCode.BadRequest, limited.StatusCode);
        Assert.Contains("DBLP was asked too often in the last minute.", PageText.Of(await limited.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A minute later the site may ask again.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var later = await DblpPages.FetchAsync(client, FakeDblp.Recorded);
        Assert.Contains("DBLP could not be reached", PageText.Of(await later.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await DblpPages.CountAsync(app));
    }
}

/// <summary>DBLP holding its answer past the app's deadline.</summary>
public class DblpDeadlineTests(ShortDeadlineDblpApp app) : IClassFixture<ShortDeadlineDblpApp>
{
    [Fact]
    public async Task A_dblp_that_does_not_answer_in_time_gives_the_timeout_message()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await DblpPages.CountAsync(app);

        using var response = await DblpPages.FetchAsync(client, FakeDblp.Slow);
        // The fake still holds its answer: the app gave up on its own deadline.
        app.Dblp.Release();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("DBLP did not answer within 1 second.", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await DblpPages.CountAsync(app));
    }
}
