using System.Globalization;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.InterviewOutcome;

/// <summary>
/// The interview on the reader: where the application stands (not invited, invited, booked, cancelled)
/// and, once the interview has started, its outcome with the interview's own rubric and notes.
/// <para>
/// Who records: the professor alone. Scores (Review/Scoring) are one row per reviewer, so a co-reviewer
/// adds an opinion beside the others; the outcome is one per interview, read as the lab's verdict and
/// followed by the status decision, which is the professor's (like tags and statuses). A co-reviewer
/// assigned to the application sees the panel and what was recorded, and is refused (403) a post.
/// </para>
/// </summary>
public sealed class InterviewOutcomes(RecruitDbContext db, InterviewBookings bookings, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The panel of an application the user may see (an empty, "not invited" one otherwise: the reader already answered 404).</summary>
    public async Task<InterviewPanel> PanelAsync(ClaimsPrincipal user, int applicationId, CancellationToken cancellationToken)
    {
        var interview = await db.VisibleTo(user).AnyAsync(a => a.Id == applicationId, cancellationToken)
            ? await bookings.FindAsync(applicationId, cancellationToken)
            : null;
        var invitation = interview?.Invitation;
        var slot = interview?.Slot is { } s ? new BookedSlot(s.StartsAtUtc, s.LengthMinutes, s.Mode, s.Location, s.IsCancelled) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var state = invitation is null ? InterviewState.NotInvited
            : slot is null ? InterviewState.Invited
            : slot.IsCancelled ? InterviewState.Cancelled
            : InterviewState.Booked;
        var recorded = invitation?.Outcome is null ? null : new RecordedOutcome(
            invitation.Outcome, invitation.OutcomeNotes, invitation.RatingKnowledge, invitation.RatingResearch,
            invitation.RatingCommunication, invitation.RatingMotivation, invitation.OutcomeRecordedAtUtc);
        return new InterviewPanel(applicationId, state, invitation?.InvitedAtUtc, slot, recorded)
        {
            CanRecord = user.IsInRole(Roles.Professor),
            HasStarted = state == InterviewState.Booked && slot!.StartsAtUtc <= now,
        };
    }

    /// <summary>
    /// Records (or corrects) the outcome, audited. Refused with a message and nothing stored: no
    /// invitation, no booked interview, a cancelled one, one that has not started, an outcome that is
    /// not one of the three names, a rating outside 1–5, notes too long. Not found: an application the
    /// user may not see (or none). Forbidden: a co-reviewer.
    /// </summary>
    public async Task<Outcome> SaveAsync(ClaimsPrincipal user, int applicationId, InterviewOutcomeForm form, CancellationToken cancellationToken)
    {
        if (!await db.VisibleTo(user).AnyAsync(a => a.Id == applicationId, cancellationToken))
        {
            return Outcome.NotFound();
        }

        if (!user.IsInRole(Roles.Professor))
        {
            return Outcome.Forbidden();
        }

        var invitation = await db.InterviewInvitations.SingleOrDefaultAsync(i => i.ApplicationId == applicationId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await RefusalAsync(invitation is null, applicationId, now, cancellationToken) is { } refusal)
        {
            return Outcome.Invalid("interview", refusal);
        }

        if (Invalid(form) is { } errors)
        {
            return Outcome.Invalid(errors);
        }

        var (knowledge, research, communication, motivation) = form.Ratings()!.Value;
        invitation!.Outcome = form.ParsedOutcome;
        invitation.RatingKnowledge = knowledge;
        invitation.RatingResearch = research;
        invitation.RatingCommunication = communication;
        invitation.RatingMotivation = motivation;
        invitation.OutcomeNotes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim();
        invitation.OutcomeRecordedAtUtc = now;
        db.Record(user, "InterviewOutcome", string.Create(CultureInfo.InvariantCulture, $"Application {applicationId}"),
            $"{InterviewRubric.Name(invitation.Outcome!.Value)}; knowledge {Rating(knowledge)}, research {Rating(research)}, "
            + $"communication {Rating(communication)}, motivation {Rating(motivation)}", now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    /// <summary>Why no outcome can be recorded yet, or null when it can.</summary>
    private async Task<string?> RefusalAsync(bool notInvited, int applicationId, DateTime now, CancellationToken cancellationToken)
    {
        if (notInvited)
        {
            return localizer["This application has not been invited to an interview."];
        }

        return (await bookings.FindAsync(applicationId, cancellationToken))?.Slot switch
        {
            null => localizer["No interview is booked yet: record the outcome after the interview."].Value,
            { IsCancelled: true } => localizer["This interview was cancelled: there is no outcome to record."].Value,
            { } slot when slot.StartsAtUtc > now => localizer["The interview has not started yet: record the outcome after {0}.", StaffTime.Text(slot.StartsAtUtc, localizer)].Value,
            _ => null,
        };
    }

    private FormErrors? Invalid(InterviewOutcomeForm form)
    {
        var errors = new FormErrors();
        if (form.ParsedOutcome is null)
        {
            errors.Add("outcome", localizer["Choose the outcome: passed, not passed or undecided."]);
        }

        if (form.Ratings() is null)
        {
            errors.Add("ratings", localizer["Each rating is a whole number from 1 to 5, or left empty."]);
        }

        if (form.NotesTooLong)
        {
            errors.Add("notes", localizer["The notes can have at most 600 words (a Chinese character counts as one)."]);
        }

        return errors.Any ? errors : null;
    }

    private static string Rating(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "—";
}
