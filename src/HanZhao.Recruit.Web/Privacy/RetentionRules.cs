using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Privacy;

/// <summary>The kinds of application the retention periods tell apart.</summary>
public enum RetentionKind
{
    /// <summary>Never submitted.</summary>
    Draft,

    /// <summary>Rejected, withdrawn, or an offer declined.</summary>
    NotAdmitted,

    /// <summary>An offer made or accepted.</summary>
    Admitted,

    /// <summary>Submitted and never decided (still in review).</summary>
    Undecided,
}

/// <summary>What the due date of one application depends on.</summary>
public sealed record RetentionFacts(ApplicationStatus Status, DateOnly EnrollmentDate, DateTime UpdatedAtUtc, DateTime? EndedAtUtc, DateTime? KeepUntilUtc);

/// <summary>
/// The one answer to "when is this due for erasure?": the configured periods with the professor's
/// setting for admitted students. The retention job, the consent text, the professor's page and the
/// tests all ask here.
/// </summary>
public sealed record RetentionRules(int NotAdmittedMonths, int DraftDays, int AdmittedMonths, int UndecidedMonths, int OutboxDays, int NoticeDays)
{
    public static RetentionRules From(RetentionOptions options, int? admittedMonths) => new(
        options.NotAdmittedMonths, options.DraftDays, admittedMonths ?? options.AdmittedMonths, options.UndecidedMonths, options.OutboxDays, options.NoticeDays);

    public TimeSpan Notice => TimeSpan.FromDays(NoticeDays);

    /// <summary>The shortest period after enrollment of any submitted application.</summary>
    public int ShortestMonths => Math.Min(NotAdmittedMonths, Math.Min(AdmittedMonths, UndecidedMonths));

    public static RetentionKind KindOf(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => RetentionKind.Draft,
        ApplicationStatus.Rejected or ApplicationStatus.Withdrawn or ApplicationStatus.Declined => RetentionKind.NotAdmitted,
        // An offer still unanswered is kept like an admission: erasing it early could lose a student we admitted.
        ApplicationStatus.Offer or ApplicationStatus.Accepted => RetentionKind.Admitted,
        _ => RetentionKind.Undecided,
    };

    /// <summary>The moment the configured period ends, before any extension.</summary>
    public DateTime ScheduledUtc(RetentionFacts facts)
    {
        var enrollment = EnrollmentStartsUtc(facts.EnrollmentDate);
        return KindOf(facts.Status) switch
        {
            RetentionKind.Draft => facts.UpdatedAtUtc.AddDays(DraftDays),
            // The later of the two, so an application that ends after enrollment (a late withdrawal) still gets its full period.
            RetentionKind.NotAdmitted => Later(enrollment, facts.EndedAtUtc ?? facts.UpdatedAtUtc).AddMonths(NotAdmittedMonths),
            RetentionKind.Admitted => enrollment.AddMonths(AdmittedMonths),
            _ => enrollment.AddMonths(UndecidedMonths),
        };
    }

    /// <summary>When the application is erased: the configured moment, or the professor's later "keep until".</summary>
    public DateTime DueUtc(RetentionFacts facts) => Later(ScheduledUtc(facts), facts.KeepUntilUtc ?? DateTime.MinValue);

    /// <summary>The enrollment date as a moment: midnight in Shanghai, as <see cref="Intake.EnrollmentStartsUtc"/>.</summary>
    public static DateTime EnrollmentStartsUtc(DateOnly date) => new Intake { EnrollmentDate = date }.EnrollmentStartsUtc;

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}

/// <summary>How many applications of one intake are in one status.</summary>
public sealed record StatusCount(int IntakeId, ApplicationStatus Status, int Count);

/// <summary>One application as the retention job and the professor's page see it.</summary>
public sealed record RetentionItem(
    int Id, string? ReferenceNumber, string FullName, ApplicationStatus Status, string Culture, string Email, string IntakeCode,
    StudyPrograms Program, DateTime UpdatedAtUtc, DateTime? KeepUntilUtc, DateTime? NoticeForUtc, DateTime? NoticedAtUtc,
    DateTime ScheduledUtc, DateTime DueUtc)
{
    public bool Extended => DueUtc > ScheduledUtc;

    /// <summary>The notice in force: sent for the date that now applies (an extension needs a new one).</summary>
    public bool Noticed => NoticeForUtc == DueUtc && NoticedAtUtc is not null;
}

/// <summary>Reads the rules in force (the options and the professor's setting) and every application's due date.</summary>
public sealed class RetentionPolicy(RecruitDbContext db, IOptions<RetentionOptions> options)
{
    public RetentionOptions Options => options.Value;

    public async Task<RetentionRules> RulesAsync(CancellationToken cancellationToken)
    {
        var admitted = await db.ReviewSettings.AsNoTracking().Where(s => s.Id == ReviewSettings.SingletonId)
            .Select(s => s.AdmittedRetentionMonths).SingleOrDefaultAsync(cancellationToken);
        return RetentionRules.From(options.Value, admitted);
    }

    /// <summary>How many submitted applications each intake has in each status (what <see cref="CountDueAsync"/> starts from).</summary>
    public async Task<List<StatusCount>> SubmittedCountsAsync(CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking().Where(a => a.Status != ApplicationStatus.Draft)
            .GroupBy(a => new { a.IntakeId, a.Status }).Select(g => new StatusCount(g.Key.IntakeId, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// How many submitted applications are due by <paramref name="horizon"/>: the same number as
    /// <see cref="ScheduleAsync"/>'s non-drafts with <c>DueUtc &lt;= horizon</c>, without reading them,
    /// from <paramref name="submitted"/> (<see cref="SubmittedCountsAsync"/>, or the dashboard's own
    /// counts, which are the same numbers). An admitted or undecided application's scheduled moment
    /// depends only on its intake's enrollment date, so the rule is asked once per intake and status.
    /// Then two corrections, each read through an index that holds only a few rows: the applications
    /// kept beyond the horizon, and the not-admitted ones changed lately. A not-admitted application is
    /// due no earlier than its last change plus the period; as adding months never moves a later moment
    /// before an earlier one, every one last changed at or before <c>horizon - period</c> is as due as its
    /// intake says, and only those changed later go through the rule one by one.
    /// </summary>
    public async Task<int> CountDueAsync(RetentionRules rules, DateTime horizon, IEnumerable<StatusCount> submitted, CancellationToken cancellationToken)
    {
        var enrollments = await db.Intakes.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.EnrollmentDate, cancellationToken);
        // The scheduled moment without its last-change part (MinValue never wins "the later of").
        bool Scheduled(int intakeId, ApplicationStatus status) => status != ApplicationStatus.Draft && enrollments.TryGetValue(intakeId, out var date)
            && rules.ScheduledUtc(new RetentionFacts(status, date, DateTime.MinValue, DateTime.MinValue, null)) <= horizon;
        var count = submitted.Where(g => Scheduled(g.IntakeId, g.Status)).Sum(g => g.Count);

        var kept = await db.Applications.AsNoTracking().Where(a => a.KeepUntilUtc > horizon && a.Status != ApplicationStatus.Draft)
            .Select(a => new { a.IntakeId, a.Status }).ToListAsync(cancellationToken);
        count -= kept.Count(a => Scheduled(a.IntakeId, a.Status));

        // Margin days: a month back and forth again lands no later (a month's end shortens), so this is
        // already safe; the margin only keeps it so should the rule ever round the other way.
        var changedBy = horizon.AddMonths(-rules.NotAdmittedMonths).AddDays(-4);
        var notAdmitted = Enum.GetValues<ApplicationStatus>().Where(s => RetentionRules.KindOf(s) == RetentionKind.NotAdmitted).ToList();
        // UNION ALL, not UNION: a UNION merges in id order, and SQLite then walks every change by id.
        // The ids first, then their rows by id: asked in one statement, SQLite starts from the status index.
        var recent = await db.ApplicationStatusChanges.Where(c => c.ChangedAtUtc > changedBy).Select(c => c.ApplicationId)
            .Concat(db.Applications.Where(a => notAdmitted.Contains(a.Status) && a.UpdatedAtUtc > changedBy).Select(a => a.Id))
            .ToListAsync(cancellationToken);
        if (recent.Count == 0)
        {
            return count;
        }

        var ids = recent.Distinct().ToList();
        var borderline = (await db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && notAdmitted.Contains(a.Status) && (a.KeepUntilUtc == null || a.KeepUntilUtc <= horizon))
            .Select(a => new { a.Id, a.IntakeId, a.Status }).ToListAsync(cancellationToken))
            .Where(a => Scheduled(a.IntakeId, a.Status)).Select(a => a.Id).ToList();
        if (borderline.Count == 0)
        {
            return count;
        }

        // Counted above as due by their intake; the rule decides each.
        var schedule = await ScheduleAsync(rules, borderline, dueBy: null, cancellationToken);
        return count - borderline.Count + schedule.Count(i => i.DueUtc <= horizon && i.Status != ApplicationStatus.Draft);
    }

    /// <summary>
    /// The applications that may fall due by <paramref name="dueBy"/> (every one when null), with their
    /// due dates, soonest first. The dates are computed here rather than in SQL (months after a date, the
    /// later of two moments): one rule in C# is what the consent text and the tests read too. The query
    /// only narrows: an application is due no earlier than its scheduled moment, which is at least the
    /// shortest period after its enrollment date (or, for a draft, its last change), so the dashboard and
    /// the daily job read the few that are near, not the whole table.
    /// </summary>
    public async Task<List<RetentionItem>> ScheduleAsync(RetentionRules rules, IReadOnlyCollection<int>? only, DateTime? dueBy, CancellationToken cancellationToken)
    {
        var query = db.Applications.AsNoTracking();
        if (only is not null)
        {
            query = query.Where(a => only.Contains(a.Id));
        }

        if (dueBy is { } horizon)
        {
            var changedBy = horizon.AddDays(-rules.DraftDays);
            // A few days' margin: adding months is not the exact inverse of subtracting them at a month's end.
            var enrolledBy = DateOnly.FromDateTime(horizon.AddMonths(-rules.ShortestMonths)).AddDays(4);
            // Two conditions each with an index (status then time; intake), not one per-row CASE: the
            // dashboard counts these on every visit, and a CASE read every application (DashboardQueryPlanTests).
            var enrolled = db.Intakes.Where(i => i.EnrollmentDate <= enrolledBy).Select(i => i.Id);
            query = query.Where(a => (a.Status == ApplicationStatus.Draft && a.UpdatedAtUtc <= changedBy)
                || (a.Status != ApplicationStatus.Draft && enrolled.Contains(a.IntakeId)));
        }

        var rows = await query.Select(a => new
        {
            a.Id, a.ReferenceNumber, a.FullName, a.Status, a.Culture, Email = a.Applicant!.Email, a.Intake!.Code, a.Intake.EnrollmentDate, a.Program,
            a.UpdatedAtUtc, a.KeepUntilUtc, a.RetentionNoticeForUtc, a.RetentionNoticedAtUtc,
            EndedAtUtc = db.ApplicationStatusChanges.Where(c => c.ApplicationId == a.Id).Max(c => (DateTime?)c.ChangedAtUtc),
        }).ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var facts = new RetentionFacts(r.Status, r.EnrollmentDate, r.UpdatedAtUtc, r.EndedAtUtc, r.KeepUntilUtc);
            return new RetentionItem(r.Id, r.ReferenceNumber, r.FullName, r.Status, r.Culture, r.Email ?? string.Empty, r.Code, r.Program,
                r.UpdatedAtUtc, r.KeepUntilUtc, r.RetentionNoticeForUtc, r.RetentionNoticedAtUtc, rules.ScheduledUtc(facts), rules.DueUtc(facts));
        }).OrderBy(i => i.DueUtc).ThenBy(i => i.Id)];
    }
}
