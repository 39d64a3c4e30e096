using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The app on Kestrel (the in-memory test server would pass a HEAD response's body through; Kestrel,
/// like any real server, drops it), with a professor account for the staff pages.
/// </summary>
public sealed class HeadAppFactory : RecruitAppFactory
{
    public const string ProfessorEmail = "han.zhao@recruit.test";

    public HeadAppFactory()
    {
        WithKestrel();
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = "correct lanterns over the huangpu";
    }
}

/// <summary>
/// Link checkers and uptime monitors ask with HEAD: every page that answers GET answers HEAD the
/// same way (status, type, length), without the body.
/// </summary>
public sealed class HeadRequestTests(HeadAppFactory app) : IClassFixture<HeadAppFactory>
{
    /// <summary>{publication}: a publication's slug; {app}: an application; {intake}, {item}, {id}: ids of rows the pages show.</summary>
    public static TheoryData<string> PublicPages() =>
    [
        "/", "/?culture=zh-CN", "/publications", "/publications?year=2024", "/publications/{publication}", "/publications.bib",
        "/publications/{publication}.bib", "/join", "/people", "/contact", "/contact/sent", "/sitemap.xml", "/robots.txt",
        "/apply/signin", "/apply/signin/sent", "/account/signin", "/health/live", "/health/ready", "/error/404",
    ];

    public static TheoryData<string> StaffPages() =>
    [
        "/review", "/review?status=Submitted", "/review/export.csv", "/review/applications/{app}", "/review/applications/{app}/status",
        "/review/bulk?ids={app}&status=Rejected", "/review/templates", "/review/templates/Interview/en", "/review/reviewers",
        "/review/applications/{app}/milestones", "/review/templates/milestones/PendingAdmission/zh-CN", "/review/settings/intakes?prefill=next",
        "/review/emails", "/review/audit", "/review/settings/intakes", "/review/settings/intakes/{intake}", "/review/settings/content",
        "/review/settings/content/profile", "/review/settings/content/accomplishments", "/review/settings/content/accomplishments/{item}",
        "/review/settings/content/publications", "/review/settings/content/publications/new", "/review/settings/content/publications/import",
        "/review/settings/content/publications/{id}", "/review/settings/content/publications/{id}/delete", "/review/settings/content/people", "/account/2fa", "/admin/jobs",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Every_public_page_answers_head_as_it_answers_get_without_a_body(string page)
    {
        using var client = NewClient();

        await AssertHeadMatchesGetAsync(client, await FillAsync(page));
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Every_staff_page_answers_head_as_it_answers_get_without_a_body_for_a_signed_in_professor(string page)
    {
        await using var db = app.CreateDbContext();
        var (name, value) = await app.SignInCookieAsync(await db.Users.SingleAsync(u => u.Email == HeadAppFactory.ProfessorEmail));
        using var client = NewClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{name}={value}");

        await AssertHeadMatchesGetAsync(client, await FillAsync(page));
    }

    [Fact]
    public async Task A_head_request_first_leaves_no_empty_page_in_the_public_page_cache()
    {
        using var client = NewClient();

        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/publications?year=2023")))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }

        var page = await client.GetStringAsync("/publications?year=2023");
        Assert.Contains("</html>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_route_that_answers_get_also_answers_head()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText, Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods))
            .ToList();

        Assert.Contains(endpoints, e => e.Methods?.Contains("GET") == true);
        var getOnly = endpoints.Where(e => e.Methods?.Contains("GET") == true && !e.Methods.Contains("HEAD")).Select(e => e.Pattern).ToList();
        Assert.True(getOnly.Count == 0, "GET without HEAD: " + string.Join(", ", getOnly));
    }

    private static async Task AssertHeadMatchesGetAsync(HttpClient client, string url)
    {
        using var get = await client.GetAsync(url);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        // The page (the error page itself answers 404), or a redirect where GET redirects.
        Assert.True(get.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect || url.StartsWith("/error/", StringComparison.Ordinal), $"GET {url} answered {(int)get.StatusCode}");
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        // As sent: HttpClient would otherwise compute a length from the body it buffered.
        Assert.Equal(SentLength(get), SentLength(head));

        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A plain client on the Kestrel port: redirects not followed, cookies only as a test sets them.</summary>
    private HttpClient NewClient() =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress, Timeout = Patience.Limit };

    private static string? SentLength(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Content-Length", out var values) ? values.ToString() : null;

    private async Task<string> FillAsync(string page)
    {
        if (!page.Contains('{', StringComparison.Ordinal))
        {
            return page;
        }

        await using var db = app.CreateDbContext();
        var publication = await db.Publications.OrderBy(p => p.Id).FirstAsync();
        var item = await db.Accomplishments.OrderBy(a => a.Id).FirstAsync();
        var intake = await db.Intakes.OrderBy(i => i.Id).FirstAsync();
        var application = await db.Applications.OrderBy(a => a.Id).FirstOrDefaultAsync() ?? await AddApplicationAsync(intake.Id);
        return page.Replace("{publication}", publication.Slug, StringComparison.Ordinal)
            .Replace("{id}", publication.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{item}", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{intake}", intake.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{app}", application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private async Task<Application> AddApplicationAsync(int intakeId)
    {
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        await using var db = app.CreateDbContext();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var application = new Application
        {
            ApplicantId = applicant.Id, IntakeId = intakeId, Program = StudyPrograms.PhD, Status = ApplicationStatus.Submitted,
            FullName = "Li Ming", Culture = "en", ReferenceNumber = "HZ-2026-80001", CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = now,
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }
}
