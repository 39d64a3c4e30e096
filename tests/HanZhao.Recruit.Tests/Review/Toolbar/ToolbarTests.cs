using System.Globalization;
using System.IO.Compression;
using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.Review.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.Toolbar;

/// <summary>The list's bulk toolbar: each action on exactly the selection, skipped transitions listed, emails queued once.</summary>
public class ToolbarTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private SeededApplication Named(string name) => app.Applications.Single(a => a.FullName == name);

    private static string Id(SeededApplication application) => application.Id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_bulk_reject_skips_and_lists_applicants_at_interview_or_offer()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        // Bob: Under review; Carol: Interview; David: Offer; Ivy: Submitted.
        var ids = string.Join(',', new[] { "Bob Li", "Carol Zhang", "David Chen", "Ivy He" }.Select(n => Id(Named(n))));

        using var toolbar = await client.PostFormAsync("/review", "/review/toolbar", [new("ids", ids), new("act", "status"), new("status", "Rejected")]);
        await toolbar.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/review/bulk?ids={ids}&status=Rejected", toolbar.Headers.Location!.OriginalString);
        var preview = await DashboardTests.GetOkAsync(client, toolbar.Headers.Location.OriginalString);
        Assert.Contains("data-changing=\"2\"", preview, StringComparison.Ordinal);
        Assert.Contains("data-refused=\"2\"", preview, StringComparison.Ordinal);
        Assert.Contains("on its own page, not in bulk", preview, StringComparison.Ordinal);
        // Both languages' emails are previewed, whatever the applicants wrote in.
        Assert.Contains("data-email-preview=\"en\"", preview, StringComparison.Ordinal);
        Assert.Contains("data-email-preview=\"zh-CN\"", preview, StringComparison.Ordinal);

        // Even a forged post naming all four moves only the two not yet at interview.
        using var done = await client.PostFormAsync("/review", "/review/bulk", [new("ids", ids), new("status", "Rejected"), new("sendEmail", "true")]);
        await done.AssertStatusAsync(HttpStatusCode.OK);
        await using var db = app.CreateDbContext();
        var statuses = await db.Applications.Where(a => new[] { Named("Bob Li").Id, Named("Carol Zhang").Id, Named("David Chen").Id, Named("Ivy He").Id }.Contains(a.Id))
            .ToDictionaryAsync(a => a.FullName, a => a.Status);
        Assert.Equal(ApplicationStatus.Rejected, statuses["Bob Li"]);
        Assert.Equal(ApplicationStatus.Rejected, statuses["Ivy He"]);
        Assert.Equal(ApplicationStatus.Interview, statuses["Carol Zhang"]);
        Assert.Equal(ApplicationStatus.Offer, statuses["David Chen"]);
        Assert.Equal(2, await db.EmailMessages.CountAsync(m => m.Kind == "StatusRejected"));
    }

    [Fact]
    public async Task Tagging_the_selection_tags_exactly_the_visible_selected_applications()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        var chosen = new[] { Named("Kate Lin"), Named("Henry Wu") };
        var draft = Named("Draft Person");

        using var tagged = await client.PostFormAsync("/review", "/review/toolbar",
            [new("ids", $"{Id(chosen[0])},{Id(chosen[1])},{Id(draft)},999999"), new("act", "tag"), new("tag", "shortlist"), new("back", "status=Submitted")]);

        await tagged.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.Equal("/review?status=Submitted", tagged.Headers.Location!.OriginalString);
        await using var db = app.CreateDbContext();
        var withTag = await db.ApplicationTags.Where(t => t.Name == "shortlist").Select(t => t.ApplicationId).OrderBy(i => i).ToListAsync();
        Assert.Equal(chosen.Select(a => a.Id).Order(), withTag);
    }

    public static TheoryData<string, string[]> RefusedToolbarPosts => new()
    {
        { "nothing ticked", ["act=tag", "tag=x"] },
        { "not an id", ["ids=1,abc", "act=tag", "tag=x"] },
        { "an id twice", ["ids=1,1", "act=tag", "tag=x"] },
        { "unknown action", ["ids=1", "act=DropTables"] },
        { "status without a status", ["ids=1", "act=status"] },
        { "a status staff cannot set", ["ids=1", "act=status", "status=Draft"] },
    };

    [Theory]
    [MemberData(nameof(RefusedToolbarPosts))]
    public async Task A_broken_toolbar_post_is_refused_with_why_and_changes_nothing(string why, string[] fields)
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        var before = await CountTagsAsync();

        using var refused = await client.PostFormAsync("/review", "/review/toolbar", fields.Select(f => new KeyValuePair<string, string>(f.Split('=')[0], f.Split('=')[1])));

        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)refused.StatusCode} {refused.Headers.Location}");
        Assert.Equal(before, await CountTagsAsync());
    }

    [Fact]
    public async Task An_invalid_tag_is_refused_with_a_message_and_tags_nothing()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        var before = await CountTagsAsync();

        using var refused = await client.PostFormAsync("/review", "/review/toolbar", [new("ids", Id(Named("Kate Lin"))), new("act", "tag"), new("tag", new string('x', 41))]);

        await refused.AssertStatusAsync(HttpStatusCode.Redirect);
        var list = await DashboardTests.GetOkAsync(client, refused.Headers.Location!.OriginalString);
        Assert.Contains("A tag has 1 to 40 characters", list, StringComparison.Ordinal);
        Assert.Equal(before, await CountTagsAsync());
    }

    [Fact]
    public async Task The_csv_and_the_zip_hold_exactly_the_selection()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        var chosen = new[] { Named("Alice Wang"), Named("Eve Sun"), Named("Jack Ma") };
        var ids = string.Join(',', chosen.Select(Id)) + "," + Id(Named("Draft Person"));

        using var csvRedirect = await client.PostFormAsync("/review", "/review/toolbar", [new("ids", ids), new("act", "csv")]);
        await csvRedirect.AssertStatusAsync(HttpStatusCode.Redirect);
        var csv = DashboardTests.ParseCsv(await client.GetStringAsync(csvRedirect.Headers.Location));
        Assert.Equal(chosen.Select(a => a.Reference).Order(StringComparer.Ordinal), csv.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));

        using var zipRedirect = await client.PostFormAsync("/review", "/review/toolbar", [new("ids", ids), new("act", "zip")]);
        await zipRedirect.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.StartsWith("/review/documents.zip?ids=", zipRedirect.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var zip = new ZipArchive(await client.GetStreamAsync(zipRedirect.Headers.Location));
        var folders = zip.Entries.Select(e => e.FullName.Split('/')[0]).Distinct().ToList();
        Assert.Equal(chosen.Length, folders.Count);
        Assert.All(chosen, a => Assert.Contains(folders, f => f.Contains(a.Reference, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task All_matching_acts_on_every_page_of_the_list_as_filtered()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);

        using var redirect = await client.PostFormAsync("/review", "/review/toolbar",
            [new("all", "true"), new("ids", "999999"), new("back", "program=Master&size=1&page=2"), new("act", "csv")]);

        await redirect.AssertStatusAsync(HttpStatusCode.Redirect);
        var csv = DashboardTests.ParseCsv(await client.GetStringAsync(redirect.Headers.Location));
        var masters = app.Visible.Where(a => a.Program == StudyPrograms.Master).Select(a => a.Reference).Order(StringComparer.Ordinal);
        Assert.Equal(masters, csv.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_free_text_email_is_previewed_in_both_languages_and_queued_once_per_applicant()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        var chosen = new[] { Named("Alice Wang"), Named("Grace Xu") };
        var ids = string.Join(',', chosen.Select(Id)) + ",999999";

        using var redirect = await client.PostFormAsync("/review", "/review/toolbar", [new("ids", ids), new("act", "email")]);
        await redirect.AssertStatusAsync(HttpStatusCode.Redirect);
        var form = await DashboardTests.GetOkAsync(client, redirect.Headers.Location!.OriginalString);
        Assert.Contains("data-recipients=\"2\"", form, StringComparison.Ordinal);
        Assert.Contains("#999999", form, StringComparison.Ordinal);

        using var preview = await client.PostFormAsync("/review", "/review/toolbar/email",
            [new("ids", ids), new("subject", "About {reference}"), new("body", "Dear {name},\n\nPlease send your transcript.")]);
        await preview.AssertStatusAsync(HttpStatusCode.OK);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains("data-email-preview=\"en\"", previewHtml, StringComparison.Ordinal);
        Assert.Contains($"About {chosen[0].Reference}", previewHtml, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(previewHtml, "name=\"token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var sendToken = await client.GetAntiforgeryTokenAsync("/review");
        KeyValuePair<string, string>[] send =
            [new("ids", ids), new("subject", "About {reference}"), new("body", "Dear {name},\n\nPlease send your transcript."), new("token", token), new("confirm", "send")];
        // A double click: two sends of the same preview at once.
        var responses = await Task.WhenAll(client.PostFormAsync("/review/toolbar/email", send, sendToken), client.PostFormAsync("/review/toolbar/email", send, sendToken));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        await using var db = app.CreateDbContext();
        var queued = await db.EmailMessages.Where(m => m.Kind == "Message").ToListAsync();
        Assert.Equal(chosen.Select(a => a.Id).Order(), queued.Select(m => m.ApplicationId!.Value).Order());
        Assert.Contains(queued, m => m.Subject == $"About {chosen[0].Reference}" && m.TextBody.Contains("Dear Alice Wang", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> RefusedEmails => new()
    {
        { "empty subject", "", "Hello" },
        { "overlong subject", new string('s', 151), "Hello" },
        { "empty body", "Hello", "  " },
        { "overlong body", "Hello", new string('b', 10_001) },
        { "unknown placeholder", "Hello {password}", "Hello" },
    };

    [Theory]
    [MemberData(nameof(RefusedEmails))]
    public async Task A_refused_email_shows_the_form_again_and_queues_nothing(string why, string subject, string body)
    {
        using var client = await app.CreateClientSignedInAsAsync(app.Professor);
        var ids = Id(Named("Alice Wang"));

        using var preview = await client.PostFormAsync("/review", "/review/toolbar/email", [new("ids", ids), new("subject", subject), new("body", body)]);
        using var send = await client.PostFormAsync("/review", "/review/toolbar/email",
            [new("ids", ids), new("subject", subject), new("body", body), new("token", Guid.NewGuid().ToString("N")), new("confirm", "send")]);

        Assert.True(preview.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.True(send.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Contains("data-form-errors", await send.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.EmailMessages.AnyAsync(m => m.Kind == "Message" && m.Subject == subject));
    }

    [Fact]
    public async Task A_co_reviewer_cannot_use_the_toolbar_even_on_applications_not_assigned_to_them()
    {
        using var client = await app.CreateClientSignedInAsAsync(app.ReviewerA);
        var notTheirs = app.Visible.First(a => !a.ReviewerIds.Contains(app.ReviewerA.Id));
        var before = await CountTagsAsync();

        using var tag = await client.PostFormAsync("/review", "/review/toolbar", [new("ids", Id(notTheirs)), new("act", "tag"), new("tag", "sneaky")]);
        using var csv = await client.GetAsync($"/review/toolbar/export.csv?ids={Id(notTheirs)}");
        using var email = await client.PostFormAsync("/review", "/review/toolbar/email",
            [new("ids", Id(notTheirs)), new("subject", "Hi"), new("body", "Hi"), new("token", Guid.NewGuid().ToString("N")), new("confirm", "send")]);

        Assert.All(new[] { tag, csv, email }, r => Assert.True(r.StatusCode is HttpStatusCode.Forbidden || r.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true, $"{(int)r.StatusCode} {r.Headers.Location}"));
        Assert.Equal(before, await CountTagsAsync());
        await using var db = app.CreateDbContext();
        Assert.False(await db.EmailMessages.AnyAsync(m => m.Kind == "Message" && m.ApplicationId == notTheirs.Id));
        // The list offers a co-reviewer no toolbar at all.
        Assert.DoesNotContain("data-bulk-toolbar", await DashboardTests.GetOkAsync(client, "/review"), StringComparison.Ordinal);
    }

    private async Task<int> CountTagsAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.ApplicationTags.CountAsync();
    }
}
