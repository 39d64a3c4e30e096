using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Review.EmailLog;

/// <summary>
/// The professor's email log: the outbox rows newest first, 100 a page, filtered by status, and
/// a resend for a message that failed for good. The bodies are never loaded for the list.
/// </summary>
[Route("review/emails")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class EmailLogController(RecruitDbContext db, TimeProvider time) : Controller
{
    public const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? status, [FromQuery] string? page, [FromQuery] string? done)
    {
        var result = new EmailLogPage { Resent = done == "resent" };
        IQueryable<EmailMessage> messages = db.EmailMessages.AsNoTracking();

        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<EmailStatus>(status, ignoreCase: true, out var parsed)
                && Enum.IsDefined(parsed) && !int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                result.Status = parsed;
                messages = messages.Where(m => m.Status == parsed);
            }
            else
            {
                result.InvalidStatus = true;
            }
        }

        // The bodies are never loaded for the list: the projection comes before the paging.
        var rows = messages
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Select(m => new EmailLogRow(
                m.Id, m.CreatedAtUtc, m.Kind, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.LastError, m.SentAtUtc));
        var shown = await LogPages.ReadAsync(rows, page, PageSize);
        (result.Rows, result.Page, result.PageCount, result.Total, result.InvalidPage) =
            (shown.Rows, shown.Page, shown.PageCount, shown.Total, shown.InvalidPage);
        return View(result);
    }

    /// <summary>Queues a failed message again from scratch; the sweeper sends it within a minute.</summary>
    [HttpPost("{id}/resend")]
    public async Task<IActionResult> Resend(string id)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return NotFound();
        }

        var message = await db.EmailMessages.SingleOrDefaultAsync(m => m.Id == guid);
        if (message is null)
        {
            return NotFound();
        }

        if (message.Status != EmailStatus.Failed)
        {
            return BadRequest();
        }

        var now = time.GetUtcNow().UtcDateTime;
        message.Status = EmailStatus.Pending;
        message.Attempts = 0;
        message.LastError = null;
        message.NextAttemptAtUtc = now;
        db.Record(User, "Email", message.Id.ToString(), "Resend", now);
        await db.SaveChangesAsync();
        return Redirect("/review/emails?done=resent");
    }
}

/// <summary>One row of the email log: the columns shown, without the bodies.</summary>
public sealed record EmailLogRow(
    Guid Id,
    DateTime CreatedAtUtc,
    string Kind,
    string ToAddress,
    string? ToName,
    string Subject,
    EmailStatus Status,
    int Attempts,
    string? LastError,
    DateTime? SentAtUtc);

/// <summary>One page of the email log with the filter that was applied.</summary>
public sealed class EmailLogPage
{
    public IReadOnlyList<EmailLogRow> Rows { get; set; } = [];

    public EmailStatus? Status { get; set; }

    public int Page { get; set; } = 1;

    public int PageCount { get; set; } = 1;

    public int Total { get; set; }

    public bool InvalidStatus { get; set; }

    public bool InvalidPage { get; set; }

    public bool Resent { get; set; }

    /// <summary>The link to another page with the same (valid) filter.</summary>
    public string PageLink(int page)
    {
        var parts = new List<string>();
        if (Status is { } status)
        {
            parts.Add("status=" + status);
        }

        if (page > 1)
        {
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "/review/emails" : "/review/emails?" + string.Join('&', parts);
    }
}
