using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;

namespace HanZhao.Recruit.Web.Account;

/// <summary>What became of a "forgot password" request: the page says the same for every address.</summary>
public sealed record PasswordResetRequest(FormErrors Errors, bool Throttled);

/// <summary>
/// Staff "forgot password" (/account/forgot-password): an enabled staff account gets an emailed
/// one-time link (<see cref="StaffPasswordLinks"/>, Identity's reset token) through the outbox; any
/// other address (unknown, an applicant, a disabled co-reviewer) gets nothing, and the answer is the
/// same. Limited per client and per address in the database (<see cref="DatabaseLimits"/>), so a
/// flood from many instances cannot pass; the link ends every session when used (<see cref="StaffPasswords"/>).
/// </summary>
public sealed class StaffPasswordReset(
    UserManager<RecruitUser> users, RecruitDbContext db, DatabaseLimits limits, SiteAddress site, TimeProvider clock, IConfiguration configuration)
{
    public const string ClientScope = "forgot-password-client";
    public const string AddressScope = "forgot-password-address";
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async Task<PasswordResetRequest> RequestAsync(string? typed, string client, CancellationToken cancellationToken)
    {
        var address = EmailAddresses.Check(typed);
        if (address.Address is not { } email)
        {
            return new PasswordResetRequest(FormErrors.Of("email", address.Problem!), false);
        }

        if (!await limits.TryTakeAsync(ClientScope, client, configuration.GetValue("Account:ForgotPassword:PerClient", 10), Window, cancellationToken)
            || !await limits.TryTakeAsync(AddressScope, email, configuration.GetValue("Account:ForgotPassword:PerAddress", 3), Window, cancellationToken))
        {
            return new PasswordResetRequest(FormErrors.General("Too many requests for a new password. Try again in an hour."), true);
        }

        if (await users.FindByEmailAsync(email) is { IsDisabled: false } user && await users.IsStaffAsync(user))
        {
            await QueueLinkAsync(user, cancellationToken);
        }

        return new PasswordResetRequest(new FormErrors(), false);
    }

    private async Task QueueLinkAsync(RecruitUser user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var link = site.Link(await StaffPasswordLinks.CreateAsync(users, user));
        // Bilingual: the account does not record a language.
        var draft = new EmailWriter("en")
            .Heading("Choose a new password · 设置新密码")
            .Paragraph("Someone (we hope you) asked for a new password for your staff account on Han Zhao's lab site. The link works once and expires in 3 days; using it signs you out everywhere.")
            .Paragraph("有人（希望是你）为你在赵涵课题组网站的员工账户申请了新密码。该链接只能使用一次，3 天后失效；使用后你将在所有设备上退出登录。")
            .Button("Choose a new password · 设置新密码", link)
            .Build(EmailCatalogue.PasswordReset, user.Email!, user.DisplayName, "Choose a new password · 设置新密码",
                "If you did not ask for this, ignore this email: your password stays as it is. · 如果这不是你本人的操作，请忽略本邮件：你的密码不会改变。");
        db.QueueEmail(draft, now);
        db.Record(StaffAudit.Actor(user), AuditActions.PasswordResetRequested, user.Email, null, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
