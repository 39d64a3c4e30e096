using HanZhao.Recruit.Data.Interviews;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace HanZhao.Recruit.Web.Interviews;

/// <summary>Who an invitation is from and to, and what the event says, in the reader's language.</summary>
public sealed record CalendarInvite(
    string OrganizerName, string OrganizerEmail, string AttendeeName, string AttendeeEmail, string Summary, string Description);

/// <summary>
/// The iCalendar text of an interview (RFC 5546 iTIP): METHOD:REQUEST for a booking or a change,
/// METHOD:CANCEL for a cancellation. The UID stays the invitation's for its whole life and SEQUENCE
/// is the invitation's counter, raised by every change, so a calendar updates or removes the one
/// event it already holds instead of adding another. Times are written in UTC ("…Z"): every
/// calendar shows them in its own zone.
/// </summary>
public static class InterviewCalendar
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public static string Booked(InterviewInvitation invitation, InterviewSlot slot, CalendarInvite invite, DateTime nowUtc) =>
        Write(invitation, slot, invite, nowUtc, Request);

    public static string Cancelled(InterviewInvitation invitation, InterviewSlot slot, CalendarInvite invite, DateTime nowUtc) =>
        Write(invitation, slot, invite, nowUtc, Cancel);

    private static string Write(InterviewInvitation invitation, InterviewSlot slot, CalendarInvite invite, DateTime nowUtc, string method)
    {
        var start = DateTime.SpecifyKind(slot.StartsAtUtc, DateTimeKind.Utc);
        var interview = new CalendarEvent
        {
            Uid = invitation.CalendarUid,
            Sequence = invitation.CalendarSequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(start.AddMinutes(slot.LengthMinutes)),
            Summary = invite.Summary,
            Description = invite.Description,
            Location = slot.Location,
            Status = method == Cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + invite.OrganizerEmail) { CommonName = invite.OrganizerName },
        };
        interview.Attendees.Add(new Attendee("mailto:" + invite.AttendeeEmail)
        {
            CommonName = invite.AttendeeName,
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = EventParticipationStatus.Accepted,
        });
        var calendar = new Calendar { Method = method, ProductId = "-//Han Zhao Lab//HanZhao.Recruit//EN" };
        calendar.Events.Add(interview);
        return new CalendarSerializer().SerializeToString(calendar)
               ?? throw new InvalidOperationException("The calendar could not be written.");
    }

}
