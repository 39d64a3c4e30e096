using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>
/// The documents step asks for documents by name: a box for the CV, the transcript and each document
/// the route needs (AdmissionRouteGuide.RequiredDocuments), and one for up to three others. Submitting
/// without one lists it by name; uploading it satisfies it. The upload rules themselves are unchanged.
/// </summary>
public partial class DocumentsByRouteTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    public static TheoryData<string, string, string?, string?> Routes() => new()
    {
        { "PhD", "DirectPhd", "RankingCertificate", "Upload your ranking certificate (排名证明)." },
        { "PhD", "MasterToPhd", "ResearchProposal", "Upload your research proposal." },
        { "PhD", "ApplicationAssessment", "ResearchProposal", "Upload your research proposal." },
        { "PhD", "InternationalPhd", "EnglishCertificate", "Upload your English test score report." },
        { "Master", "Recommended", "RankingCertificate", "Upload your ranking certificate (排名证明)." },
        { "Master", "NationalExam", null, null },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Submitting_without_a_document_the_route_requires_names_it_and_uploading_it_lets_the_application_through(
        string program, string route, string? required, string? missing)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.FillCompleteApplicationAsync(app, "2026.09", program);
        using (var chosen = await client.SaveStepAsync(id, "route",
                   ApplicationFormSteps.ValidSteps["route"].Where(f => f.Key != "Route").Append(new("Route", route))))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        // Only the CV and the transcript: the ranking certificate the helper uploaded goes, unless this route needs it.
        await using (var db = app.CreateDbContext())
        {
            await db.ApplicationDocuments.Where(d => d.ApplicationId == id && d.Kind != DocumentKind.Cv && d.Kind != DocumentKind.Transcript).ExecuteDeleteAsync();
        }

        var documents = await client.GetStringAsync($"/apply/{id}/documents");
        Assert.Equal(["Cv", "Transcript", .. required is null ? Array.Empty<string>() : [required], "Other"], Boxes(documents));

        using var submit = await client.SubmitAsync(id);

        if (required is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Contains(missing!, PageText.Of(await client.GetStringAsync($"/apply/{id}/review")), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, (await ApplicationFormSteps.LoadAsync(app, id)).Status);

        using var upload = await client.UploadAsync(id, required, ApplicationFormSteps.Pdf(), "required.pdf");
        using var again = await client.SubmitAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains((await ApplicationFormSteps.LoadAsync(app, id)).Documents, d => d.Kind.ToString() == required);
    }

    [Fact]
    public async Task An_uploaded_document_shows_a_check_mark_with_its_name_size_and_pages_in_its_own_box()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();
        using (var route = await client.SaveStepAsync(id, "route", ApplicationFormSteps.ValidSteps["route"], go: "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, route.StatusCode);
        }

        using var upload = await client.UploadAsync(id, "RankingCertificate", ApplicationFormSteps.Pdf(4096), "排名证明.pdf");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var html = await client.GetStringAsync($"/apply/{id}/documents");
        var box = BoxHtml().Match(html[html.IndexOf("data-document-box=\"RankingCertificate\"", StringComparison.Ordinal)..]).Value;
        Assert.Contains("document-done", html[..html.IndexOf("data-document-box=\"RankingCertificate\"", StringComparison.Ordinal)][^80..], StringComparison.Ordinal);
        var text = PageText.Of("<body>" + box);
        Assert.Contains("✓", text, StringComparison.Ordinal);
        Assert.Contains("排名证明.pdf (4 KB, 1 page)", text, StringComparison.Ordinal);
        Assert.Contains("Replace", text, StringComparison.Ordinal);
        Assert.DoesNotContain("✓", PageText.Of("<body>" + BoxHtml().Match(html[html.IndexOf("data-document-box=\"Cv\"", StringComparison.Ordinal)..]).Value), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ResearchProposal")]
    [InlineData("EnglishCertificate")]
    public async Task A_document_the_route_does_not_ask_for_is_refused_and_nothing_is_stored(string kind)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync("2026.09", "Master");
        using (var route = await client.SaveStepAsync(id, "route", [new("Route", "NationalExam")], go: "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, route.StatusCode);
        }

        using var upload = await client.UploadAsync(id, kind, ApplicationFormSteps.Pdf(), "extra.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Contains("Choose what kind of document this is.", PageText.Of(await upload.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty((await ApplicationFormSteps.LoadAsync(app, id)).Documents);
    }

    [Fact]
    public async Task A_refused_file_gets_its_message_in_the_box_it_was_for()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.StartAsync();

        using var upload = await client.UploadAsync(id, "Transcript", "not a pdf"u8.ToArray(), "transcript.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        var html = await upload.Content.ReadAsStringAsync();
        Assert.Matches("<span class=\"field-error\" id=\"e-file-Transcript\">The file is not a PDF", html);
        Assert.Contains("<a href=\"#f-file-Transcript\">The file is not a PDF", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\" id=\"e-file-Cv\"></span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_left_from_an_earlier_route_is_listed_to_remove_and_not_required()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Applicant);
        var id = await client.FillCompleteApplicationAsync(app, "2026.09", "Master");
        using (var route = await client.SaveStepAsync(id, "route", [new("Route", "NationalExam"), new("OfficialStepExpectedOn", "2025-12-20")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, route.StatusCode);
        }

        var text = PageText.Of(await client.GetStringAsync($"/apply/{id}/documents"));
        using var submit = await client.SubmitAsync(id);

        Assert.Contains("Ranking certificate (排名证明) ranking.pdf (not needed for your route) Remove", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
    }

    private static List<string> Boxes(string html) => [.. BoxName().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-document-box=\"(\\w+)\"")]
    private static partial Regex BoxName();

    [GeneratedRegex("^.*?</section>", RegexOptions.Singleline)]
    private static partial Regex BoxHtml();
}
