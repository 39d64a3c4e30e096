using System.Globalization;
using HanZhao.Recruit.Data.Intakes;
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

    public bool Offers(StudyPrograms program) => Programs?.Contains(program.ToString(), StringComparer.OrdinalIgnoreCase) == true;

    /// <summary>The form for a blank new intake: both programs, open at once.</summary>
    public static IntakeForm New() => new() { Programs = [nameof(StudyPrograms.PhD), nameof(StudyPrograms.Master)], Open = "true" };

    /// <summary>The form filled with a stored intake, its times in Shanghai time.</summary>
    public static IntakeForm From(Intake intake) => new()
    {
        Code = intake.Code,
        Programs = [.. new[] { StudyPrograms.PhD, StudyPrograms.Master }.Where(intake.Offers).Select(p => p.ToString())],
        OpensAt = ShanghaiTime.ToInput(intake.OpensAtUtc),
        Deadline = ShanghaiTime.ToInput(intake.DeadlineUtc),
        PhdQuota = intake.PhdQuota?.ToString(CultureInfo.InvariantCulture),
        MasterQuota = intake.MasterQuota?.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>What a valid form stands for, ready to store.</summary>
public sealed record IntakeValues(
    string Code, DateOnly EnrollmentDate, StudyPrograms Programs, DateTime? OpensAtUtc, DateTime? DeadlineUtc, int? PhdQuota, int? MasterQuota);

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

    public static string? ToInput(DateTime? utc) => utc is { } value ? FromUtc(value).ToString(InputFormat, CultureInfo.InvariantCulture) : null;

    /// <summary>Parses a Shanghai date and time as the form sends it; null when it is not one.</summary>
    public static DateTime? ParseToUtc(string text) =>
        DateTime.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone)
            : null;
}
