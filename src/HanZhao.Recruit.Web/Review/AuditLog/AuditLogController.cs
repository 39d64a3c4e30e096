using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.AuditLog;

/// <summary>
/// The professor's read-only view of the audit log (/review/audit): newest first, filtered by action,
/// user and a range of UTC days. Invalid filters are ignored with a message.
/// </summary>
[Route("review/audit")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AuditLogController(AuditTrail trail) : Controller
{
    /// <summary>From the query string only: the route's own values include "action" (this action's name).</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(AuditLogQuery query, CancellationToken cancellationToken) =>
        View(await trail.GetPageAsync(query, cancellationToken));
}
