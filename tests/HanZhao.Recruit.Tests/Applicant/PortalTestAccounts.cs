using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Applicant;

/// <summary>
/// The app with one test-only endpoint that signs the client in as a given user, so the applicant's
/// page can be tested without the email-link sign-in (which has its own tests).
/// </summary>
public class PortalAppFactory : RecruitAppFactory
{
    public const string SignInPath = "/test/portal/signin";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, AppendSignInEndpoint>());
    }

    private sealed class AppendSignInEndpoint : IStartupFilter
    {
        // After the app's own pipeline: reached only by a path no endpoint of the app answers.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Path != SignInPath)
                {
                    await nextMiddleware(context);
                    return;
                }

                var signIn = context.RequestServices.GetRequiredService<SignInManager<RecruitUser>>();
                var user = await signIn.UserManager.FindByIdAsync(context.Request.Query["userId"].ToString())
                    ?? throw new InvalidOperationException("No such user.");
                await signIn.SignInAsync(user, isPersistent: false);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            });
        };
    }
}

/// <summary>Applicants and their applications, made directly through the app's services and database.</summary>
public static class PortalTestAccounts
{
    /// <summary>A tiny but real PDF: header, one empty page, trailer.</summary>
    public static readonly byte[] SmallPdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static int _references = 10000;

    public static async Task<RecruitUser> CreateApplicantAsync(this RecruitAppFactory app, string culture = "en", string role = Roles.Applicant)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>();
        var email = $"applicant-{Guid.NewGuid():N}@example.com";
        var user = new RecruitUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            PreferredCulture = culture,
            CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
        };
        AssertSucceeded(await users.CreateAsync(user));
        AssertSucceeded(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>A client signed in as <paramref name="user"/> (https, redirects not followed).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this PortalAppFactory app, RecruitUser user)
    {
        var client = app.CreateHttpsClient();
        using var response = await client.GetAsync($"{PortalAppFactory.SignInPath}?userId={Uri.EscapeDataString(user.Id)}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    /// <summary>
    /// An application of <paramref name="applicant"/> in <paramref name="status"/>, with the history
    /// that leads there and the given documents. Each call uses a different intake/program pair,
    /// as the model allows one application per applicant, intake and program.
    /// </summary>
    public static async Task<Application> CreateApplicationAsync(
        this RecruitAppFactory app,
        RecruitUser applicant,
        ApplicationStatus status,
        string culture = "en",
        params (DocumentKind Kind, string FileName, byte[] Bytes)[] documents)
    {
        await using var db = app.CreateDbContext();
        var taken = await db.Applications.Where(a => a.ApplicantId == applicant.Id).Select(a => new { a.IntakeId, a.Program }).ToListAsync();
        var intakes = await db.Intakes.OrderBy(i => i.Code).ToListAsync();
        var (intake, program) = intakes
            .SelectMany(i => new[] { (Intake: i, Program: StudyPrograms.PhD), (Intake: i, Program: StudyPrograms.Master) })
            .First(pair => !taken.Any(t => t.IntakeId == pair.Intake.Id && t.Program == pair.Program));

        var created = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var submitted = status == ApplicationStatus.Draft ? (DateTime?)null : created.AddDays(2);
        var application = new Application
        {
            ApplicantId = applicant.Id,
            IntakeId = intake.Id,
            Program = program,
            Status = status,
            Culture = culture,
            FullName = "Li Ming",
            ReferenceNumber = submitted is null ? null : $"HZ-2026-{Interlocked.Increment(ref _references)}",
            CreatedAtUtc = created,
            UpdatedAtUtc = created,
            SubmittedAtUtc = submitted,
        };
        var when = created.AddDays(2);
        foreach (var step in PathTo(status))
        {
            application.StatusHistory.Add(new ApplicationStatusChange { From = step.From, To = step.To, ChangedAtUtc = when });
            when = when.AddDays(3);
        }

        foreach (var (kind, fileName, bytes) in documents)
        {
            application.Documents.Add(new ApplicationDocument
            {
                Kind = kind,
                // Each document of a kind takes the next free place, as uploads do.
                Slot = application.Documents.Count(d => d.Kind == kind),
                FileName = fileName,
                SizeBytes = bytes.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
                UploadedAtUtc = created.AddDays(1),
                Content = new DocumentContent { Bytes = bytes },
            });
        }

        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }

    private static IEnumerable<(ApplicationStatus From, ApplicationStatus To)> PathTo(ApplicationStatus status)
    {
        ApplicationStatus[] path = status switch
        {
            ApplicationStatus.Draft => [ApplicationStatus.Draft],
            ApplicationStatus.Submitted => [ApplicationStatus.Draft, ApplicationStatus.Submitted],
            ApplicationStatus.UnderReview => [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.UnderReview],
            ApplicationStatus.Interview => [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.Interview],
            ApplicationStatus.Accepted or ApplicationStatus.Declined =>
                [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.Offer, status],
            _ => [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.UnderReview, status],
        };
        return path.Zip(path.Skip(1));
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
