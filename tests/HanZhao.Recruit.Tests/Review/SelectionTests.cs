using System.Globalization;
using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Tests.Review.Decisions;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review;

/// <summary>
/// Every endpoint that takes a list of ticked applications (Review/Selection.cs) refuses an empty,
/// repeated, oversized or non-numeric list with 400 and a message saying what is wrong, and changes
/// nothing: no status, no assignment, no export, no email.
/// </summary>
public class SelectionTests(DecisionAppFactory app) : IClassFixture<DecisionAppFactory>
{
    private const string TokenPage = "/contact";

    private static readonly string TooMany = string.Join(',', Enumerable.Range(1, 1001));

    /// <summary>The endpoints, each with what else it needs to be a complete request.</summary>
    private static readonly (string Method, string Path, string Others)[] Endpoints =
    [
        ("GET", "/review/documents.zip", ""),
        ("GET", "/review/bulk", "status=Interview"),
        ("POST", "/review/bulk", "status=UnderReview&sendEmail=false"),
        ("POST", "/review/assign", "reviewer={reviewer}&operation=assign"),
    ];

    /// <summary>Id lists as a query string ("{id}" is an application the professor may see) and the message each gets.</summary>
    private static readonly (string Ids, string Message)[] Lists =
    [
        ("", "Select at least one application."),
        ("ids=", "Select at least one application."),
        ("ids=%20,%20", "Select at least one application."),
        ("ids=abc", "The selection can only hold application numbers."),
        ("ids={id},abc", "The selection can only hold application numbers."),
        ("ids={id},-1", "The selection can only hold application numbers."),
        ("ids=0", "The selection can only hold application numbers."),
        ("ids=99999999999999999999", "The selection can only hold application numbers."),
        ("ids=1e3", "The selection can only hold application numbers."),
        ("ids={id};{id}", "The selection can only hold application numbers."),
        ("ids={id},{id}", "The selection names an application more than once."),
        ("ids={id}&ids={id}", "The selection names an application more than once."),
        ("ids=" + TooMany, "Select at most 1,000 applications at a time."),
        (string.Join('&', Enumerable.Range(1, 1001).Select(i => $"ids={i}")), "Select at most 1,000 applications at a time."),
        // Posted, more values than a form may have (1024): the form is refused before anything reads it.
        (string.Join('&', Enumerable.Range(1, 5000).Select(i => $"ids={i}")), "The request could not be accepted"),
    ];

    public static TheoryData<string, string, string, string> Requests()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (method, path, others) in Endpoints)
        {
            foreach (var (ids, message) in Lists)
            {
                data.Add(method, path, string.Join('&', new[] { ids, others }.Where(p => p.Length > 0)), message);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_selection_that_is_empty_repeated_oversized_or_not_numbers_is_refused_with_400_and_changes_nothing(
        string method, string path, string query, string message)
    {
        var (application, reviewer) = await TargetsAsync();
        query = query.Replace("{id}", application.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{reviewer}", Uri.EscapeDataString(reviewer.Id), StringComparison.Ordinal);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await SnapshotAsync();

        using var response = method == "GET"
            ? await professor.GetAsync(path + "?" + query)
            : await professor.PostFormAsync(TokenPage, path, Fields(query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_message_is_in_chinese_for_a_chinese_professor()
    {
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await professor.GetAsync("/review/documents.zip?ids=abc&culture=zh-CN");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("所选内容只能是申请编号。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(Application Application, RecruitUser Reviewer)> TargetsAsync() =>
        (await app.CreateApplicationAsync(await app.CreateApplicantAsync(), ApplicationStatus.Submitted, documents: [(DocumentKind.Cv, "cv.pdf", PortalTestAccounts.SmallPdf)]),
            await app.CreateUserAsync(Roles.Reviewer));

    private static List<KeyValuePair<string, string>> Fields(string query) =>
        [.. query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : "")))];

    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        var statuses = string.Join(',', await db.Applications.OrderBy(a => a.Id).Select(a => a.Status).ToListAsync());
        return $"{statuses} {await db.ReviewerAssignments.CountAsync()} {await db.AuditEntries.CountAsync()} {await db.EmailMessages.CountAsync()}";
    }
}
