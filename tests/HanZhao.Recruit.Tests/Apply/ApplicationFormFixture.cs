using System.Net;
using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Tests.Apply.SignIn;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>The app with a professor address for alerts; each test signs in its own applicant.</summary>
public sealed class ApplicationFormApp : RecruitAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";

    public ApplicationFormApp()
    {
        Settings["Recruit:ProfessorEmail"] = ProfessorEmail;
        Settings["Jobs:Enabled"] = "false";
        // Every test signs in applicants from the same test client.
        Settings["Recruit:SignIn:ClientPermitLimit"] = "10000";
    }
}

/// <summary>Small real PDFs and the form posts a browser would send.</summary>
public static class ApplicationFormSteps
{
    public static byte[] Pdf(int size = 2048) => ApplicationDrafts.Pdf(size);

    public static Dictionary<string, Dictionary<string, string>> ValidSteps => ApplicationDrafts.ValidSteps;

    /// <summary>Starts (or continues) an application and returns its id.</summary>
    public static async Task<int> StartAsync(this HttpClient client, string intake = "2026.09", string program = "PhD")
    {
        using var response = await client.GetAsync($"/apply?intake={intake}&program={program}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts a step, with <paramref name="antiforgeryToken"/> or one read from the step's page.</summary>
    public static Task<HttpResponseMessage> SaveStepAsync(
        this HttpClient client, int id, string step, IEnumerable<KeyValuePair<string, string>> fields, string go = "next", string? antiforgeryToken = null) =>
        antiforgeryToken is null
            ? client.PostFormAsync($"/apply/{id}/{step}", $"/apply/{id}/{step}", fields.Append(new("go", go)))
            : client.PostFormAsync($"/apply/{id}/{step}", fields.Append(new("go", go)), antiforgeryToken);

    public static async Task<HttpResponseMessage> UploadAsync(
        this HttpClient client, int id, string kind, byte[] bytes, string fileName, string contentType = "application/pdf", string? antiforgeryToken = null)
    {
        var token = antiforgeryToken ?? await client.GetAntiforgeryTokenAsync($"/apply/{id}/documents");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), HtmlForms.AntiforgeryField },
            { new StringContent(kind), "kind" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new(contentType);
        content.Add(file, "file", fileName);
        return await client.PostAsync($"/apply/{id}/documents", content);
    }

    /// <summary>Fills every step validly, uploads the documents the route requires; returns the application id.</summary>
    public static async Task<int> FillCompleteApplicationAsync(this HttpClient client, RecruitAppFactory app, string intake = "2026.09", string program = "PhD")
    {
        await using var db = app.CreateDbContext();
        return await client.FillCompleteApplicationAsync(await FirstResearchInterestAsync(db), intake, program);
    }

    /// <summary>The research interest the filled-in form chooses.</summary>
    public static Task<int> FirstResearchInterestAsync(HanZhao.Recruit.Data.RecruitDbContext db) =>
        db.ResearchInterests.OrderBy(i => i.SortOrder).Select(i => i.Id).FirstAsync();

    /// <summary>
    /// Fills every step validly, choosing <paramref name="interestId"/>, uploads the documents the route
    /// requires (a CV, a transcript and a ranking certificate);
    /// returns the application id. With <paramref name="antiforgeryToken"/> it posts without first
    /// opening each page (as a browser that keeps the form open would), which load tests need.
    /// </summary>
    public static async Task<int> FillCompleteApplicationAsync(
        this HttpClient client, int interestId, string intake = "2026.09", string program = "PhD", string? antiforgeryToken = null)
    {
        var id = await client.StartAsync(intake, program);
        foreach (var (step, fields) in ValidSteps)
        {
            var values = step switch
            {
                "choice" => fields.Append(new("ResearchInterestIds", interestId.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                "route" => ApplicationDrafts.RouteFor(program),
                _ => fields,
            };
            using var response = await client.SaveStepAsync(id, step, values, antiforgeryToken: antiforgeryToken);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{step}: {(int)response.StatusCode} {PageTextOf(await response.Content.ReadAsStringAsync())}");
        }

        foreach (var (kind, fileName, size) in ApplicationDrafts.RequiredDocuments)
        {
            using var upload = await client.UploadAsync(id, kind, Pdf(size), fileName, antiforgeryToken: antiforgeryToken);
            Assert.True(upload.StatusCode == HttpStatusCode.Redirect, $"{kind}: {(int)upload.StatusCode} {PageTextOf(await upload.Content.ReadAsStringAsync())}");
        }

        return id;
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, int id, bool consent = true, string? honeypot = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (consent)
        {
            fields.Add(new("consent", "true"));
        }

        if (honeypot is not null)
        {
            fields.Add(new("website", honeypot));
        }

        return client.PostFormAsync($"/apply/{id}/review", $"/apply/{id}/submit", fields);
    }

    private static string PageTextOf(string html) => PublicSite.PageText.Of(html) is var text && text.Length > 600 ? text[..600] : PublicSite.PageText.Of(html);

    public static async Task<Application> LoadAsync(RecruitAppFactory app, int id)
    {
        await using var db = app.CreateDbContext();
        return await db.Applications.AsNoTracking().Include(a => a.Documents).Include(a => a.StatusHistory).SingleAsync(a => a.Id == id);
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}

public static class ApplicantSessions
{
    /// <summary>Signs the client in as an applicant the way a person does: request a link, open it, press Continue.</summary>
    public static async Task<HttpClient> SignedInApplicantAsync(this RecruitAppFactory app, string email)
    {
        var client = app.CreateHttpsClient();
        using (var request = await client.RequestLinkAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        }

        using var confirm = await client.UseLinkAsync(await app.LatestLinkAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        return client;
    }
}
