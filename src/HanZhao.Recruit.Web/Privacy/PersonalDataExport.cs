using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Applicant;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Privacy;

/// <summary>
/// Everything held about one applicant, as a ZIP: <c>data.json</c> (their applications with every
/// field they gave, the status history as they saw it, the consent, the official steps, their
/// referees, their interview time, the emails sent to them) and their own documents, byte for byte,
/// under <c>documents/</c>. Letters whose access the applicant waived are left out entirely (their
/// existence is listed, not their text); reviewers' notes, scores, tags and interview ratings are
/// never read. The same ZIP for the applicant (/applicant/data) and the professor (on request).
/// </summary>
public sealed class PersonalDataExport(RecruitDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The ZIP's bytes, or null when there is no such applicant.</summary>
    public async Task<byte[]?> BuildAsync(string applicantId, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == applicantId)
            .Select(u => new { u.Email, u.PreferredCulture, u.CreatedAtUtc }).SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var applications = await db.Applications.AsNoTracking()
            .Include(a => a.Intake).Include(a => a.StatusHistory).Include(a => a.Milestones).Include(a => a.Documents).Include(a => a.Interests)
            .Where(a => a.ApplicantId == applicantId).OrderBy(a => a.Id)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var ids = applications.Select(a => a.Id).ToList();
        var letters = await db.LetterRequests.AsNoTracking().Include(r => r.Content)
            .Where(r => ids.Contains(r.ApplicationId)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var bookings = await db.InterviewBookings.AsNoTracking()
            .Where(b => ids.Contains(b.ApplicationId))
            .Join(db.InterviewSlots, b => b.SlotId, s => s.Id, (b, s) => new { b.ApplicationId, s.StartsAtUtc, s.LengthMinutes, s.Mode, s.Location, b.BookedAtUtc })
            .ToListAsync(cancellationToken);
        var email = account.Email ?? string.Empty;
        var emails = await db.EmailMessages.AsNoTracking()
            .Where(m => m.ToAddress == email || m.SentTo == email)
            .OrderBy(m => m.CreatedAtUtc)
            .Select(m => new { m.Subject, m.CreatedAtUtc, m.SentAtUtc, m.TextBody, m.ApplicationId })
            .ToListAsync(cancellationToken);

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var documents = new List<object>();
            foreach (var application in applications)
            {
                foreach (var document in application.Documents.OrderBy(d => d.Kind).ThenBy(d => d.Slot))
                {
                    var path = $"documents/{Folder(application)}/{document.Kind.ToString().ToLowerInvariant()}-{document.Slot + 1}-{DocumentResponse.SafeName(document.FileName)}";
                    var bytes = await db.DocumentContents.AsNoTracking().Where(c => c.DocumentId == document.Id)
                        .Select(c => c.Bytes).SingleOrDefaultAsync(cancellationToken) ?? [];
                    await AddAsync(zip, path, bytes, cancellationToken);
                    documents.Add(new { application.Id, Path = path, document.Kind, document.FileName, document.SizeBytes, document.Sha256, document.UploadedAtUtc });
                }
            }

            var open = new List<object>();
            foreach (var letter in letters.Where(l => !l.ApplicantWaivedAccess && l.Content is not null))
            {
                var path = $"documents/letters/letter-{letter.Id}-{DocumentResponse.SafeName(letter.Content!.FileName)}";
                await AddAsync(zip, path, letter.Content.Bytes, cancellationToken);
                open.Add(path);
            }

            var data = new
            {
                ExportedAtUtc = clock.GetUtcNow().UtcDateTime,
                Account = new { Email = email, Language = account.PreferredCulture, account.CreatedAtUtc },
                Applications = applications.Select(a => Describe(a, letters.Where(l => l.ApplicationId == a.Id), bookings.Where(b => b.ApplicationId == a.Id))),
                Documents = documents,
                OpenLetters = open,
                EmailsSentToYou = emails.Select(m => new { m.Subject, m.CreatedAtUtc, m.SentAtUtc, m.ApplicationId, Body = m.TextBody }),
            };
            await AddAsync(zip, "data.json", JsonSerializer.SerializeToUtf8Bytes(data, Json), cancellationToken);
        }

        return output.ToArray();
    }

    private static object Describe(Application a, IEnumerable<Data.Letters.LetterRequest> letters, IEnumerable<object> interviews) => new
    {
        a.Id,
        a.ReferenceNumber,
        Intake = a.Intake?.Code,
        a.Program,
        a.Route,
        a.Status,
        a.Culture,
        a.FullName,
        a.ChineseName,
        a.Phone,
        a.Institution,
        a.Degree,
        a.Major,
        a.Gpa,
        a.GpaScale,
        a.GpaPercent,
        a.RankPosition,
        a.CohortSize,
        a.ExpectedGraduation,
        // "1,3" as exports before the interests had their own table wrote it.
        ResearchInterestIds = string.Join(',', a.Interests.Select(i => i.ResearchInterestId).Order()),
        a.OtherInterests,
        a.ResearchExperience,
        a.Projects,
        a.Publications,
        a.EnglishTest,
        a.EnglishScore,
        a.RecommendationEligibility,
        a.SummerCamps,
        a.OfficialStepExpectedOn,
        a.Statement,
        Consent = new { AtUtc = a.ConsentedAtUtc, Version = a.ConsentVersion, Text = a.ConsentText },
        a.CreatedAtUtc,
        a.UpdatedAtUtc,
        a.SubmittedAtUtc,
        // As the applicant saw it on their page: when and what, not which staff member.
        StatusHistory = a.StatusHistory.OrderBy(c => c.ChangedAtUtc).Select(c => new { c.From, c.To, c.ChangedAtUtc }),
        OfficialSteps = a.Milestones.OrderBy(m => m.OccurredOn).Select(m => new { m.Kind, m.OccurredOn, m.RespondByUtc }),
        Referees = letters.Select(l => new
        {
            l.RefereeName,
            l.RefereeEmail,
            l.RefereeInstitution,
            l.Relationship,
            l.State,
            l.RequestedAtUtc,
            WaivedAccess = l.ApplicantWaivedAccess,
            // A letter the applicant did not waive is theirs to read; a waived one stays closed.
            LetterText = l.ApplicantWaivedAccess ? null : l.LetterText,
        }),
        Interview = interviews,
    };

    private static string Folder(Application application) =>
        DocumentResponse.SafeSegment(application.ReferenceNumber) is { Length: > 0 } reference
            ? reference
            : string.Create(CultureInfo.InvariantCulture, $"draft-{application.Id}");

    private static async Task AddAsync(ZipArchive zip, string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        await using var stream = entry.Open();
        await stream.WriteAsync(bytes, cancellationToken);
    }
}
