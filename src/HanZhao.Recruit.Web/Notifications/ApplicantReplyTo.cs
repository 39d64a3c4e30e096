using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Notifications;

/// <summary>
/// Every email to an applicant about their application answers to the professor: an outbox row with
/// an application and no Reply-To of its own gets the professor's address (<c>Recruit:ProfessorEmail</c>,
/// else the professor account) as it is saved. One rule at the outbox, so no email written later
/// (a status email, a milestone, a free-text email) can forget it; alerts to the professor keep
/// their Reply-To (the applicant).
/// </summary>
public sealed class ApplicantReplyTo(IOptions<RecruitOptions> options) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is RecruitDbContext db && Waiting(db) is { Count: > 0 } rows)
        {
            Apply(rows, options.Value.ProfessorEmail is { Length: > 0 } configured ? configured.Trim() : ProfessorAddress.AccountEmail(db).FirstOrDefault());
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RecruitDbContext db && Waiting(db) is { Count: > 0 } rows)
        {
            Apply(rows, await ProfessorAddress.FindAsync(db, options.Value, cancellationToken));
        }

        return result;
    }

    private static List<EmailMessage> Waiting(RecruitDbContext db) =>
        [.. db.QueuedEmails().Where(m => m.ApplicationId is not null && string.IsNullOrEmpty(m.ReplyTo))];

    private static void Apply(List<EmailMessage> rows, string? professor)
    {
        if (professor is null)
        {
            return;
        }

        foreach (var row in rows.Where(r => !string.Equals(r.ToAddress, professor, StringComparison.OrdinalIgnoreCase)))
        {
            row.ReplyTo = professor;
        }
    }
}
