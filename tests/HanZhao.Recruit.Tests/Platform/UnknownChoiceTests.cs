using System.Globalization;
using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.Apply;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// Every posted value that picks what to do (add or remove a tag, assign or unassign, which way to move,
/// which status, what kind of document, which step to go to) is one of the names the page offers, or
/// the request is refused with 400 and nothing changes: "operation=explode" is not "add". Numbers
/// ("1") and flag combinations ("Cv, Other") are not names. A path segment that names no status, language
/// or section is not found.
/// </summary>
public class UnknownChoiceTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    private const string TokenPage = "/contact";

    private static readonly string[] Junk = ["explode", "1", "0", "-1", "Add, Remove", "Cv, Other", "add\u0000", "\u0430dd", "ａｄｄ"];

    public static TheoryData<string, string> Posts()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in new[] { "tag", "assign", "move interest", "move publication", "status", "bulk status", "document kind", "step" })
        {
            foreach (var value in Junk)
            {
                data.Add(endpoint, value);
            }
        }

        // The forms always send these; a post without one is as broken as one with a wrong one.
        data.Add("tag", "");
        data.Add("assign", "");
        data.Add("move interest", "");
        data.Add("status", "");
        data.Add("document kind", "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task An_unknown_choice_is_refused_with_400_and_changes_nothing(string endpoint, string value)
    {
        var (client, action, fields) = await RequestAsync(endpoint, value);
        using var _ = client;
        var before = await SnapshotAsync();

        using var response = endpoint == "document kind"
            ? await client.UploadAsync(int.Parse(action, CultureInfo.InvariantCulture), value, ApplicationFormSteps.Pdf(), "cv.pdf")
            : await client.PostFormAsync(TokenPage, action, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("GET", "/review/templates/3/en")]
    [InlineData("GET", "/review/templates/Interview, Offer/en")]
    [InlineData("GET", "/review/templates/Explode/en")]
    [InlineData("GET", "/review/templates/Interview/xx")]
    [InlineData("POST", "/review/templates/3/en")]
    [InlineData("POST", "/review/templates/Interview/explode")]
    [InlineData("POST", "/review/templates/3/en/restore")]
    [InlineData("GET", "/review/settings/content/interests,education")]
    [InlineData("GET", "/review/settings/content/1")]
    [InlineData("POST", "/review/settings/content/interests, education")]
    public async Task A_path_naming_no_status_language_or_section_is_not_found_and_changes_nothing(string method, string path)
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await SnapshotAsync();

        using var response = method == "GET"
            ? await professor.GetAsync(path)
            : await professor.PostFormAsync(TokenPage, path, [new("subject", "Hacked {name}"), new("body", "Hacked"), new("NameEn", "Hacked")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>A signed-in client, the action (for an upload: the application id) and the fields of a post that is complete but for <paramref name="value"/>.</summary>
    private async Task<(HttpClient, string, List<KeyValuePair<string, string>>)> RequestAsync(string endpoint, string value)
    {
        if (endpoint is "document kind" or "step")
        {
            var applicant = await app.SignedInApplicantAsync($"student-{Guid.NewGuid():N}@example.edu");
            var draft = await applicant.StartAsync();
            return endpoint == "step"
                ? (applicant, $"/apply/{draft}/personal", Fields(("FullName", "Changed Name"), ("go", value)))
                : (applicant, draft.ToString(CultureInfo.InvariantCulture), []);
        }

        var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var application = await app.CreateApplicationAsync(await app.CreateApplicantAsync(), ApplicationStatus.Submitted);
        var id = application.Id.ToString(CultureInfo.InvariantCulture);
        await using var db = app.CreateDbContext();
        return endpoint switch
        {
            "tag" => (professor, $"/review/applications/{id}/tags", Fields(("name", "strong"), ("operation", value))),
            "assign" => (professor, "/review/assign", Fields(("ids", id), ("reviewer", (await app.CreateUserAsync(Roles.Reviewer)).Id), ("operation", value))),
            "move interest" => (professor, $"/review/settings/content/interests/{await db.ResearchInterests.OrderBy(i => i.SortOrder).Select(i => i.Id).LastAsync()}/move",
                Fields(("direction", value))),
            "move publication" => (professor, $"/review/settings/content/publications/{await db.Publications.OrderBy(p => p.Id).Select(p => p.Id).LastAsync()}/move",
                Fields(("direction", value))),
            "status" => (professor, $"/review/applications/{id}/status", Fields(("to", value), ("sendEmail", "true"))),
            _ => (professor, "/review/bulk", Fields(("ids", id), ("status", value), ("sendEmail", "true"))),
        };
    }

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        var statuses = string.Join(',', await db.Applications.OrderBy(a => a.Id).Select(a => a.Status).ToListAsync());
        var names = string.Join(',', await db.Applications.OrderBy(a => a.Id).Select(a => a.FullName).ToListAsync());
        var order = string.Join(',', await db.ResearchInterests.OrderBy(i => i.SortOrder).Select(i => i.Id).ToListAsync())
            + ";" + string.Join(',', await db.Publications.OrderBy(p => p.Year).ThenBy(p => p.SortOrder).Select(p => p.Id).ToListAsync());
        return $"{statuses} {names} {order} tags {await db.ApplicationTags.CountAsync()} assigned {await db.ReviewerAssignments.CountAsync()} "
            + $"documents {await db.ApplicationDocuments.CountAsync()} templates {await db.EmailTemplates.CountAsync()} "
            + $"interests {await db.ResearchInterests.CountAsync()} audit {await db.AuditEntries.CountAsync()} emails {await db.EmailMessages.CountAsync(m => m.Kind != "SignInLink")}";
    }
}
