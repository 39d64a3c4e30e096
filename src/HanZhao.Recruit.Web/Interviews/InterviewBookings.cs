using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Interviews;

/// <summary>The applicant's booking page: their application, its invitation and booking, and the times still free.</summary>
public sealed record BookingPage(InterviewApplicant Application, ApplicationStatus Status, InterviewInvitation? Invitation, SlotView? Booked, IReadOnlyList<SlotView> Free, DateTime NowUtc, TimeSpan Cutoff)
{
    public FormErrors Errors { get; init; } = new();

    /// <summary>What was just done ("booked", "moved", "cancelled"), for the notice.</summary>
    public string? Done { get; init; }

    public bool IsInvited => Invitation is not null && Status == ApplicationStatus.Interview;

    /// <summary>Whether the booked interview may still be moved or cancelled here.</summary>
    public bool CanChange => Booked is { } booked && booked.StartsAtUtc - Cutoff > NowUtc;

    /// <summary>Whether a time may be chosen: invited, and not held by an interview past its cut-off.</summary>
    public bool CanChoose => IsInvited && (Booked is null || CanChange);

    public DateTime? ChangeUntilUtc => Booked?.StartsAtUtc - Cutoff;
}

/// <summary>
/// Booking an interview (/applicant/{id}/interview): the applicant's own application only; a time
/// of their intake that is not cancelled, not full and more than the cut-off away; one booking per
/// application, moved in one write (the old seat released, the new one taken) and cancelled until the
/// cut-off. Seats are taken lowest free first and held by the unique (slot, seat) index, so two
/// applicants racing for the last seat cannot both have it: the loser is told and shown what is left.
/// Every change raises the invitation's SEQUENCE and sends the calendar emails (<see cref="InterviewMail"/>).
/// </summary>
public sealed class InterviewBookings(
    RecruitDbContext db, TimeProvider clock, InterviewMail mail, IStringLocalizer<SharedResource> localizer, IOptions<InterviewOptions> options)
{
    /// <summary>Tries of a booking that lost a seat race: another free seat of the same slot may remain (capacity above 1).</summary>
    private const int Attempts = 3;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private TimeSpan Cutoff => options.Value.ChangeCutoff;

    /// <summary>An application's interview: its invitation and booked slot (null before a booking); null when not invited. For the reader, the digest and the reminders.</summary>
    public async Task<ApplicationInterview?> FindAsync(int applicationId, CancellationToken cancellationToken)
    {
        var invitation = await db.InterviewInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.ApplicationId == applicationId, cancellationToken);
        if (invitation is null)
        {
            return null;
        }

        var slot = await (from booking in db.InterviewBookings
                          join s in db.InterviewSlots on booking.SlotId equals s.Id
                          where booking.ApplicationId == applicationId
                          select s).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return new ApplicationInterview(invitation, slot);
    }

    /// <summary>The page, or null when the application is not the applicant's (or does not exist).</summary>
    public async Task<BookingPage?> GetPageAsync(string applicantId, int applicationId, CancellationToken cancellationToken)
    {
        var own = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId && a.ApplicantId == applicantId)
            .Select(a => new { a.IntakeId, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (own is null)
        {
            return null;
        }

        var applicant = await InterviewMail.Applicants(db.Applications.Where(a => a.Id == applicationId)).SingleAsync(cancellationToken);
        var interview = await FindAsync(applicationId, cancellationToken);
        var now = Now;
        var from = now + Cutoff;
        var slots = await db.InterviewSlots.AsNoTracking()
            .Where(s => s.IntakeId == own.IntakeId && !s.IsCancelled && s.StartsAtUtc > from)
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id)
            .Select(s => new { Slot = s, Booked = db.InterviewBookings.Count(b => b.SlotId == s.Id) })
            .ToListAsync(cancellationToken);
        var booked = interview?.Slot is { } slot
            ? SlotView.Of(slot, await db.InterviewBookings.CountAsync(b => b.SlotId == slot.Id, cancellationToken))
            : null;
        var free = slots.Select(s => SlotView.Of(s.Slot, s.Booked)).Where(s => s.SeatsLeft > 0 && s.Id != booked?.Id).ToList();
        return new BookingPage(applicant, own.Status, interview?.Invitation, booked, free, now, Cutoff);
    }

    /// <summary>Books the chosen slot, or moves the booking there; refused with the page again and nothing changed.</summary>
    public async Task<Outcome<BookingPage>> BookAsync(ClaimsPrincipal user, string applicantId, int applicationId, string? slotText, CancellationToken cancellationToken)
    {
        var raced = false;
        for (var attempt = 1; ; attempt++)
        {
            var page = await GetPageAsync(applicantId, applicationId, cancellationToken);
            if (page is null)
            {
                return Outcome.NotFound();
            }

            var slotId = FormNumbers.WholeNumber(slotText, 1, int.MaxValue);
            var (slot, seat, problem) = await ChooseAsync(page, slotId, cancellationToken);
            if (problem is not null)
            {
                // After a lost race the slot now looks full or gone: say what happened, not what it looks like.
                var refused = FormErrors.Of("slot", raced ? localizer["That time was just taken by someone else. Choose another of the times below."] : problem);
                // The times offered are read again: the seats were read after the page, and the slot may
                // have filled in between, so the page's list could still offer it.
                var current = await GetPageAsync(applicantId, applicationId, cancellationToken) ?? page;
                return Outcome.Invalid(refused, current with { Errors = refused });
            }

            try
            {
                await WriteBookingAsync(user, page, slot!, seat, cancellationToken);
                return Outcome.Done(page with { Done = page.Booked is null ? "booked" : "moved" });
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The unique (slot, seat) index (or the one booking per application) refused the row:
                // someone took that seat between our read and our write. Read again and try the next seat.
                db.ChangeTracker.Clear();
                raced = true;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                var fresh = (await GetPageAsync(applicantId, applicationId, cancellationToken))!;
                var errors = FormErrors.Of("slot", localizer["That time was just taken by someone else. Choose another of the times below."]);
                return Outcome.Invalid(errors, fresh with { Errors = errors });
            }
        }
    }

    /// <summary>Cancels the booking before its cut-off; the invitation stays, so another time may be booked.</summary>
    public async Task<Outcome<BookingPage>> CancelAsync(ClaimsPrincipal user, string applicantId, int applicationId, CancellationToken cancellationToken)
    {
        var page = await GetPageAsync(applicantId, applicationId, cancellationToken);
        if (page is null)
        {
            return Outcome.NotFound();
        }

        var problem = page.Booked is null ? localizer["You have no interview booked."]
            : !page.CanChange ? TooLate()
            : null;
        if (problem is not null)
        {
            var errors = FormErrors.General(problem);
            return Outcome.Invalid(errors, page with { Errors = errors });
        }

        // Only the booking we showed: one moved meanwhile is not this one, and is left alone.
        var booking = await db.InterviewBookings.SingleOrDefaultAsync(b => b.ApplicationId == applicationId && b.SlotId == page.Booked!.Id, cancellationToken);
        if (booking is not null)
        {
            var invitation = await db.InterviewInvitations.SingleAsync(i => i.ApplicationId == applicationId, cancellationToken);
            var slot = await db.InterviewSlots.AsNoTracking().SingleAsync(s => s.Id == booking.SlotId, cancellationToken);
            db.InterviewBookings.Remove(booking);
            await mail.QueueCalendarAsync(page.Application, invitation, slot, InterviewChange.Cancelled, cancellationToken);
            db.Record(user, "InterviewCancelled", $"Application {applicationId}", $"Slot {slot.Id} at {InterviewText.Shanghai(slot.StartsAtUtc)}", Now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A second click cancelled it first: that one sent the emails; this one changes nothing.
                db.ChangeTracker.Clear();
            }
        }

        return Outcome.Done(page with { Done = "cancelled" });
    }

    /// <summary>The slot and the lowest free seat, or why the slot cannot be booked.</summary>
    private async Task<(InterviewSlot? Slot, int Seat, string? Problem)> ChooseAsync(BookingPage page, int? slotId, CancellationToken cancellationToken)
    {
        if (!page.IsInvited)
        {
            return (null, 0, page.Invitation is null
                ? localizer["You have not been invited to book an interview."]
                : localizer["This application is no longer at the interview stage."]);
        }

        if (page.Booked is not null && !page.CanChange)
        {
            return (null, 0, TooLate());
        }

        var slot = slotId is { } id ? await db.InterviewSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        LocalizedString? problem = slot switch
        {
            null => localizer["Choose one of the times below."],
            _ when slot.IntakeId != page.Invitation!.IntakeId => localizer["That time is not one of your intake's interview times. Choose one of the times below."],
            { IsCancelled: true } => localizer["That time was cancelled. Choose another of the times below."],
            _ when slot.StartsAtUtc <= page.NowUtc => localizer["That time has passed. Choose one of the times below."],
            _ when slot.StartsAtUtc - Cutoff <= page.NowUtc => localizer["Times less than {0} away cannot be booked here. Choose a later one.", InterviewText.Cutoff(Cutoff, localizer)],
            _ when slot.Id == page.Booked?.Id => localizer["Your interview is already at that time."],
            _ => null,
        };
        if (problem is not null)
        {
            return (null, 0, problem.Value);
        }

        var taken = await db.InterviewBookings.Where(b => b.SlotId == slot!.Id).Select(b => b.Seat).ToListAsync(cancellationToken);
        var seat = Enumerable.Range(1, slot!.Capacity).FirstOrDefault(s => !taken.Contains(s));
        return seat == 0 ? (null, 0, localizer["That time is fully booked. Choose another of the times below."]) : (slot, seat, null);
    }

    /// <summary>
    /// One SaveChanges: the booking inserted, or moved (its slot and seat updated in place, so the old
    /// seat is released as the new one is taken), the SEQUENCE raised, both calendar emails and the audit entry.
    /// </summary>
    private async Task WriteBookingAsync(ClaimsPrincipal user, BookingPage page, InterviewSlot slot, int seat, CancellationToken cancellationToken)
    {
        var now = Now;
        var applicationId = page.Application.ApplicationId;
        var booking = await db.InterviewBookings.SingleOrDefaultAsync(b => b.ApplicationId == applicationId, cancellationToken);
        if (booking is null)
        {
            db.InterviewBookings.Add(new InterviewBooking { ApplicationId = applicationId, SlotId = slot.Id, Seat = seat, BookedAtUtc = now });
        }
        else
        {
            (booking.SlotId, booking.Seat, booking.BookedAtUtc, booking.ReminderSentAtUtc) = (slot.Id, seat, now, null);
        }

        var invitation = await db.InterviewInvitations.SingleAsync(i => i.ApplicationId == applicationId, cancellationToken);
        var change = booking is null ? InterviewChange.Booked : InterviewChange.Moved;
        await mail.QueueCalendarAsync(page.Application, invitation, slot, change, cancellationToken);
        db.Record(user, change == InterviewChange.Booked ? "InterviewBooked" : "InterviewMoved", $"Application {applicationId}",
            $"Slot {slot.Id} at {InterviewText.Shanghai(slot.StartsAtUtc)}, seat {seat}", now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private string TooLate() =>
        localizer["Your interview is less than {0} away: it can no longer be changed here. Please write to us instead.", InterviewText.Cutoff(Cutoff, localizer)];
}
