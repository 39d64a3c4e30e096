using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Interest;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Tests.Applicant;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Privacy;

/// <summary>An applicant with a row in every table that can hold something of theirs, written through the app's own context.</summary>
public static class PrivacySeed
{
    public sealed record Seeded(RecruitUser Applicant, string Name, string Email, IReadOnlyList<Application> Applications, byte[] Cv, byte[] WaivedLetter, byte[] OpenLetter);

    public static async Task<Seeded> ApplicantWithEverythingAsync(this PortalAppFactory app, RecruitUser staff, int applications = 2)
    {
        var applicant = await app.CreateApplicantAsync();
        var name = "Qiu" + Guid.NewGuid().ToString("N")[..10];
        var cv = TestBytes("cv " + name);
        var made = new List<Application>();
        for (var i = 0; i < applications; i++)
        {
            made.Add(await app.CreateApplicationAsync(applicant, i == 0 ? ApplicationStatus.UnderReview : ApplicationStatus.Submitted, documents:
                [(DocumentKind.Cv, $"cv-{i}.pdf", i == 0 ? cv : TestBytes($"second {i} {name}")), (DocumentKind.Transcript, "transcript.pdf", TestBytes($"transcript {i}"))]));
        }

        var waived = TestBytes("waived letter about " + name);
        var open = TestBytes("open letter about " + name);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await db.Applications.Where(a => a.ApplicantId == applicant.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.FullName, name).SetProperty(a => a.Phone, "+86 139 0000 " + name[^4..]));
        var first = made[0].Id;
        db.ApplicationNotes.Add(new ApplicationNote { ApplicationId = first, AuthorId = staff.Id, Text = "Private note on " + name, CreatedAtUtc = now });
        db.ApplicationScores.Add(new ApplicationScore { ApplicationId = first, ReviewerId = staff.Id, ResearchFit = 4, AcademicRecord = 4, Skills = 4, Communication = 4, Comment = "secret-score-comment", UpdatedAtUtc = now });
        db.ApplicationTags.Add(new ApplicationTag { ApplicationId = first, Name = "secret-tag" });
        db.ReviewerAssignments.Add(new ReviewerAssignment { ApplicationId = first, ReviewerId = staff.Id, AssignedAtUtc = now });
        db.ApplicationMilestones.Add(new ApplicationMilestone { ApplicationId = first, Kind = MilestoneKind.OfficialApplication, OccurredOn = new DateOnly(2026, 3, 1), RecordedAtUtc = now });
        if (made.Count > 1)
        {
            db.DuplicateDismissals.Add(new DuplicateDismissal { FirstApplicationId = first, SecondApplicationId = made[1].Id, DismissedById = staff.Id, DismissedAtUtc = now });
        }

        foreach (var (bytes, waivedAccess) in new[] { (waived, true), (open, false) })
        {
            db.LetterRequests.Add(new LetterRequest
            {
                ApplicationId = first, RefereeName = "Prof. Ref", RefereeEmail = $"ref-{Guid.NewGuid():N}@uni.example", RefereeInstitution = "Uni", Relationship = "Advisor",
                ApplicantWaivedAccess = waivedAccess, State = LetterState.Received, RequestedAtUtc = now, ExpiresAtUtc = now.AddDays(30),
                LetterText = (waivedAccess ? "waived-letter-text " : "open-letter-text ") + name,
                Links = [new LetterLink { TokenHash = Guid.NewGuid().ToString("N"), IssuedAtUtc = now }],
                Content = new LetterContent { FileName = "letter.pdf", Bytes = bytes, SizeBytes = bytes.Length, Sha256 = "x", PageCount = 1 },
            });
        }

        var intakeId = made[0].IntakeId;
        var slot = new InterviewSlot { IntakeId = intakeId, StartsAtUtc = now.AddDays(10), LengthMinutes = 30, Location = "Room 1", CreatedAtUtc = now };
        db.InterviewSlots.Add(slot);
        db.InterviewInvitations.Add(new InterviewInvitation { ApplicationId = first, IntakeId = intakeId, InvitedById = staff.Id, InvitedAtUtc = now, CalendarUid = Guid.NewGuid().ToString("N"), OutcomeNotes = "interview-notes " + name });
        await db.SaveChangesAsync();
        db.InterviewBookings.Add(new InterviewBooking { ApplicationId = first, SlotId = slot.Id, Seat = 1, BookedAtUtc = now });
        db.EmailMessages.Add(Email(applicant.Email!, name, first, "About your application " + name));
        db.EmailMessages.Add(Email(applicant.Email!, name, null, "Your sign-in link"));
        db.EmailMessages.Add(Email("professor@lab.example", null, null, "Digest: new application from " + name));
        db.SignInLinks.Add(new SignInLink { NormalizedEmail = applicant.Email!.ToUpperInvariant(), TokenHash = Guid.NewGuid().ToString("N"), CreatedAtUtc = now, ExpiresAtUtc = now.AddMinutes(15) });
        db.InterestRegistrations.Add(new InterestRegistration { Email = applicant.Email!, Name = name, ConfirmTokenHash = Guid.NewGuid().ToString("N"), UnsubscribeTokenHash = Guid.NewGuid().ToString("N"), CreatedAtUtc = now });
        db.AuditEntries.Add(new AuditEntry { AtUtc = now, UserId = staff.Id, Action = "Note", Target = $"Application {first}", Details = "Private note on " + name });
        db.AuditEntries.Add(new AuditEntry { AtUtc = now, UserId = applicant.Id, UserEmail = applicant.Email, Action = "LetterRequested", Target = $"Application {first}", Details = "Referee x" });
        db.AuditEntries.Add(new AuditEntry { AtUtc = now, UserId = staff.Id, Action = "Export", Target = "Documents", Details = $"documents.zip of {made[0].ReferenceNumber} for {name}" });
        await db.SaveChangesAsync();
        return new Seeded(applicant, name, applicant.Email!, made, cv, waived, open);
    }

    /// <summary>Bytes that are unique to the test and contain the given text (a stand-in for a PDF).</summary>
    public static byte[] TestBytes(string text) => [.. PortalTestAccounts.SmallPdf, .. System.Text.Encoding.UTF8.GetBytes("%" + text + "\n")];

    private static EmailMessage Email(string to, string? toName, int? applicationId, string subject) => new()
    {
        Id = Guid.NewGuid(),
        Kind = "Test",
        ToAddress = to,
        ToName = toName,
        Subject = subject,
        TextBody = subject + " body",
        HtmlBody = "<p>" + subject + "</p>",
        ApplicationId = applicationId,
        Status = EmailStatus.Sent,
        CreatedAtUtc = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        NextAttemptAtUtc = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        SentAtUtc = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>Rows anywhere that still belong to the applicant or their applications (0 after erasure).</summary>
    public static async Task<Dictionary<string, int>> RowsLeftAsync(this RecruitAppFactory app, Seeded seeded)
    {
        await using var db = app.CreateDbContext();
        var ids = seeded.Applications.Select(a => a.Id).ToList();
        var letters = db.LetterRequests.Where(r => ids.Contains(r.ApplicationId)).Select(r => r.Id);
        var documents = db.ApplicationDocuments.Where(d => ids.Contains(d.ApplicationId)).Select(d => d.Id);
        var email = seeded.Email;
        var normalized = email.ToUpperInvariant();
        return new Dictionary<string, int>
        {
            ["Applications"] = await db.Applications.CountAsync(a => ids.Contains(a.Id) || a.ApplicantId == seeded.Applicant.Id),
            ["ApplicationDocuments"] = await documents.CountAsync(),
            ["DocumentContents"] = await db.DocumentContents.CountAsync(c => documents.Contains(c.DocumentId)),
            ["ApplicationStatusChanges"] = await db.ApplicationStatusChanges.CountAsync(c => ids.Contains(c.ApplicationId)),
            ["ApplicationMilestones"] = await db.ApplicationMilestones.CountAsync(m => ids.Contains(m.ApplicationId)),
            ["LetterRequests"] = await letters.CountAsync(),
            ["LetterLinks"] = await db.LetterLinks.CountAsync(l => letters.Contains(l.LetterRequestId)),
            ["LetterContents"] = await db.LetterContents.CountAsync(c => letters.Contains(c.LetterRequestId)),
            ["InterviewInvitations"] = await db.InterviewInvitations.CountAsync(i => ids.Contains(i.ApplicationId)),
            ["InterviewBookings"] = await db.InterviewBookings.CountAsync(b => ids.Contains(b.ApplicationId)),
            ["ApplicationNotes"] = await db.ApplicationNotes.CountAsync(n => ids.Contains(n.ApplicationId)),
            ["ApplicationScores"] = await db.ApplicationScores.CountAsync(s => ids.Contains(s.ApplicationId)),
            ["ApplicationTags"] = await db.ApplicationTags.CountAsync(t => ids.Contains(t.ApplicationId)),
            ["ReviewerAssignments"] = await db.ReviewerAssignments.CountAsync(a => ids.Contains(a.ApplicationId)),
            ["DuplicateDismissals"] = await db.DuplicateDismissals.CountAsync(d => ids.Contains(d.FirstApplicationId) || ids.Contains(d.SecondApplicationId)),
            ["EmailMessages"] = await db.EmailMessages.CountAsync(m => (m.ApplicationId != null && ids.Contains(m.ApplicationId.Value)) || m.ToAddress == email),
            ["Users"] = await db.Users.CountAsync(u => u.Id == seeded.Applicant.Id || u.Email == email),
            ["UserRoles"] = await db.UserRoles.CountAsync(r => r.UserId == seeded.Applicant.Id),
            ["UserSessions"] = await db.UserSessions.CountAsync(s => s.UserId == seeded.Applicant.Id),
            ["SignInLinks"] = await db.SignInLinks.CountAsync(l => l.NormalizedEmail == normalized),
            ["InterestRegistrations"] = await db.InterestRegistrations.CountAsync(r => r.Email == email),
            ["AuditEntries naming them"] = await db.AuditEntries.CountAsync(e =>
                (e.Details != null && (e.Details.Contains(seeded.Name) || e.Details.Contains(email))) || e.UserEmail == email || (e.Target != null && e.Target.Contains(seeded.Name))),
        };
    }

    /// <summary>Folds the write-ahead log into the file and empties it, then reads the whole file as text.</summary>
    public static async Task<string> DatabaseFileTextAsync(this RecruitAppFactory app)
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(app.SqliteConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            // Its first column is 1 when it could not finish (the app's own checkpointer was copying): ask again.
            await Patience.UntilAsync(async () => Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0,
                () => "a full checkpoint of the database never finished");
        }

        var bytes = await File.ReadAllBytesAsync(app.DatabaseFile);
        var wal = app.DatabaseFile + "-wal";
        var walBytes = File.Exists(wal) ? await ReadSharedAsync(wal) : [];
        return System.Text.Encoding.UTF8.GetString([.. bytes, .. walBytes]);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
