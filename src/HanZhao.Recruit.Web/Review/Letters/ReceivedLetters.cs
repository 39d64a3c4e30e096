using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Web.Applicant;
using Microsoft.EntityFrameworkCore;
using RefereesPage = HanZhao.Recruit.Web.Letters.RefereesPage;

namespace HanZhao.Recruit.Web.Review.Letters;

/// <summary>A request as staff read it beside the application: who, how they know the applicant, where it stands, and the letter once it came.</summary>
public sealed record LetterRow(
    int Id, string RefereeName, string? RefereeTitle, string RefereeInstitution, string Relationship, string State,
    DateTime? AnsweredAtUtc, string? LetterText, int? PdfPages, int? Research, int? Independence, int? Communication, string? DeclineReason,
    int Reminders = 0);

/// <summary>The letters panel of the reader.</summary>
public sealed record LettersPanel(int ApplicationId, IReadOnlyList<LetterRow> Letters)
{
    public int Received => Letters.Count(l => l.State == "Letter received");
}

/// <summary>
/// Referees' letters for staff: the requests of an application the user may see, and a letter's PDF.
/// Staff read every letter, waived or not; the waiver only keeps it from the applicant.
/// </summary>
public sealed class ReceivedLetters(RecruitDbContext db, TimeProvider clock)
{
    public async Task<LettersPanel> PanelAsync(ClaimsPrincipal user, int applicationId, CancellationToken cancellationToken)
    {
        var visible = db.VisibleTo(user);
        var requests = await db.LetterRequests.AsNoTracking()
            .Where(r => r.ApplicationId == applicationId && r.State != LetterState.Withdrawn && visible.Any(a => a.Id == r.ApplicationId))
            .OrderBy(r => r.RequestedAtUtc).ThenBy(r => r.Id)
            .Select(r => new { Request = r, Pages = r.Content == null ? (int?)null : r.Content.PageCount })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new LettersPanel(applicationId, [.. requests.Select(x => new LetterRow(
            x.Request.Id, x.Request.RefereeName, x.Request.RefereeTitle, x.Request.RefereeInstitution, x.Request.Relationship,
            RefereesPage.StateOf(x.Request, now), x.Request.ClosedAtUtc, x.Request.LetterText, x.Pages,
            x.Request.RatingResearch, x.Request.RatingIndependence, x.Request.RatingCommunication, x.Request.DeclineReason,
            x.Request.RemindersSent))]);
    }

    /// <summary>A letter's PDF, when its application is one the user may see; otherwise null, like a missing one.</summary>
    public async Task<DocumentFile?> PdfAsync(ClaimsPrincipal user, int requestId, CancellationToken cancellationToken)
    {
        var visible = db.VisibleTo(user);
        var found = await db.LetterContents.AsNoTracking()
            .Where(c => c.LetterRequestId == requestId && db.LetterRequests.Any(r => r.Id == requestId && visible.Any(a => a.Id == r.ApplicationId)))
            .Select(c => new { c.FileName, c.Bytes })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new DocumentFile(found.FileName, new MemoryStream(found.Bytes, writable: false));
    }
}
