using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Account;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Reviewers;

/// <summary>
/// The professor's co-reviewers: inviting by email (a link to set a password, through the outbox),
/// sending a new link, disabling (sessions end at their next check) and enabling again. Each change
/// is audited. Only co-reviewer accounts are found here: never the professor's, never an applicant's.
/// </summary>
public sealed class ReviewerAccounts(
    UserManager<RecruitUser> users, RecruitDbContext db, TimeProvider time, IStringLocalizer<SharedResource> localizer, SiteAddress site, ServerSessions sessions)
{
    public const int MaxNameLength = 100;

    public async Task<ReviewersPage> GetPageAsync(InvitationForm? form, FormErrors? errors, string? done)
    {
        var reviewers = await users.GetUsersInRoleAsync(Roles.Reviewer);
        return new ReviewersPage
        {
            Reviewers = [.. reviewers
                .OrderBy(r => r.IsDisabled).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
                .Select(r => new ReviewerRow(r.Id, r.Email ?? "", r.DisplayName, r.PasswordHash is not null, r.IsDisabled, r.CreatedAtUtc))],
            Form = form ?? new InvitationForm(),
            Errors = errors ?? new FormErrors(),
            Done = done,
        };
    }

    /// <summary>
    /// Creates the co-reviewer's account and queues the invitation, its link on the site's own address.
    /// The form comes back trimmed in <see cref="Outcome{T}.Value"/>.
    /// </summary>
    public async Task<Outcome<InvitationForm>> InviteAsync(ClaimsPrincipal by, InvitationForm form)
    {
        var address = EmailAddresses.Check(form.Email);
        var displayName = string.IsNullOrWhiteSpace(form.DisplayName) ? null : form.DisplayName.Trim();
        var typed = new InvitationForm { Email = form.Email?.Trim(), DisplayName = displayName };
        var errors = await ValidateAsync(address, displayName);
        if (errors.Any)
        {
            return Outcome.Invalid(errors, typed);
        }

        // Stored and written to as normalized (EmailAddresses), so it signs in however it is typed.
        var email = address.Address!;
        var now = time.GetUtcNow().UtcDateTime;
        var user = new RecruitUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAtUtc = now };

        // The account, its role, the email and the audit entry commit together (UserManager shares the context).
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, Roles.Reviewer)).Succeeded)
        {
            return Outcome.Invalid(FormErrors.Of("email", localizer[AccountMessages.InviteExists]), typed);
        }

        await QueueInvitationAsync(by, user, now);
        db.Record(by, "ReviewerInvited", email, null, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Outcome.Done(typed);
    }

    /// <summary>A new link for someone who has not set a password yet (the old one keeps working until used or expired).</summary>
    public async Task<Outcome> ResendAsync(ClaimsPrincipal by, string id)
    {
        if (await ReviewerAsync(id) is not { PasswordHash: null, IsDisabled: false } user)
        {
            return Outcome.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        await QueueInvitationAsync(by, user, now);
        db.Record(by, "ReviewerInvitationResent", user.Email, null, now);
        await db.SaveChangesAsync();
        return Outcome.Done();
    }

    public async Task<Outcome> DisableAsync(ClaimsPrincipal by, string id)
    {
        if (await ReviewerAsync(id) is not { } user)
        {
            return Outcome.NotFound();
        }

        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        // Every session ends now, on every instance; the new stamp also fails any cookie's next check.
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, CancellationToken.None);
        db.Record(by, "ReviewerDisabled", user.Email, null, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return Outcome.Done();
    }

    public async Task<Outcome> EnableAsync(ClaimsPrincipal by, string id)
    {
        if (await ReviewerAsync(id) is not { } user)
        {
            return Outcome.NotFound();
        }

        user.IsDisabled = false;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Record(by, "ReviewerEnabled", user.Email, null, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return Outcome.Done();
    }

    private async Task<FormErrors> ValidateAsync(EmailAddressCheck address, string? displayName)
    {
        var errors = new FormErrors();
        if (!address.IsValid)
        {
            // "Enter your email address" would be the wrong person's: the address is the co-reviewer's.
            errors.Add("email", localizer[address.IsMissing ? AccountMessages.InviteInvalidEmail : address.Problem!]);
        }
        else if (displayName is { Length: > MaxNameLength })
        {
            errors.Add("displayName", localizer[AccountMessages.InviteNameTooLong]);
        }
        else if (await users.FindByEmailAsync(address.Address!) is not null)
        {
            errors.Add("email", localizer[AccountMessages.InviteExists]);
        }

        return errors;
    }

    private async Task<RecruitUser?> ReviewerAsync(string id) =>
        id.Length <= 450 && await users.FindByIdAsync(id) is { } user && await users.IsInRoleAsync(user, Roles.Reviewer)
            && !await users.IsInRoleAsync(user, Roles.Professor)
            ? user
            : null;

    private async Task QueueInvitationAsync(ClaimsPrincipal by, RecruitUser user, DateTime now)
    {
        var link = site.Link(await StaffPasswordLinks.CreateAsync(users, user));
        var inviter = by.Identity?.Name ?? "Prof. Han Zhao";
        // Bilingual: we do not know the co-reviewer's language yet.
        var draft = new EmailWriter("en")
            .Heading("Invitation to review applications · 评审邀请")
            .Paragraph($"{inviter} invited you to review applications to Professor Han Zhao's lab. Set your password to sign in. The link works once and expires in 3 days.")
            .Paragraph($"{inviter} 邀请你评审赵涵教授课题组的申请。请设置密码后登录。该链接只能使用一次，3 天后失效。")
            .Button("Set your password · 设置密码", link)
            .Build(EmailCatalogue.ReviewerInvitation, user.Email!, user.DisplayName, "Invitation to review applications · 评审邀请",
                "If you did not expect this invitation, ignore this email. · 如果你没有预期收到此邀请，请忽略本邮件。");
        db.QueueEmail(draft, now);
    }
}
