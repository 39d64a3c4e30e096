using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Review;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Review.Applications;

/// <summary>Staff, applications, assignments and rubric posts for the reader's tests.</summary>
public static class ReviewTestData
{
    public static readonly byte[] SmallPdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static int _references;

    public static async Task<RecruitUser> CreateStaffAsync(this RecruitAppFactory app, string role, string? displayName = null)
    {
        var user = await app.CreateUserAsync(role);
        if (displayName is not null)
        {
            await using var db = app.CreateDbContext();
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.DisplayName, displayName));
        }

        return user;
    }

    public static async Task AssignAsync(this RecruitAppFactory app, Application application, RecruitUser reviewer)
    {
        await using var db = app.CreateDbContext();
        db.ReviewerAssignments.Add(new ReviewerAssignment { ApplicationId = application.Id, ReviewerId = reviewer.Id, AssignedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    /// <summary>An application of a new applicant (one application each, so intake and program never clash).</summary>
    public static async Task<Application> CreateApplicationAsync(
        this RecruitAppFactory app,
        ApplicationStatus status = ApplicationStatus.UnderReview,
        DateTime? submittedAt = null,
        Action<Application>? fill = null,
        params (DocumentKind Kind, string FileName)[] documents)
    {
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        await using var db = app.CreateDbContext();
        var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
        var created = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var submitted = submittedAt ?? created.AddDays(2);
        var application = new Application
        {
            ApplicantId = applicant.Id,
            IntakeId = intake.Id,
            Program = StudyPrograms.PhD,
            Status = status,
            FullName = "Li Ming",
            ReferenceNumber = $"HZ-2026-R{Interlocked.Increment(ref _references):00000}",
            CreatedAtUtc = created,
            UpdatedAtUtc = created,
            SubmittedAtUtc = submitted,
        };
        application.StatusHistory.Add(new ApplicationStatusChange { From = ApplicationStatus.Draft, To = ApplicationStatus.Submitted, ChangedAtUtc = created.AddDays(2) });
        if (status != ApplicationStatus.Submitted)
        {
            application.StatusHistory.Add(new ApplicationStatusChange { From = ApplicationStatus.Submitted, To = status, ChangedAtUtc = created.AddDays(5) });
        }

        foreach (var (kind, fileName) in documents)
        {
            application.Documents.Add(new ApplicationDocument
            {
                Kind = kind,
                FileName = fileName,
                SizeBytes = SmallPdf.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SmallPdf)),
                UploadedAtUtc = created.AddDays(1),
                Content = new DocumentContent { Bytes = SmallPdf },
            });
        }

        fill?.Invoke(application);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        application.Applicant = applicant;
        return application;
    }

    public static (string Key, string? Value)[] Rubric(string fit, string academic, string skills, string? communication) =>
        [("ResearchFit", fit), ("AcademicRecord", academic), ("Skills", skills), ("Communication", communication)];

    public static IEnumerable<KeyValuePair<string, string>> Fields((string Key, string? Value)[] rubric, params (string Key, string Value)[] more) =>
        rubric.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))
            .Concat(more.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string action, string token, params (string Key, string? Value)[] fields)
    {
        var content = new FormUrlEncodedContent(fields.Where(f => f.Value is not null)
            .Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))
            .Append(new(HtmlForms.AntiforgeryField, token)));
        return client.PostAsync(action, content);
    }

    public static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
