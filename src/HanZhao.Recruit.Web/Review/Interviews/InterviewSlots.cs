using System.Globalization;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Settings.Intakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Interviews;

/// <summary>
/// The professor's interview slots (/review/interviews): the intake's slots by day in Shanghai with
/// who booked them, adding one slot or a series in one form (refused: a time in the past, a start the
/// intake already has, a bad link or number), and cancelling a slot, which cancels its bookings with a
/// CANCEL invitation each, so those applicants may book another time.
/// </summary>
public sealed class InterviewSlots(RecruitDbContext db, TimeProvider clock, InterviewMail mail, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>More slots than a day of interviews holds: a typo in a series cannot make hundreds.</summary>
    public const int MaxSeries = 48;

    public const int MaxRoomLength = 200;

    public const int MaxLinkLength = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<InterviewsPage> GetPageAsync(InterviewsQuery query, SlotForm? form, FormErrors? errors, CancellationToken cancellationToken)
    {
        var intakes = await db.Intakes.AsNoTracking().OrderByDescending(i => i.EnrollmentDate)
            .Select(i => new { Choice = new IntakeChoice(i.Id, i.Code, i.IsOpen), i.EnrollmentDate }).ToListAsync(cancellationToken);
        var today = ShanghaiTime.Today(Now);
        var intake = intakes.FirstOrDefault(i => i.Choice.Id == query.Intake)?.Choice
            ?? intakes.Where(i => i.EnrollmentDate >= today).OrderByDescending(i => i.Choice.IsOpen).ThenBy(i => i.EnrollmentDate).FirstOrDefault()?.Choice
            ?? intakes.FirstOrDefault()?.Choice;
        var page = new InterviewsPage([.. intakes.Select(i => i.Choice)], intake, [], [], form ?? new SlotForm { Intake = intake?.Id.ToString(CultureInfo.InvariantCulture) }, errors ?? new FormErrors());
        return intake is null ? page : page with
        {
            Days = await DaysAsync(intake.Id, cancellationToken),
            Candidates = await CandidatesAsync(intake.Id, cancellationToken),
        };
    }

    /// <summary>Adds one slot, or the series the form describes; done with how many were added.</summary>
    public async Task<Outcome<int>> AddAsync(ClaimsPrincipal user, SlotForm form, CancellationToken cancellationToken)
    {
        var errors = new FormErrors();
        var intakeId = FormNumbers.WholeNumber(form.Intake, 1, int.MaxValue) is { } id && await db.Intakes.AnyAsync(i => i.Id == id, cancellationToken) ? id : (int?)null;
        if (intakeId is null)
        {
            errors.Add("intake", localizer["Choose an intake."]);
        }

        var slots = Read(form, errors);
        if (slots.Count > 0 && intakeId is { } intake)
        {
            var starts = slots.Select(s => s.StartsAtUtc).ToList();
            var clash = await db.InterviewSlots.Where(s => s.IntakeId == intake && !s.IsCancelled && starts.Contains(s.StartsAtUtc))
                .OrderBy(s => s.StartsAtUtc).Select(s => (DateTime?)s.StartsAtUtc).FirstOrDefaultAsync(cancellationToken);
            if (clash is { } taken)
            {
                errors.Add("start", localizer["The intake already has a slot starting at {0}.", InterviewText.Shanghai(taken)]);
            }
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var now = Now;
        foreach (var slot in slots)
        {
            slot.IntakeId = intakeId!.Value;
            slot.CreatedAtUtc = now;
            db.InterviewSlots.Add(slot);
        }

        db.Record(user, "InterviewSlotsAdded", $"Intake {intakeId}",
            $"{slots.Count} × {slots[0].LengthMinutes} min from {InterviewText.Shanghai(slots[0].StartsAtUtc)}, {slots[0].Mode}: {slots[0].Location}", now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(slots.Count);
    }

    /// <summary>Cancels a slot and its bookings (a CANCEL invitation to each applicant and the professor); done with the slot's intake.</summary>
    public async Task<Outcome<int>> CancelAsync(ClaimsPrincipal user, int slotId, CancellationToken cancellationToken)
    {
        var slot = await db.InterviewSlots.SingleOrDefaultAsync(s => s.Id == slotId, cancellationToken);
        if (slot is null)
        {
            return Outcome.NotFound();
        }

        if (slot.IsCancelled)
        {
            return Outcome.Done(slot.IntakeId);
        }

        slot.IsCancelled = true;
        var bookings = await db.InterviewBookings.Where(b => b.SlotId == slotId).ToListAsync(cancellationToken);
        var ids = bookings.Select(b => b.ApplicationId).ToList();
        var invitations = await db.InterviewInvitations.Where(i => ids.Contains(i.ApplicationId)).ToListAsync(cancellationToken);
        var applicants = await InterviewMail.Applicants(db.Applications.Where(a => ids.Contains(a.Id))).ToListAsync(cancellationToken);
        foreach (var booking in bookings)
        {
            db.InterviewBookings.Remove(booking);
            await mail.QueueCalendarAsync(
                applicants.Single(a => a.ApplicationId == booking.ApplicationId), invitations.Single(i => i.ApplicationId == booking.ApplicationId), slot, InterviewChange.SlotCancelled, cancellationToken);
        }

        db.Record(user, "InterviewSlotCancelled", $"Intake {slot.IntakeId}",
            $"Slot {slot.Id} at {InterviewText.Shanghai(slot.StartsAtUtc)}; bookings cancelled: {bookings.Count}", Now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An applicant moved or cancelled meanwhile (their own email went out then): read again and cancel what is left.
            db.ChangeTracker.Clear();
            return await CancelAsync(user, slotId, cancellationToken);
        }

        return Outcome.Done(slot.IntakeId);
    }

    /// <summary>The slots the form describes (one, or a series), or none with the reasons in <paramref name="errors"/>.</summary>
    private List<InterviewSlot> Read(SlotForm form, FormErrors errors)
    {
        var date = DateOnly.TryParseExact(form.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        var start = Time(form.Start);
        var length = FormNumbers.WholeNumber(form.Length, 5, 480);
        var capacity = FormNumbers.WholeNumber(form.Capacity, 1, 20);
        var mode = QueryReader.NameOf<InterviewMode>(form.Mode?.Trim() ?? string.Empty);
        Check(date is null, "date", localizer["Enter the day as 2026-03-10."], errors);
        Check(start is null, "start", localizer["Enter the time as 09:30 (Shanghai time)."], errors);
        Check(length is null, "length", localizer["A slot is 5 to 480 minutes long."], errors);
        Check(capacity is null, "capacity", localizer["A slot takes 1 to 20 people."], errors);
        Check(mode is null, "mode", localizer["Choose on site or online."], errors);
        var location = mode is { } chosen ? Location(chosen, form.Location, errors) : null;
        var starts = date is { } d && start is { } s && length is { } minutes ? Starts(d, s, minutes, form, errors) : [];
        if (starts.Count > 0 && starts[0] <= Now)
        {
            errors.Add("start", localizer["That time has passed: choose a time in the future."]);
        }

        return errors.Any ? [] : [.. starts.Select(t => new InterviewSlot
        {
            StartsAtUtc = t, LengthMinutes = length!.Value, Mode = mode!.Value, Location = location!, Capacity = capacity!.Value,
        })];
    }

    /// <summary>One start, or the series from the start every so many minutes while a slot still ends by "until".</summary>
    private List<DateTime> Starts(DateOnly day, TimeOnly start, int length, SlotForm form, FormErrors errors)
    {
        var first = ShanghaiTime.ParseToUtc(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + start.ToString("HH:mm", CultureInfo.InvariantCulture))!.Value;
        if (string.IsNullOrWhiteSpace(form.Until) && string.IsNullOrWhiteSpace(form.Every))
        {
            return [first];
        }

        var until = Time(form.Until);
        var every = string.IsNullOrWhiteSpace(form.Every) ? length : FormNumbers.WholeNumber(form.Every, 5, 480);
        Check(until is null, "until", localizer["Enter the end of the series as 12:00, or leave it empty for one slot."], errors);
        Check(every is null, "every", localizer["Enter the minutes from one start to the next, 5 to 480."], errors);
        Check(every < length, "every", localizer["Slots of a series must not overlap: start them at least a slot's length apart."], errors);
        if (errors.Any)
        {
            return [];
        }

        // TimeOnly subtraction wraps past midnight; a series ends on its own day.
        var end = first + (until!.Value.ToTimeSpan() - start.ToTimeSpan());
        var starts = new List<DateTime>();
        for (var t = first; t.AddMinutes(length) <= end && starts.Count <= MaxSeries; t = t.AddMinutes(every!.Value))
        {
            starts.Add(t);
        }

        Check(starts.Count == 0, "until", localizer["No slot fits between the start and the end of the series."], errors);
        Check(starts.Count > MaxSeries, "until", localizer["A series adds at most {0} slots at once.", MaxSeries], errors);
        return errors.Any ? [] : starts;
    }

    /// <summary>The room (on site) or the meeting link (online, http or https only: no javascript: or file: in an applicant's page).</summary>
    private string? Location(InterviewMode mode, string? typed, FormErrors errors)
    {
        var text = typed?.Trim() ?? string.Empty;
        if (mode == InterviewMode.OnSite)
        {
            Check(text.Length is 0 or > MaxRoomLength, "location", localizer["Enter the room, at most {0} characters.", MaxRoomLength], errors);
            return text;
        }

        var valid = text.Length <= MaxLinkLength && Uri.TryCreate(text, UriKind.Absolute, out var link)
            && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(link.Host);
        Check(!valid, "location", localizer["Enter the meeting link, starting with https:// (at most {0} characters).", MaxLinkLength], errors);
        return text;
    }

    private static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static void Check(bool wrong, string field, string message, FormErrors errors)
    {
        if (wrong && !errors.Has(field))
        {
            errors.Add(field, message);
        }
    }

    private async Task<IReadOnlyList<SlotDay>> DaysAsync(int intakeId, CancellationToken cancellationToken)
    {
        var slots = await db.InterviewSlots.AsNoTracking().Where(s => s.IntakeId == intakeId).OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var ids = slots.Select(s => s.Id).ToList();
        var bookings = await (from b in db.InterviewBookings
                              join a in db.Applications on b.ApplicationId equals a.Id
                              where ids.Contains(b.SlotId)
                              orderby b.Seat
                              select new { b.SlotId, Booking = new SlotBooking(a.Id, a.FullName, a.ReferenceNumber ?? "#" + a.Id, b.Seat) })
            .AsNoTracking().ToListAsync(cancellationToken);
        var now = Now;
        return [.. slots
            .Select(s => new StaffSlot(SlotView.Of(s, bookings.Count(b => b.SlotId == s.Id)), [.. bookings.Where(b => b.SlotId == s.Id).Select(b => b.Booking)], s.StartsAtUtc <= now))
            .GroupBy(s => ShanghaiTime.Date(s.Slot.StartsAtUtc))
            .Select(g => new SlotDay(InterviewText.ShanghaiDay(g.First().Slot.StartsAtUtc), [.. g]))];
    }

    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(int intakeId, CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking()
            .Where(a => a.IntakeId == intakeId && a.Status == ApplicationStatus.Interview)
            .OrderBy(a => a.FullName).ThenBy(a => a.Id)
            .Select(a => new Candidate(
                a.Id, a.FullName, a.ReferenceNumber ?? "#" + a.Id, a.Program,
                db.InterviewInvitations.Any(i => i.ApplicationId == a.Id),
                (from b in db.InterviewBookings join s in db.InterviewSlots on b.SlotId equals s.Id where b.ApplicationId == a.Id select (DateTime?)s.StartsAtUtc).FirstOrDefault()))
            .ToListAsync(cancellationToken);
}
