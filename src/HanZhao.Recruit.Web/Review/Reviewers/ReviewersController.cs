using System.ComponentModel.DataAnnotations;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Account;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Platform.Seo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Review.Reviewers;

/// <summary>
/// The professor's list of co-reviewers: invite by email (a link to set a password, through the
/// outbox), disable (sessions end at their next check) and enable again.
/// </summary>
[Route("review/reviewers")]
[Authorize(Policy = StaffPolicies.Professor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ReviewersController(
    UserManager<RecruitUser> users, RecruitDbContext db, TimeProvider time, IOptions<RecruitOptions> recruit) : Controller
{
    public const string InvitationKind = "Invitation";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? done) => View(await PageAsync(null, null, null, done));

    [HttpPost("invite")]
    public async Task<IActionResult> Invite([FromForm] string? email, [FromForm] string? displayName)
    {
        email = email?.Trim();
        displayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        var error = string.IsNullOrEmpty(email) || email.Length > 254 || !new EmailAddressAttribute().IsValid(email)
            ? AccountMessages.InviteInvalidEmail
            : displayName is { Length: > 100 } ? AccountMessages.InviteNameTooLong
            : await users.FindByEmailAsync(email) is not null ? AccountMessages.InviteExists
            : null;
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await PageAsync(email, displayName, error, null));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var user = new RecruitUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAtUtc = now };

        // The account, its role, the email and the audit entry commit together (UserManager shares the context).
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, Roles.Reviewer)).Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await PageAsync(email, displayName, AccountMessages.InviteExists, null));
        }

        await QueueInvitationAsync(user, now);
        db.Record(User, "ReviewerInvited", email, null, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Redirect("/review/reviewers?done=invited");
    }

    /// <summary>A new link for someone who has not set a password yet (the old one keeps working until used or expired).</summary>
    [HttpPost("{id}/resend")]
    public async Task<IActionResult> Resend(string id)
    {
        if (await ReviewerAsync(id) is not { PasswordHash: null, IsDisabled: false } user)
        {
            return NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        await QueueInvitationAsync(user, now);
        db.Record(User, "ReviewerInvitationResent", user.Email, null, now);
        await db.SaveChangesAsync();
        return Redirect("/review/reviewers?done=resent");
    }

    [HttpPost("{id}/disable")]
    public async Task<IActionResult> Disable(string id)
    {
        if (await ReviewerAsync(id) is not { } user)
        {
            return NotFound();
        }

        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        // Existing cookies fail their next security-stamp check.
        await users.UpdateSecurityStampAsync(user);
        db.Record(User, "ReviewerDisabled", user.Email, null, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return Redirect("/review/reviewers?done=disabled");
    }

    [HttpPost("{id}/enable")]
    public async Task<IActionResult> Enable(string id)
    {
        if (await ReviewerAsync(id) is not { } user)
        {
            return NotFound();
        }

        user.IsDisabled = false;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Record(User, "ReviewerEnabled", user.Email, null, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return Redirect("/review/reviewers?done=enabled");
    }

    private async Task<RecruitUser?> ReviewerAsync(string id) =>
        id.Length <= 450 && await users.FindByIdAsync(id) is { } user && await users.IsInRoleAsync(user, Roles.Reviewer)
            && !await users.IsInRoleAsync(user, Roles.Professor)
            ? user
            : null;

    private async Task QueueInvitationAsync(RecruitUser user, DateTime now)
    {
        var link = await StaffPasswordLinks.CreateAsync(users, user, SiteUrls.Origin(Request, recruit.Value.PublicUrl) + Request.PathBase);
        var inviter = User.Identity?.Name ?? "Prof. Han Zhao";
        // Bilingual: we do not know the co-reviewer's language yet.
        var draft = new EmailWriter("en")
            .Heading("Invitation to review applications · 评审邀请")
            .Paragraph($"{inviter} invited you to review applications to Professor Han Zhao's lab. Set your password to sign in. The link works once and expires in 3 days.")
            .Paragraph($"{inviter} 邀请你评审赵涵教授课题组的申请。请设置密码后登录。该链接只能使用一次，3 天后失效。")
            .Button("Set your password · 设置密码", link)
            .Build(InvitationKind, user.Email!, user.DisplayName, "Invitation to review applications · 评审邀请",
                "If you did not expect this invitation, ignore this email. · 如果你没有预期收到此邀请，请忽略本邮件。");
        db.QueueEmail(draft, now);
    }

    private async Task<ReviewersPage> PageAsync(string? email, string? displayName, string? error, string? done)
    {
        var reviewers = await users.GetUsersInRoleAsync(Roles.Reviewer);
        return new ReviewersPage
        {
            Reviewers = [.. reviewers
                .OrderBy(r => r.IsDisabled).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
                .Select(r => new ReviewerRow(r.Id, r.Email ?? "", r.DisplayName, r.PasswordHash is not null, r.IsDisabled, r.CreatedAtUtc))],
            Email = email,
            DisplayName = displayName,
            Error = error,
            Done = done is "invited" or "resent" or "disabled" or "enabled" ? done : null,
        };
    }
}
