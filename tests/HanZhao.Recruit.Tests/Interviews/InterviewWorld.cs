using System.Globalization;
using System.Net;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Tests.Applicant;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Interviews;

/// <summary>Jobs off (the emails stay in the outbox, where tests read them, unless a test sends them); the professor's address is known.</summary>
public class InterviewApp : PortalAppFactory
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";

    public InterviewApp()
    {
        Settings["Jobs:Enabled"] = "false";
        Settings["Recruit:ProfessorEmail"] = ProfessorEmail;
    }
}

/// <summary>What the interview tests do as a user would: the professor adds slots and invites, applicants book through their page.</summary>
public sealed class InterviewWorld(PortalAppFactory app)
{
    /// <summary>Each test takes days of its own, so slots of one test never clash with another's.</summary>
    private static int _day;

    private HttpClient? _professor;

    /// <summary>A day a week or more after the test clock's start (2026-03-02), never the same twice.</summary>
    public static DateOnly NextDay() => new DateOnly(2026, 3, 10).AddDays(Interlocked.Increment(ref _day));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>UTC of a Shanghai day and time ("09:30").</summary>
    public static DateTime Utc(DateOnly day, string time) =>
        day.ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc).AddHours(-8);

    public async Task<HttpClient> ProfessorAsync() => _professor ??= await app.CreateClientSignedInAsync(Roles.Professor);

    public async Task<int> IntakeIdAsync()
    {
        // Signing the professor in starts the app, whose start applies the migrations and seeds the intakes.
        await ProfessorAsync();
        await using var db = app.CreateDbContext();
        return await db.Intakes.OrderBy(i => i.Code).Select(i => i.Id).FirstAsync();
    }

    /// <summary>Posts the add-slots form; <paramref name="fields"/> replace the defaults (30 min, on site in Room 3-402, one person).</summary>
    public async Task<HttpResponseMessage> AddSlotsAsync(DateOnly day, string start, params (string Field, string Value)[] fields)
    {
        var intake = await IntakeIdAsync();
        var form = new Dictionary<string, string>
        {
            ["intake"] = intake.ToString(CultureInfo.InvariantCulture), ["date"] = Day(day), ["start"] = start, ["length"] = "30",
            ["mode"] = "OnSite", ["location"] = "Room 3-402, SEIEE Building", ["capacity"] = "1", ["until"] = "", ["every"] = "",
        };
        foreach (var (field, value) in fields)
        {
            form[field] = value;
        }

        return await (await ProfessorAsync()).PostFormAsync("/review/interviews", "/review/interviews/slots", form);
    }

    /// <summary>Adds slots and answers their ids in order of start.</summary>
    public async Task<IReadOnlyList<int>> SlotsAsync(DateOnly day, string start, params (string Field, string Value)[] fields)
    {
        using (var added = await AddSlotsAsync(day, start, fields))
        {
            await added.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        await using var db = app.CreateDbContext();
        var from = Utc(day, "00:00");
        return await db.InterviewSlots.Where(s => s.StartsAtUtc >= from && s.StartsAtUtc < from.AddDays(1)).OrderBy(s => s.StartsAtUtc).Select(s => s.Id).ToListAsync();
    }

    /// <summary>An applicant signed in, their application in <paramref name="status"/>, invited by the professor when asked.</summary>
    public async Task<(HttpClient Client, Application Application)> ApplicantAsync(bool invited = true, ApplicationStatus status = ApplicationStatus.Interview, string culture = "en")
    {
        var applicant = await app.CreateApplicantAsync(culture);
        var application = await app.CreateApplicationAsync(applicant, status, culture);
        if (invited)
        {
            using var invite = await InviteAsync(application.Id);
            await invite.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        return (await app.SignedInClientAsync(applicant), application);
    }

    public async Task<HttpResponseMessage> InviteAsync(params int[] ids) =>
        await (await ProfessorAsync()).PostFormAsync("/review/interviews", "/review/interviews/invitations",
            [new("intake", (await IntakeIdAsync()).ToString(CultureInfo.InvariantCulture)), .. ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture)))]);

    public static Task<HttpResponseMessage> BookAsync(HttpClient applicant, int applicationId, string slot) =>
        applicant.PostFormAsync("/applicant", $"/applicant/{applicationId}/interview", [new("slot", slot)]);

    public static Task<HttpResponseMessage> CancelAsync(HttpClient applicant, int applicationId) =>
        applicant.PostFormAsync("/applicant", $"/applicant/{applicationId}/interview/cancel", []);

    public async Task<InterviewBooking?> BookingAsync(int applicationId)
    {
        await using var db = app.CreateDbContext();
        return await db.InterviewBookings.AsNoTracking().SingleOrDefaultAsync(b => b.ApplicationId == applicationId);
    }

    public async Task<int> CalendarEmailsAsync(int applicationId)
    {
        await using var db = app.CreateDbContext();
        return await db.EmailMessages.CountAsync(m => m.ApplicationId == applicationId && m.Kind == "InterviewCalendar");
    }

    /// <summary>A slot written straight to the database: one the form would refuse (in the past, of another intake).</summary>
    public async Task<int> StoreSlotAsync(DateTime startsAtUtc, int? intakeId = null, bool cancelled = false, int capacity = 1) =>
        (await app.StoreSlotAsync(intakeId ?? await IntakeIdAsync(), startsAtUtc, InterviewMode.Online, "https://meeting.tencent.com/dm/test", cancelled, capacity: capacity)).Id;
}
