using System.Security.Claims;
using System.Security.Cryptography;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Interviews;

/// <summary>What inviting a selection did: how many were invited now, how many had been already, and who was skipped (not in the Interview status, or not found).</summary>
public sealed record InvitationReport(int Invited, int AlreadyInvited, IReadOnlyList<string> Skipped)
{
    /// <summary>The sentence staff read after inviting, with the grammar of each count.</summary>
    public string Describe(IStringLocalizer localizer)
    {
        var parts = new List<string> { localizer.Count(Invited, "{0} application invited to book an interview.", "{0} applications invited to book an interview.") };
        if (AlreadyInvited > 0)
        {
            parts.Add(localizer.Count(AlreadyInvited, "{0} was invited before: no new email.", "{0} were invited before: no new email."));
        }

        if (Skipped.Count > 0)
        {
            parts.Add(localizer["Skipped, not in the Interview status: {0}.", string.Join(", ", Skipped)]);
        }

        return string.Join(" ", parts);
    }
}

/// <summary>
/// Invites applications in the Interview status to book a slot of their intake: the invitation (the
/// interview's calendar UID, a random one at the site's host, SEQUENCE 0) and its email commit
/// together, once per application; inviting again sends nothing. Other statuses are skipped and named.
/// </summary>
public sealed class InterviewInvitations(RecruitDbContext db, TimeProvider clock, InterviewMail mail, SiteAddress site, UserManager<Data.Identity.RecruitUser> users)
{
    public async Task<InvitationReport> InviteAsync(ClaimsPrincipal user, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var found = await db.VisibleTo(user).AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Status, a.IntakeId, Label = a.ReferenceNumber ?? "#" + a.Id, Invited = db.InterviewInvitations.Any(i => i.ApplicationId == a.Id) })
            .ToListAsync(cancellationToken);
        var skipped = found.Where(a => a.Status != ApplicationStatus.Interview).Select(a => a.Label)
            .Concat(ids.Where(id => found.All(a => a.Id != id)).Select(id => "#" + id)).ToList();
        var invited = 0;
        var already = found.Count(a => a.Status == ApplicationStatus.Interview && a.Invited);
        var professorId = users.GetUserId(user) ?? throw new InvalidOperationException("A signed-in user has an id.");
        foreach (var application in found.Where(a => a.Status == ApplicationStatus.Interview && !a.Invited))
        {
            if (await InviteOneAsync(user, professorId, application.Id, application.IntakeId, cancellationToken))
            {
                invited++;
            }
            else
            {
                already++;
            }
        }

        return new InvitationReport(invited, already, skipped);
    }

    /// <summary>One invitation and its email in one SaveChanges; false when a concurrent invitation was first (the key refuses the second).</summary>
    private async Task<bool> InviteOneAsync(ClaimsPrincipal user, string professorId, int applicationId, int intakeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var applicant = await InterviewMail.Applicants(db.Applications.Where(a => a.Id == applicationId)).SingleAsync(cancellationToken);
        db.InterviewInvitations.Add(new InterviewInvitation
        {
            ApplicationId = applicationId,
            IntakeId = intakeId,
            InvitedById = professorId,
            InvitedAtUtc = now,
            CalendarUid = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}@{site.Host}",
            CalendarSequence = 0,
        });
        if (!string.IsNullOrEmpty(applicant.Email))
        {
            db.QueueEmail(mail.Invitation(applicant), now);
        }

        db.Record(user, "InterviewInvited", $"Application {applicationId}", null, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
