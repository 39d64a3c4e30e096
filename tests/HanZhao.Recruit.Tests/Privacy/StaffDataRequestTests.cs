using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Privacy;

public class StaffDataRequestTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_professor_exports_an_applicants_data_and_the_export_is_audited_without_personal_data()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var seeded = await app.ApplicantWithEverythingAsync(professor);
        using var client = await app.CreateClientSignedInAsAsync(professor);

        using var response = await client.GetAsync($"/review/applicants/{seeded.Applications[1].Id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == PersonalDataRequests.ExportedAction && e.Target == PersonalDataErasure.Target(seeded.Applications[1].Id));
        Assert.Null(entry.Details);
        Assert.Contains($"href=\"/review/applicants/{seeded.Applications[0].Id}/erase\"",
            await client.GetStringAsync($"/review/applications/{seeded.Applications[0].Id}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "yes")]
    [InlineData("RequestReceived", "")]
    [InlineData("Retention", "yes")]
    [InlineData("1", "yes")]
    [InlineData("requestreceived", "yes")]
    public async Task An_erasure_without_a_listed_reason_or_the_tick_is_refused_and_nothing_changes(string reason, string confirm)
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var seeded = await app.ApplicantWithEverythingAsync(professor, applications: 1);
        using var client = await app.CreateClientSignedInAsAsync(professor);
        var path = $"/review/applicants/{seeded.Applications[0].Id}/erase";

        using var response = await client.PostFormAsync(path, path, [new("Reason", reason), new("Confirm", confirm)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await app.RowsLeftAsync(seeded), row => row.Key == "Applications" && row.Value == 1);
    }

    [Fact]
    public async Task The_professor_erases_on_request_and_a_replayed_post_is_told_it_is_done_already()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var seeded = await app.ApplicantWithEverythingAsync(professor);
        using var client = await app.CreateClientSignedInAsAsync(professor);
        var path = $"/review/applicants/{seeded.Applications[0].Id}/erase";
        var token = await client.GetAntiforgeryTokenAsync(path);
        KeyValuePair<string, string>[] form = [new("Reason", "RequestReceived"), new("Confirm", "yes")];

        using var response = await client.PostFormAsync(path, form, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data has been erased</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(await app.RowsLeftAsync(seeded), row => Assert.True(row.Value == 0, $"{row.Key} keeps {row.Value} rows"));
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.CountAsync();

        using var replay = await client.PostFormAsync(path, form, token);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("data has been erased already. Nothing more was changed.", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(audit, await db.AuditEntries.CountAsync());
        var erased = await db.AuditEntries.SingleAsync(e => e.Action == PersonalDataErasure.ErasedAction && e.Target == PersonalDataErasure.Target(seeded.Applications[0].Id));
        Assert.Equal(professor.Id, erased.UserId);
    }

    [Theory]
    [InlineData("GET", "/review/applicants/999999/export")]
    [InlineData("GET", "/review/applicants/999999/erase")]
    [InlineData("POST", "/review/applicants/999999/erase")]
    [InlineData("GET", "/review/applicants/abc/erase")]
    public async Task A_forged_id_is_not_found(string method, string path)
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        using var client = await app.CreateClientSignedInAsAsync(professor);

        using var response = method == "GET"
            ? await client.GetAsync(path)
            : await client.PostFormAsync("/review", path, [new("Reason", "RequestReceived"), new("Confirm", "yes")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_co_reviewer_assigned_to_the_application_may_neither_export_nor_erase()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        var seeded = await app.ApplicantWithEverythingAsync(professor, applications: 1);
        using var client = await app.CreateClientSignedInAsAsync(reviewer);
        var path = $"/review/applicants/{seeded.Applications[0].Id}/erase";

        using var export = await client.GetAsync($"/review/applicants/{seeded.Applications[0].Id}/export");
        using var erase = await client.PostFormAsync("/review", path, [new("Reason", "RequestReceived"), new("Confirm", "yes")]);

        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
        Assert.True(erase.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{erase.StatusCode}");
        Assert.Contains(await app.RowsLeftAsync(seeded), row => row.Key == "Applications" && row.Value == 1);
    }
}
