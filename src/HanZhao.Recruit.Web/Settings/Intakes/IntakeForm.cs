using System.Globalization;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Web.Notifications;

namespace HanZhao.Recruit.Web.Settings.Intakes;

/// <summary>
/// The add/edit form as posted. Every value arrives as text and is checked by
/// <see cref="IntakeSettings"/>, so "abc", "3" or a program that does not exist get our message
/// beside the field rather than the framework's binding errors.
/// </summary>
public sealed class IntakeForm
{
    public string? Code { get; set; }

    /// <summary>"PhD", "Master", or both (one checkbox each).</summary>
    public string[]? Programs { get; set; }

    /// <summary>Shanghai time, as a datetime-local input sends it: "2027-01-01T09:00".</summary>
    public string? OpensAt { get; set; }

    /// <summary>Shanghai time, like <see cref="OpensAt"/>.</summary>
    public string? Deadline { get; set; }

    public string? PhdQuota { get; set; }

    public string? MasterQuota { get; set; }

    /// <summary>Adding only: "true" opens the new intake at once; editing leaves opening to the Open/Close buttons.</summary>
    public string? Open { get; set; }

    /// <summary>The routes accepted, by name ("DirectPhd"), one checkbox each.</summary>
    public string[]? Routes { get; set; }

    /// <summary>
    /// "true" from the form's hidden field: the route boxes were on the form, so none ticked means
    /// none (refused). A post with neither (an older form, a script) leaves the routes as they are,
    /// every route for a new intake.
    /// </summary>
    public string? RoutesListed { get; set; }

    /// <summary>
    /// Letters of recommendation required per route, by route name ("ApplicationAssessment" → "2"):
    /// 0–5, empty is none. Only routes ticked are kept. Null when the post did not carry the fields
    /// (an older form, a script): the requirements stay as they are.
    /// </summary>
    public Dictionary<string, string?>? Letters { get; set; }

    /// <summary>"true" from the form's hidden field: the letters fields were on the form, so all empty means none required.</summary>
    public string? LettersListed { get; set; }

    /// <summary>The letters fields as posted; null when the post did not carry them at all.</summary>
    public Dictionary<string, string?>? PostedLetters => Letters ?? (LettersListed is not null ? [] : null);

    /// <summary>The letters field of a route as typed, or empty.</summary>
    public string? LettersFor(AdmissionRoute route) =>
        Letters?.FirstOrDefault(l => string.Equals(l.Key, route.ToString(), StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The routes as posted; null when the post did not carry the route boxes at all.</summary>
    public string[]? PostedRoutes => Routes is { Length: > 0 } || RoutesListed is not null ? Routes ?? [] : null;

    public bool Offers(StudyPrograms program) => Programs?.Contains(program.ToString(), StringComparer.OrdinalIgnoreCase) == true;

    public bool Accepts(AdmissionRoute route) => Routes?.Contains(route.ToString(), StringComparer.OrdinalIgnoreCase) == true;

    /// <summary>The form for a blank new intake: both programs, every route, open at once.</summary>
    public static IntakeForm New() => new()
    {
        Programs = [nameof(StudyPrograms.PhD), nameof(StudyPrograms.Master)],
        Routes = Names(AdmissionRoutes.All),
        RoutesListed = "true",
        LettersListed = "true",
        Open = "true",
    };

    /// <summary>
    /// The dashboard's "Open the next intake": the next September after today (Shanghai), both
    /// programs, every route, open from now, no deadline; the professor can change any of it before saving.
    /// </summary>
    public static IntakeForm NextIntake(DateTime nowUtc)
    {
        var form = New();
        form.Code = Intakes.NextIntake.Code(nowUtc);
        return form;
    }

    /// <summary>The form filled with a stored intake, its times in Shanghai time, and its letters required per route.</summary>
    public static IntakeForm From(Intake intake, IEnumerable<LetterRequirement> letters) => new()
    {
        Letters = letters.ToDictionary(l => l.Route.ToString(), l => (string?)l.Count.ToString(CultureInfo.InvariantCulture)),
        Code = intake.Code,
        Programs = [.. new[] { StudyPrograms.PhD, StudyPrograms.Master }.Where(intake.Offers).Select(p => p.ToString())],
        OpensAt = ShanghaiTime.ToInput(intake.OpensAtUtc),
        Deadline = ShanghaiTime.ToInput(intake.DeadlineUtc),
        PhdQuota = intake.PhdQuota?.ToString(CultureInfo.InvariantCulture),
        MasterQuota = intake.MasterQuota?.ToString(CultureInfo.InvariantCulture),
        Routes = Names(intake.Routes),
        RoutesListed = "true",
        LettersListed = "true",
    };

    private static string[] Names(AdmissionRoute routes) => [.. AdmissionRoutes.Each.Where(r => routes.HasFlag(r)).Select(r => r.ToString())];
}

/// <summary>What a valid form stands for, ready to store.</summary>
public sealed record IntakeValues(
    string Code, DateOnly EnrollmentDate, StudyPrograms Programs, DateTime? OpensAtUtc, DateTime? DeadlineUtc, int? PhdQuota, int? MasterQuota,
    AdmissionRoute Routes, IReadOnlyDictionary<AdmissionRoute, int>? Letters);

/// <summary>
/// The professor thinks in Shanghai time (the lab's time, as for the daily digest); the database
/// holds UTC. Every conversion for the intake settings goes through here.
/// </summary>
public static class ShanghaiTime
{
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly string[] InputFormats = [InputFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(DailyDigest.TimeZoneId);

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"2027-03-31 23:59" in Shanghai time, for tables.</summary>
    public static string Display(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026-09-01": the day in Shanghai.</summary>
    public static string Date(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The moment <paramref name="day"/> begins in Shanghai, as UTC.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>Today's date in Shanghai.</summary>
    public static DateOnly Today(DateTime nowUtc) => DateOnly.FromDateTime(FromUtc(nowUtc));

    public static string? ToInput(DateTime? utc) => utc is { } value ? FromUtc(value).ToString(InputFormat, CultureInfo.InvariantCulture) : null;

    /// <summary>Parses a Shanghai date and time as the form sends it; null when it is not one.</summary>
    public static DateTime? ParseToUtc(string text) =>
        DateTime.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone)
            : null;
}
