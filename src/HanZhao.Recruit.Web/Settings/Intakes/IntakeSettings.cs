using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Caching;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.PublicSite.Interest;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Settings.Intakes;

/// <summary>
/// The professor's intakes: the table with submitted counts against quotas, adding, editing,
/// opening and closing. Each change is audited in the same save and evicts the public pages'
/// output cache, so /, /join and /apply show it at once, and announces an intake that now takes
/// applications to the registrants waiting for it. A refused form changes nothing.
/// </summary>
public sealed partial class IntakeSettings(
    RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer, IOutputCacheStore cache, InterestAnnouncements announcements)
{
    public const int MaxQuota = 1000;

    /// <summary>Letters of recommendation an intake may require on a route (the database allows 1–5; 0 is no row).</summary>
    public const int MaxLetters = 5;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Longer than any valid value of any field: "2027-03-31T23:59:00" is 19 characters.</summary>
    public const int MaxFieldLength = 40;

    public async Task<IntakeSettingsPage> GetPageAsync(IntakeListQuery query, IntakeForm? form, FormErrors? errors, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var intakes = await db.Intakes.AsNoTracking().OrderByDescending(i => i.Code).ToListAsync(cancellationToken);
        var counts = (await db.Applications.AsNoTracking()
                .Where(a => a.Status != ApplicationStatus.Draft)
                .GroupBy(a => new { a.IntakeId, a.Program })
                .Select(g => new { g.Key.IntakeId, g.Key.Program, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.IntakeId, c.Program), c => c.Count);
        int Submitted(int id, StudyPrograms program) => counts.GetValueOrDefault((id, program));

        return new IntakeSettingsPage
        {
            Intakes = [.. intakes.Select(i => new IntakeRow(
                i.Id, i.Code, i.Programs, i.IsOpen, i.IsAcceptingApplications(now), i.OpensAtUtc, i.DeadlineUtc,
                i.PhdQuota, i.MasterQuota, Submitted(i.Id, StudyPrograms.PhD), Submitted(i.Id, StudyPrograms.Master)))],
            Form = form ?? (query.Prefill == IntakeListQuery.NextIntake ? IntakeForm.NextIntake(now) : IntakeForm.New()),
            Errors = errors ?? new FormErrors(),
            Done = query.Done,
            DoneCode = intakes.Any(i => i.Code == query.Code) ? query.Code : null,
            Prefilled = form is null && query.Prefill == IntakeListQuery.NextIntake,
        };
    }

    public async Task<IntakeEditPage?> GetEditAsync(int id, IntakeForm? form, FormErrors? errors, CancellationToken cancellationToken)
    {
        if (await db.Intakes.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } intake)
        {
            return null;
        }

        var letters = await db.LetterRequirements.AsNoTracking().Where(r => r.IntakeId == id).ToListAsync(cancellationToken);
        return new IntakeEditPage { Id = id, Code = intake.Code, Form = form ?? IntakeForm.From(intake, letters), Errors = errors ?? new FormErrors() };
    }

    public async Task<Outcome<Intake>> AddAsync(ClaimsPrincipal user, IntakeForm form, CancellationToken cancellationToken)
    {
        var errors = new FormErrors();
        var values = await ValidateAsync(form, null, AdmissionRoutes.All, errors, cancellationToken);
        bool? open = form.Open switch
        {
            null or "" or "false" => false,
            "true" => true,
            _ => null,
        };
        if (open is null)
        {
            errors.Add("open", localizer["Tick the box to open the intake at once, or leave it empty."]);
        }

        if (values is null || errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var intake = new Intake { IsOpen = open == true };
        Apply(intake, values);
        var now = clock.GetUtcNow().UtcDateTime;

        // The id is known only after the insert; the audit row commits with it all the same.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Intakes.Add(intake);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same code added at the same moment by another request: the unique index refused it.
            db.ChangeTracker.Clear();
            return Outcome.Invalid("code", Duplicate(values.Code));
        }

        var letters = await SetLettersAsync(intake, values.Letters, cancellationToken);
        db.Record(user, "Intake", Id(intake), "Add: " + Describe(intake, letters), now);
        db.MarkPublicContentChanged(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(cancellationToken);
        return Outcome.Done(intake);
    }

    public async Task<Outcome<Intake>> EditAsync(ClaimsPrincipal user, int id, IntakeForm form, CancellationToken cancellationToken)
    {
        var intake = await db.Intakes.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (intake is null)
        {
            return Outcome.NotFound();
        }

        var errors = new FormErrors();
        if (await ValidateAsync(form, id, intake.Routes, errors, cancellationToken) is not { } values)
        {
            return Outcome.Invalid(errors);
        }

        var before = Describe(intake, await db.LetterRequirements.AsNoTracking().Where(r => r.IntakeId == id).ToListAsync(cancellationToken));
        Apply(intake, values);
        var letters = await SetLettersAsync(intake, values.Letters, cancellationToken);
        db.Record(user, "Intake", Id(intake), $"Edit: {before} → {Describe(intake, letters)}", clock.GetUtcNow().UtcDateTime);
        db.MarkPublicContentChanged(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid("code", Duplicate(values.Code));
        }

        await PublishAsync(cancellationToken);
        return Outcome.Done(intake);
    }

    /// <summary>
    /// After a saved change: the public pages show it at once, and registrants of an intake that now
    /// takes applications are told at once rather than at the job server's next minute (each is told
    /// once either way).
    /// </summary>
    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        await cache.EvictPublicPagesAsync(cancellationToken);
        await announcements.AnnounceOpenIntakesAsync(cancellationToken);
    }

    /// <summary>Opens or closes an intake; pressing the button again (a double click) changes and records nothing more.</summary>
    public async Task<Outcome<Intake>> SetOpenAsync(ClaimsPrincipal user, int id, bool open, CancellationToken cancellationToken)
    {
        var intake = await db.Intakes.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (intake is null)
        {
            return Outcome.NotFound();
        }

        if (intake.IsOpen != open)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            intake.IsOpen = open;
            // /join says since when a closed intake is closed; an open one has no such moment.
            intake.ClosedAtUtc = open ? null : now;
            db.Record(user, "Intake", Id(intake), open ? "Open" : "Close", now);
            db.MarkPublicContentChanged(now);
            await db.SaveChangesAsync(cancellationToken);
            await PublishAsync(cancellationToken);
        }

        return Outcome.Done(intake);
    }

    /// <summary>
    /// Checks every field, writing a message per refused field into <paramref name="errors"/>; the values
    /// when all are valid. <paramref name="routesBefore"/> stand when the post has no routes field at all.
    /// </summary>
    private async Task<IntakeValues?> ValidateAsync(
        IntakeForm form, int? exceptId, AdmissionRoute routesBefore, FormErrors errors, CancellationToken cancellationToken)
    {
        var (code, enrollment) = ParseCode(form.Code, errors);
        if (code is not null)
        {
            // A handful of rows: compared in memory, so the rule (whitespace and case ignored) is the same on every database.
            var others = await db.Intakes.Where(i => i.Id != (exceptId ?? 0)).Select(i => i.Code).ToListAsync(cancellationToken);
            if (others.Any(c => string.Equals(Normalise(c), code, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add("code", Duplicate(code));
            }
        }

        var programs = ParsePrograms(form.Programs, errors);
        var opens = ParseMoment("opensAt", form.OpensAt, errors);
        var deadline = ParseMoment("deadline", form.Deadline, errors);
        if (opens is { } start && deadline is { } end && end <= start)
        {
            errors.Add("deadline", localizer["The deadline must be after the opening."]);
        }

        var phdQuota = ParseQuota("phdQuota", form.PhdQuota, StudyPrograms.PhD, programs, errors);
        var masterQuota = ParseQuota("masterQuota", form.MasterQuota, StudyPrograms.Master, programs, errors);
        var routes = form.PostedRoutes is { } posted ? ParseRoutes(posted, errors) : routesBefore;
        RequireRoutes(programs, routes, errors);
        var letters = form.PostedLetters is { } typed ? ParseLetters(typed, routes, programs, errors) : null;

        return !errors.Any && code is not null
            ? new IntakeValues(code, enrollment, programs, opens, deadline, phdQuota, masterQuota, routes, letters)
            : null;
    }

    private (string? Code, DateOnly EnrollmentDate) ParseCode(string? text, FormErrors errors)
    {
        if (text is { Length: > MaxFieldLength })
        {
            errors.Add("code", localizer["The code is too long. Write it as YYYY.MM, e.g. 2027.09."]);
            return (null, default);
        }

        var code = Normalise(text ?? string.Empty);
        if (code.Length == 0)
        {
            errors.Add("code", localizer["Enter the intake's code, e.g. 2027.09."]);
            return (null, default);
        }

        if (!CodePattern().IsMatch(code))
        {
            errors.Add("code", localizer["Write the code as YYYY.MM, e.g. 2027.09."]);
            return (null, default);
        }

        var year = int.Parse(code[..4], NumberStyles.None, CultureInfo.InvariantCulture);
        var month = int.Parse(code[5..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            errors.Add("code", localizer["The month must be from 01 to 12."]);
            return (null, default);
        }

        if (year is < MinYear or > MaxYear)
        {
            errors.Add("code", localizer["The year must be from {0} to {1}.", MinYear, MaxYear]);
            return (null, default);
        }

        return (code, new DateOnly(year, month, 1));
    }

    private StudyPrograms ParsePrograms(string[]? posted, FormErrors errors)
    {
        var values = (posted ?? []).Where(p => !string.IsNullOrEmpty(p)).ToList();
        var programs = StudyPrograms.None;
        foreach (var value in values)
        {
            // Names only: "3" or "PhD, Master" would parse as flags but are not what the form sends.
            if (string.Equals(value, nameof(StudyPrograms.PhD), StringComparison.OrdinalIgnoreCase))
            {
                programs |= StudyPrograms.PhD;
            }
            else if (string.Equals(value, nameof(StudyPrograms.Master), StringComparison.OrdinalIgnoreCase))
            {
                programs |= StudyPrograms.Master;
            }
            else
            {
                errors.Add("programs", localizer["Choose PhD, Master or both; there is no other program."]);
                return StudyPrograms.None;
            }
        }

        if (programs == StudyPrograms.None)
        {
            errors.Add("programs", localizer["Choose at least one program."]);
        }

        return programs;
    }

    private DateTime? ParseMoment(string field, string? text, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > MaxFieldLength || ShanghaiTime.ParseToUtc(text.Trim()) is not { Year: >= MinYear and <= MaxYear } utc)
        {
            errors.Add(field, localizer["Enter a date and time between {0} and {1}, e.g. 2027-03-31 23:59.", MinYear, MaxYear]);
            return null;
        }

        return utc;
    }

    private int? ParseQuota(string field, string? text, StudyPrograms program, StudyPrograms offered, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > MaxFieldLength || !int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quota) || quota > MaxQuota)
        {
            errors.Add(field, localizer["A quota is a whole number from 0 to {0}, or empty.", MaxQuota]);
            return null;
        }

        // Only said when the programs themselves are valid: otherwise the programs' message is the one to act on.
        if (offered != StudyPrograms.None && !offered.HasFlag(program))
        {
            errors.Add(field, program == StudyPrograms.PhD
                ? localizer["This intake does not offer PhD: leave the PhD quota empty."]
                : localizer["This intake does not offer Master: leave the Master quota empty."]);
            return null;
        }

        return quota;
    }

    /// <summary>The ticked routes, by name only (a number or "DirectPhd, NationalExam" is not what the form sends).</summary>
    private AdmissionRoute ParseRoutes(string[] posted, FormErrors errors)
    {
        var routes = AdmissionRoute.None;
        foreach (var value in posted.Where(v => !string.IsNullOrEmpty(v)))
        {
            var route = AdmissionRoutes.Each.FirstOrDefault(r => string.Equals(r.ToString(), value, StringComparison.OrdinalIgnoreCase));
            if (route == AdmissionRoute.None)
            {
                errors.Add("routes", localizer["Choose routes from the list; there is no other route."]);
                return AdmissionRoute.None;
            }

            routes |= route;
        }

        return routes;
    }

    /// <summary>
    /// Letters required per route: a whole number 0–5 or empty for each route named; a route that is
    /// not one is refused; a route not ticked (or of a program not offered) needs none, whatever was typed.
    /// </summary>
    private Dictionary<AdmissionRoute, int> ParseLetters(Dictionary<string, string?> posted, AdmissionRoute routes, StudyPrograms programs, FormErrors errors)
    {
        var letters = new Dictionary<AdmissionRoute, int>();
        foreach (var (name, text) in posted)
        {
            var route = AdmissionRoutes.Each.FirstOrDefault(r => string.Equals(r.ToString(), name, StringComparison.OrdinalIgnoreCase));
            if (route == AdmissionRoute.None)
            {
                errors.Add("routes", localizer["Choose routes from the list; there is no other route."]);
                return letters;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (FormNumbers.WholeNumber(text, 0, MaxLetters) is not { } count)
            {
                errors.Add("letters-" + route, localizer["Letters required: a whole number from 0 to {0}, or empty.", MaxLetters]);
            }
            else if (count > 0 && routes.HasFlag(route) && programs.HasFlag(AdmissionRoutes.ProgramOf(route)))
            {
                letters[route] = count;
            }
        }

        return letters;
    }

    /// <summary>Replaces the intake's requirements with <paramref name="letters"/>; null keeps them. Returns what stands.</summary>
    private async Task<List<LetterRequirement>> SetLettersAsync(Intake intake, IReadOnlyDictionary<AdmissionRoute, int>? letters, CancellationToken cancellationToken)
    {
        var stored = await db.LetterRequirements.Where(r => r.IntakeId == intake.Id).ToListAsync(cancellationToken);
        if (letters is null)
        {
            return stored;
        }

        db.LetterRequirements.RemoveRange(stored.Where(r => !letters.ContainsKey(r.Route)));
        foreach (var (route, count) in letters)
        {
            if (stored.FirstOrDefault(r => r.Route == route) is { } row)
            {
                row.Count = count;
            }
            else
            {
                db.LetterRequirements.Add(new LetterRequirement { IntakeId = intake.Id, Route = route, Count = count });
            }
        }

        return [.. letters.Select(l => new LetterRequirement { IntakeId = intake.Id, Route = l.Key, Count = l.Value })];
    }

    /// <summary>A program offered needs a way in: at least one of its routes.</summary>
    private void RequireRoutes(StudyPrograms programs, AdmissionRoute routes, FormErrors errors)
    {
        if (errors.For("routes") is not null)
        {
            return;
        }

        if (programs.HasFlag(StudyPrograms.PhD) && AdmissionRoutes.Of(StudyPrograms.PhD, routes).Count == 0)
        {
            errors.Add("phdRoutes", localizer["Keep at least one PhD route: applicants choose one of them."]);
        }

        if (programs.HasFlag(StudyPrograms.Master) && AdmissionRoutes.Of(StudyPrograms.Master, routes).Count == 0)
        {
            errors.Add("masterRoutes", localizer["Keep at least one Master route: applicants choose one of them."]);
        }
    }

    private string Duplicate(string code) => localizer["There is already an intake {0}.", code];

    private static void Apply(Intake intake, IntakeValues values)
    {
        intake.Code = values.Code;
        intake.EnrollmentDate = values.EnrollmentDate;
        intake.Programs = values.Programs;
        intake.OpensAtUtc = values.OpensAtUtc;
        intake.DeadlineUtc = values.DeadlineUtc;
        intake.PhdQuota = values.PhdQuota;
        intake.MasterQuota = values.MasterQuota;
        intake.Routes = values.Routes;
    }

    /// <summary>What the audit log says about an intake: its code, programs, times (Shanghai), quotas and letters required.</summary>
    private static string Describe(Intake intake, IEnumerable<LetterRequirement> letters)
    {
        var required = string.Join(", ", letters.OrderBy(l => l.Route).Select(l => $"{l.Route} {l.Count}"));
        static string Time(DateTime? utc) => utc is { } value ? ShanghaiTime.Display(value) : "—";
        static string Quota(int? quota) => quota?.ToString(CultureInfo.InvariantCulture) ?? "—";
        return $"{intake.Code} {intake.Programs}, opens {Time(intake.OpensAtUtc)}, deadline {Time(intake.DeadlineUtc)} (Asia/Shanghai), "
            + $"quota PhD {Quota(intake.PhdQuota)} Master {Quota(intake.MasterQuota)}, routes {intake.Routes}, "
            + $"letters {(required.Length == 0 ? "none" : required)}, {(intake.IsOpen ? "open" : "closed")}";
    }

    private static string Id(Intake intake) => intake.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whitespace anywhere is ignored: " 2027 .09" is 2027.09.</summary>
    private static string Normalise(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex("^[0-9]{4}\\.[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
