using System.Linq.Expressions;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Privacy;

/// <summary>
/// The applicant's notice before erasure (EmailCatalogue.RetentionNotice): once per announced date.
/// The application's <c>RetentionNoticeForUtc</c> is set by one conditional update in the same
/// transaction as the queued email, so of two runs at once only the one whose update counts queues it.
/// </summary>
public sealed class RetentionNotice(RecruitDbContext db, SiteAddress site, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<bool> SendOnceAsync(RetentionItem item, Expression<Func<Application, bool>> unchanged, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Applications.Where(a => a.Id == item.Id).Where(unchanged)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.RetentionNoticeForUtc, item.DueUtc).SetProperty(a => a.RetentionNoticedAtUtc, now), ct);
            if (claimed == 0)
            {
                return false;
            }

            if (item.Email.Length > 0)
            {
                db.QueueEmail(Write(item), now);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    private EmailDraft Write(RetentionItem item)
    {
        using var scope = CultureScope.Use(item.Culture);
        var date = ShanghaiTime.Date(item.DueUtc);
        var name = item.FullName.Length > 0 ? item.FullName : item.Email;
        var what = item.ReferenceNumber is { } reference
            ? localizer["Your application {0} to the {1} intake and its documents will be erased on {2} (Shanghai time), as the consent you gave when applying says.", reference, item.IntakeCode, date]
            : localizer["Your draft application to the {0} intake, never submitted, and its documents will be erased on {1} (Shanghai time), as we keep drafts only for a while.", item.IntakeCode, date];
        return new EmailWriter(item.Culture)
            .Heading(localizer["Your application data will be erased on {0}", date])
            .Paragraph(localizer["Dear {0},", name])
            .Paragraph(what)
            .Paragraph(localizer["If you want a copy, download your data before then. You need do nothing else; if you think it should be kept longer, write to Professor Han Zhao."])
            .Button(localizer["Download your data"], site.Absolute("/applicant/data") + "?culture=" + Uri.EscapeDataString(item.Culture))
            .Build(EmailCatalogue.RetentionNotice, item.Email, item.FullName.Length > 0 ? item.FullName : null,
                localizer["Your application data will be erased on {0}", date], localizer["Han Zhao's group, Shanghai Jiao Tong University"])
            with { ApplicationId = item.Id };
    }
}
