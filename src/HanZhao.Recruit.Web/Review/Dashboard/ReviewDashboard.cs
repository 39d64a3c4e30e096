using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Migrations;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Apply;
using HanZhao.Recruit.Web.Letters;
using HanZhao.Recruit.Web.Platform.Audit;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Queries;
using HanZhao.Recruit.Web.Privacy;
using HanZhao.Recruit.Web.Review.InterviewOutcome;
using HanZhao.Recruit.Web.Review.SavedViews;
using HanZhao.Recruit.Web.Review.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Review.Dashboard;

/// <summary>
/// The review dashboard (/review): counts, what is new, deadlines, and the filtered, sorted, paged
/// list of applications, plus its CSV export and reviewer assignment. Every query starts from
/// <see cref="ReviewAccess.VisibleTo"/>, and the list projects only its own columns (no documents,
/// no long texts), so it stays fast with 100 000 applications.
/// </summary>
public sealed class ReviewDashboard(
    RecruitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CycleWatch cycle, SavedViewList savedViews,
    ScoringRules scoring, RetentionControls retention)
{
    private const int DeadlinesShown = 5;
    private const int TagsOffered = 200;

    public async Task<DashboardPage> GetPageAsync(
        ClaimsPrincipal user, DashboardQuery requested, DateTime? lastVisitUtc, string? notice, CancellationToken cancellationToken)
    {
        var isProfessor = user.IsInRole(Roles.Professor);
        var visible = db.VisibleTo(user);
        var culture = CultureInfo.CurrentUICulture.Name;

        var intakes = await db.Intakes.AsNoTracking().OrderByDescending(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.IsOpen, i.DeadlineUtc }).ToListAsync(cancellationToken);
        var interests = (await db.ResearchInterests.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(cancellationToken))
            .Select(i => new DashboardOption(i.Id.ToString(CultureInfo.InvariantCulture), i.Name.In(culture))).ToList();
        var reviewers = isProfessor ? await ReviewersAsync(cancellationToken) : [];
        var query = Validate(requested, intakes.Select(i => i.Id), interests, reviewers, isProfessor);

        var viewer = await ViewerAsync(user, cancellationToken);
        var filtered = Filter(visible, query, viewer);
        // One set of counts gives both tables (and the retention line's totals), and the list's total when it applies.
        var groups = await CountsAsync(visible, isProfessor, cancellationToken);
        var total = TotalFromCounts(query, groups) ?? await InterestTotalAsync(query, isProfessor, cancellationToken) ?? await filtered.CountAsync(cancellationToken);
        var pageCount = total == 0 ? 1 : (total + query.PageSize - 1) / query.PageSize;
        var page = Math.Min(query.Page, pageCount);
        var rows = await Sort(filtered, query, viewer).Skip((page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var tags = (await db.ApplicationTags.AsNoTracking().Where(t => ids.Contains(t.ApplicationId))
                .Select(t => new { t.ApplicationId, t.Name }).ToListAsync(cancellationToken))
            .ToLookup(t => t.ApplicationId, t => t.Name);
        var assigned = (await AssignedReviewers(db.ReviewerAssignments.Where(r => ids.Contains(r.ApplicationId))).ToListAsync(cancellationToken))
            .ToLookup(r => r.ApplicationId, r => r.Name);
        var letters = await LetterTallies.ForAsync(db, db.Applications.Where(a => ids.Contains(a.Id)).Select(a => a.Id), cancellationToken);

        var counts = groups.GroupBy(g => (g.IntakeId, g.Program, g.Status)).Select(g => new { g.Key.IntakeId, g.Key.Program, g.Key.Status, Count = g.Sum(c => c.Count) });
        var codes = intakes.ToDictionary(i => i.Id, i => i.Code);
        var routeCounts = groups.GroupBy(g => (g.IntakeId, g.Program, g.Route)).Select(g => new { g.Key.IntakeId, g.Key.Program, g.Key.Route, Count = g.Sum(c => c.Count) });

        var newSince = lastVisitUtc is { } since
            ? await visible.CountAsync(a => a.SubmittedAtUtc > since, cancellationToken)
            : 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var deadlines = intakes.Where(i => i.IsOpen && i.DeadlineUtc > now).OrderBy(i => i.DeadlineUtc).Take(DeadlinesShown)
            .Select(i => new DashboardDeadline(i.Id, i.Code, i.DeadlineUtc!.Value, (int)Math.Ceiling((i.DeadlineUtc.Value - now).TotalDays)))
            .ToList();
        // Staff tag only applications they can see, and those never become drafts again, so every tag
        // is visible to the professor: reading the Name index alone spares a lookup per tagged application.
        var taggable = isProfessor ? db.ApplicationTags : db.ApplicationTags.Where(t => visible.Any(a => a.Id == t.ApplicationId));
        var tagNames = await taggable.Select(t => t.Name).Distinct().OrderBy(n => n).Take(TagsOffered).ToListAsync(cancellationToken);

        return new DashboardPage
        {
            Query = query,
            Rows = [.. rows.Select(r => r.ToRow(viewer.Blind) with { Tags = [.. tags[r.Id].Order(StringComparer.Ordinal)], Reviewers = [.. assigned[r.Id].Order(StringComparer.Ordinal)],
                Letters = letters.GetValueOrDefault(r.Id) ?? LetterTally.None })],
            Total = total,
            Page = page,
            Counts = [.. counts.Where(c => codes.ContainsKey(c.IntakeId))
                .Select(c => new DashboardCount(c.IntakeId, codes[c.IntakeId], c.Program, c.Status, c.Count))
                .OrderByDescending(c => c.IntakeCode, StringComparer.Ordinal).ThenBy(c => c.Program).ThenBy(c => c.Status)],
            RouteCounts = [.. routeCounts.Where(c => codes.ContainsKey(c.IntakeId))
                .Select(c => new DashboardRouteCount(c.IntakeId, codes[c.IntakeId], c.Program, c.Route, c.Count))
                .OrderByDescending(c => c.IntakeCode, StringComparer.Ordinal).ThenBy(c => c.Program)
                .ThenBy(c => c.Route == AdmissionRoute.None ? int.MaxValue : (int)c.Route)],
            Alerts = isProfessor ? await cycle.GetAlertsAsync(cancellationToken) : CycleAlerts.None,
            // The professor sees every submitted application, so these are the totals the count starts from.
            ErasedSoon = isProfessor
                ? await retention.CountDueAsync(groups.GroupBy(g => (g.IntakeId, g.Status)).Select(g => new StatusCount(g.Key.IntakeId, g.Key.Status, g.Sum(c => c.Count))), cancellationToken)
                : 0,
            NewSinceLastVisit = newSince,
            LastVisitUtc = lastVisitUtc,
            Deadlines = deadlines,
            Intakes = [.. intakes.Select(i => new DashboardOption(i.Id.ToString(CultureInfo.InvariantCulture), i.Code))],
            Interests = interests,
            Tags = tagNames,
            Reviewers = reviewers,
            IsProfessor = isProfessor,
            Notice = notice,
            SavedViews = await savedViews.ListAsync(user, cancellationToken),
        };
    }

    /// <summary>
    /// The visible applications per intake, program, status and route. The professor sees every submitted
    /// one: on SQLite those counts are kept by triggers (<see cref="ApplicationCountsSql"/>), a few hundred
    /// rows; otherwise one grouped read of the covering index (intake, program, status, route).
    /// </summary>
    private async Task<List<DashboardGroup>> CountsAsync(IQueryable<Application> visible, bool isProfessor, CancellationToken cancellationToken)
    {
        if (isProfessor && db.Database.IsSqlite())
        {
            var stored = await db.Database.SqlQueryRaw<StoredCount>(ApplicationCountsSql.SelectSql).ToListAsync(cancellationToken);
            return [.. stored.Where(c => c.Status != nameof(ApplicationStatus.Draft)).Select(c => new DashboardGroup(
                c.IntakeId, Enum.Parse<StudyPrograms>(c.Program), Enum.Parse<ApplicationStatus>(c.Status), Enum.Parse<AdmissionRoute>(c.Route), c.Count))];
        }

        return await visible.GroupBy(a => new { a.IntakeId, a.Program, a.Status, a.Route })
            .Select(g => new DashboardGroup(g.Key.IntakeId, g.Key.Program, g.Key.Status, g.Key.Route, g.Count()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The list's total from the counts per intake, program, status and route when those are its only filters
    /// (the counts are of the same visible applications), so that total costs no query of its own; else null.
    /// </summary>
    private static int? TotalFromCounts(DashboardQuery query, List<DashboardGroup> groups) =>
        (query with { IntakeId = null, Program = null, Status = null, Route = null }).HasFilters
            ? null
            : groups.Where(g => (query.IntakeId is null || g.IntakeId == query.IntakeId) && (query.Program is null || g.Program == query.Program)
                && (query.Status is null || g.Status == query.Status) && (query.Route is null || g.Route == query.Route)).Sum(g => g.Count);

    /// <summary>
    /// The professor's total for the interest filter alone: the interest's rows less those of drafts, read from the
    /// (interest, application) index and the drafts' ids from the status index (the drafts are few). Counting
    /// through the applications looked each chosen application up by id (~60 ms for 50,000 at 100,000); else null.
    /// </summary>
    private async Task<int?> InterestTotalAsync(DashboardQuery query, bool isProfessor, CancellationToken cancellationToken)
    {
        if (!isProfessor || query.InterestId is not { } interestId || (query with { InterestId = null }).HasFilters)
        {
            return null;
        }

        var drafts = db.Applications.Where(a => a.Status == ApplicationStatus.Draft).Select(a => a.Id);
        return await db.ApplicationInterests.CountAsync(i => i.ResearchInterestId == interestId && !drafts.Contains(i.ApplicationId), cancellationToken);
    }

    /// <summary>A row of <see cref="ApplicationCountsSql.Table"/> as stored (the enums as their names).</summary>
    private sealed record StoredCount(int IntakeId, string Program, string Status, string Route, int Count);

    /// <summary>
    /// Writes the whole filtered list (every page, in the list's order) as CSV, streaming the rows;
    /// with <paramref name="only"/>, just those of its applications (the toolbar's selection).
    /// </summary>
    public async Task WriteCsvAsync(
        ClaimsPrincipal user, DashboardQuery requested, Stream output, CancellationToken cancellationToken, IReadOnlyList<int>? only = null)
    {
        var query = await ValidateAsync(user, requested, cancellationToken);
        var viewer = await ViewerAsync(user, cancellationToken);
        var filtered = Filter(only is null ? db.VisibleTo(user) : db.VisibleTo(user).Where(a => only.Contains(a.Id)), query, viewer);
        var ids = filtered.Select(a => a.Id);
        var tags = (await db.ApplicationTags.Where(t => ids.Contains(t.ApplicationId)).Select(t => new { t.ApplicationId, t.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.ApplicationId, t => t.Name);
        var assigned = (await AssignedReviewers(db.ReviewerAssignments.Where(r => ids.Contains(r.ApplicationId))).ToListAsync(cancellationToken))
            .ToLookup(r => r.ApplicationId, r => r.Name);
        var interviews = await InterviewColumn.SummariesAsync(db, ids, cancellationToken);
        var letters = await LetterTallies.ForAsync(db, ids, cancellationToken);

        await using var text = new StreamWriter(output, CsvWriter.Encoding, bufferSize: 64 * 1024, leaveOpen: true);
        var csv = new CsvWriter(text);
        await csv.WriteRowAsync(CsvHeader, cancellationToken);
        await foreach (var item in Sort(filtered, query, viewer).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await csv.WriteRowAsync(
            [
                item.ReferenceNumber,
                item.FullName,
                item.ChineseName,
                item.Institution,
                item.Major,
                item.IntakeCode,
                item.Program.ToString(),
                item.Route == AdmissionRoute.None ? null : AdmissionRouteGuide.For(item.Route).Name,
                item.Status.ToString(),
                item.SubmittedAtUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                item.VisibleAverage(viewer.Blind)?.ToString("0.00", CultureInfo.InvariantCulture),
                string.Join("; ", tags[item.Id].Order(StringComparer.Ordinal)),
                string.Join("; ", assigned[item.Id].Order(StringComparer.Ordinal)),
                letters.GetValueOrDefault(item.Id)?.Display,
                .. FigureColumns.Cells(item.GpaPercent, item.RankPosition, item.CohortSize, item.EnglishTest, item.EnglishScore),
                interviews.GetValueOrDefault(item.Id),
            ], cancellationToken);
        }

        await text.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The ids around a page of the list, for previous/next on an application's page: the same
    /// visibility, filters, search and sort as the dashboard, with the query as applied (values the
    /// list ignores dropped). It reads the pages before, at and after <paramref name="requested"/>'s
    /// page (at most three pages' ids, however long the list) or, with <paramref name="wholeList"/>,
    /// every id (an address that names no page holding the application).
    /// </summary>
    public async Task<ListWindow> ListWindowAsync(ClaimsPrincipal user, DashboardQuery requested, bool wholeList, CancellationToken cancellationToken)
    {
        var query = await ValidateAsync(user, requested, cancellationToken);
        var viewer = await ViewerAsync(user, cancellationToken);
        var sorted = Sort(Filter(db.VisibleTo(user), query, viewer), query, viewer).Select(i => i.Id);
        if (wholeList)
        {
            var all = await sorted.ToListAsync(cancellationToken);
            return new ListWindow(query, 0, all, all.Count);
        }

        var total = await Filter(db.VisibleTo(user), query, viewer).CountAsync(cancellationToken);
        var first = Math.Max(0, (query.Page - 2) * query.PageSize);
        return new ListWindow(query, first, await sorted.Skip(first).Take(3 * query.PageSize).ToListAsync(cancellationToken), total);
    }

    public static IReadOnlyList<string> CsvHeader { get; } =
        ["Reference", "Name", "Chinese name", "Institution", "Major", "Intake", "Program", "Route", "Status", "Submitted (UTC)", "Average score", "Tags", "Reviewers", "Letters", .. FigureColumns.Header, InterviewColumn.Header];

    /// <summary>
    /// Assigns (or unassigns) the selected applications to a co-reviewer, audited per application.
    /// Done with how many assignments changed; refused when nothing is selected or the reviewer is not
    /// an active co-reviewer.
    /// </summary>
    public async Task<Outcome<int>> AssignAsync(ClaimsPrincipal user, Selection selection, string? reviewerId, bool assign, CancellationToken cancellationToken)
    {
        if (selection.IsEmpty)
        {
            return Outcome.Invalid("ids", localizer["Select at least one application."]);
        }

        var reviewer = string.IsNullOrEmpty(reviewerId) ? null : (await ReviewersAsync(cancellationToken)).FirstOrDefault(r => r.Value == reviewerId);
        if (reviewer is null)
        {
            return Outcome.Invalid("reviewer", localizer["Choose a co-reviewer."]);
        }

        var applicationIds = selection.Ids;
        var ids = await db.VisibleTo(user).Where(a => applicationIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var existing = await db.ReviewerAssignments.Where(r => r.ReviewerId == reviewerId && ids.Contains(r.ApplicationId)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = assign ? ids.Except(existing.Select(e => e.ApplicationId)).ToList() : [.. existing.Select(e => e.ApplicationId)];
        if (assign)
        {
            db.ReviewerAssignments.AddRange(changed.Select(id => new ReviewerAssignment { ApplicationId = id, ReviewerId = reviewer.Value, AssignedAtUtc = now }));
        }
        else
        {
            db.ReviewerAssignments.RemoveRange(existing);
        }

        foreach (var id in changed)
        {
            db.Record(user, assign ? "Assign" : "Unassign", $"Application {id}", $"Reviewer {reviewer.Label} ({reviewerId})", now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(changed.Count);
    }

    /// <summary>What the list says after an assignment: how many changed, or why nothing did.</summary>
    public string AssignmentNotice(Outcome<int> outcome, bool assign) =>
        !outcome.IsDone ? outcome.Errors.Messages.First()
        : assign ? localizer["{0} application(s) assigned.", outcome.Value].Value
        : localizer["{0} application(s) unassigned.", outcome.Value].Value;

    /// <summary>Stamps the dashboard visit; returns the previous one (for "new since your last visit").</summary>
    public async Task<DateTime?> RecordVisitAsync(string userId, CancellationToken cancellationToken)
    {
        var previous = await db.Users.Where(u => u.Id == userId).Select(u => u.LastDashboardVisitUtc).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastDashboardVisitUtc, now), cancellationToken);
        return previous;
    }

    public void RecordExport(ClaimsPrincipal user, string what) =>
        db.Record(user, "Export", "Applications", what, clock.GetUtcNow().UtcDateTime);

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>Active co-reviewers, by name.</summary>
    public async Task<IReadOnlyList<DashboardOption>> ReviewersAsync(CancellationToken cancellationToken)
    {
        var reviewers = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                // The role as a subquery lets SQLite start from the RoleId index; as a join it scanned
                // every user-role row (every applicant's) first: 0.1 s with 25 000 applicants.
                where db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).Contains(ur.RoleId) && !u.IsDisabled
                select new { u.Id, Name = u.DisplayName ?? u.Email ?? u.UserName })
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. reviewers.Select(r => new DashboardOption(r.Id, r.Name ?? r.Id)).OrderBy(r => r.Label, StringComparer.CurrentCulture)];
    }

    /// <summary>The query as the list applies it, for callers that show no options (CSV, previous/next).</summary>
    private async Task<DashboardQuery> ValidateAsync(ClaimsPrincipal user, DashboardQuery requested, CancellationToken cancellationToken)
    {
        var isProfessor = user.IsInRole(Roles.Professor);
        var reviewers = isProfessor ? await ReviewersAsync(cancellationToken) : [];
        var intakeIds = await db.Intakes.Select(i => i.Id).ToListAsync(cancellationToken);
        var interests = await db.ResearchInterests.Select(i => i.Id).ToListAsync(cancellationToken);
        return Validate(requested, intakeIds, [.. interests.Select(i => new DashboardOption(i.ToString(CultureInfo.InvariantCulture), string.Empty))], reviewers, isProfessor);
    }

    /// <summary>The query without the values the database does not know (or this user may not filter by), each recorded as a problem.</summary>
    private static DashboardQuery Validate(
        DashboardQuery query, IEnumerable<int> intakeIds, IReadOnlyList<DashboardOption> interests, IReadOnlyList<DashboardOption> reviewers, bool isProfessor)
    {
        var problems = query.Problems.ToList();
        void Ignored(string key, string value) => problems.Add(new QueryProblem(key, value));

        if (query.IntakeId is { } intakeId && !intakeIds.Contains(intakeId))
        {
            Ignored("intake", intakeId.ToString(CultureInfo.InvariantCulture));
            query = query with { IntakeId = null };
        }

        if (query.InterestId is { } interestId && !interests.Any(i => i.Value == interestId.ToString(CultureInfo.InvariantCulture)))
        {
            Ignored("interest", interestId.ToString(CultureInfo.InvariantCulture));
            query = query with { InterestId = null };
        }

        // A co-reviewer sees only their own applications anyway; filtering by reviewer is the professor's.
        if (query.Reviewer is { } reviewer && reviewer != DashboardQuery.Unassigned && (!isProfessor || !reviewers.Any(r => r.Value == reviewer)))
        {
            Ignored("reviewer", reviewer.Length > 40 ? reviewer[..40] + "…" : reviewer);
            query = query with { Reviewer = null };
        }

        if (query.Reviewer is DashboardQuery.Unassigned && !isProfessor)
        {
            query = query with { Reviewer = null };
        }

        return query with { Problems = problems };
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");

    /// <summary>Who reads the list, and whether scoring is blind for them: then an average shows only where they scored too.</summary>
    private async Task<Viewer> ViewerAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        new(UserId(user), await scoring.IsBlindForAsync(user, cancellationToken));

    private sealed record Viewer(string UserId, bool Blind);

    private IQueryable<ListItem> Filter(IQueryable<Application> applications, DashboardQuery query, Viewer viewer)
    {
        if (query.IntakeId is { } intakeId)
        {
            applications = applications.Where(a => a.IntakeId == intakeId);
        }

        if (query.Program is { } program)
        {
            applications = applications.Where(a => a.Program == program);
        }

        if (query.Route is { } route)
        {
            applications = applications.Where(a => a.Route == route);
        }

        if (query.Status is { } status)
        {
            applications = applications.Where(a => a.Status == status);
        }

        if (query.InterestId is { } interestId)
        {
            // A probe of the (application, interest) key per application, read in the list's order: a page
            // stops after its rows, where "Id IN (ids that chose it)" gathered and sorted every chooser first
            // (~70 ms for an interest of half the applications at 100,000).
            applications = applications.Where(a => db.ApplicationInterests.Any(i => i.ApplicationId == a.Id && i.ResearchInterestId == interestId));
        }

        if (query.Tag is { } tag)
        {
            // "Id IN (tagged ids)" starts from the tag's index; an EXISTS per application would probe every row.
            applications = applications.Where(a => db.ApplicationTags.Where(t => t.Name == tag).Select(t => t.ApplicationId).Contains(a.Id));
        }

        if (query.Reviewer is DashboardQuery.Unassigned)
        {
            applications = applications.Where(a => !db.ReviewerAssignments.Any(r => r.ApplicationId == a.Id));
        }
        else if (query.Reviewer is { } reviewer)
        {
            applications = applications.Where(a => db.ReviewerAssignments.Where(r => r.ReviewerId == reviewer).Select(r => r.ApplicationId).Contains(a.Id));
        }

        if (query.Scored is { } scored)
        {
            // "Id IN (the ids I scored)" starts from the (ApplicationId, ReviewerId) index, like the tag filter.
            var mine = db.ApplicationScores.Where(s => s.ReviewerId == viewer.UserId).Select(s => s.ApplicationId);
            applications = scored == ScoredFilter.Me ? applications.Where(a => mine.Contains(a.Id)) : applications.Where(a => !mine.Contains(a.Id));
        }

        if (query.Letters is LettersFilter.Missing)
        {
            applications = LetterTallies.Missing(db, applications);
        }

        if (query.SubmittedFrom is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            applications = applications.Where(a => a.SubmittedAtUtc >= start);
        }

        if (query.SubmittedTo is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            applications = applications.Where(a => a.SubmittedAtUtc < end);
        }

        if (query.Search is { } search)
        {
            // Through the full-text index on SQLite (ApplicationTextSearch), composed as "Id IN (matches)".
            applications = ApplicationTextSearch.Matching(db, applications, search);
        }

        var items = applications.Select(a => new ListItem
        {
            Id = a.Id,
            ReferenceNumber = a.ReferenceNumber,
            FullName = a.FullName,
            ChineseName = a.ChineseName,
            Institution = a.Institution,
            Major = a.Major,
            IntakeCode = a.Intake!.Code,
            Program = a.Program,
            Route = a.Route,
            Status = a.Status,
            SubmittedAtUtc = a.SubmittedAtUtc,
            // The figures the list shows and the export writes (FigureColumns).
            GpaPercent = a.GpaPercent,
            RankPosition = a.RankPosition,
            CohortSize = a.CohortSize,
            EnglishTest = a.EnglishTest,
            EnglishScore = a.EnglishScore,
            // Stored with the application (Review/Scoring/ScoreFigures) and indexed; hidden from a blind viewer by Scores below.
            AverageScore = a.AverageScore,
            StatusOrder = a.StatusOrder,
            RankShare = a.RankShare,
            MyScore = db.ApplicationScores.Where(s => s.ApplicationId == a.Id && s.ReviewerId == viewer.UserId)
                .Select(s => (double?)(s.ResearchFit + s.AcademicRecord + s.Skills + s.Communication) / 4.0).FirstOrDefault(),
        });

        if (query.MinScore is { } min)
        {
            items = items.Where(i => i.AverageScore >= min);
        }

        if (query.MaxScore is { } max)
        {
            items = items.Where(i => i.AverageScore <= max);
        }

        if (viewer.Blind && (query.MinScore is not null || query.MaxScore is not null))
        {
            items = items.Where(i => i.MyScore != null);
        }

        return items;
    }

    /// <summary>
    /// The list's order. Every key is a column with an index (DashboardQueryPlanTests), ties broken by id:
    /// the pipeline order of statuses and the rank's share of the cohort are computed columns.
    /// </summary>
    private static IQueryable<ListItem> Sort(IQueryable<ListItem> items, DashboardQuery query, Viewer viewer) => query.Sort switch
    {
        DashboardSort.Route => By(items, i => i.Route, query.Descending),
        DashboardSort.Gpa => By(items, i => i.GpaPercent, query.Descending),
        // The rank as a share of the cohort, so "5/120" and "2/20" compare by how far up they are.
        DashboardSort.Rank => By(items, i => i.RankShare, query.Descending),
        // Scores of different tests do not compare: grouped by test, then by score.
        DashboardSort.English => query.Descending
            ? items.OrderByDescending(i => i.EnglishTest).ThenByDescending(i => i.EnglishScore).ThenByDescending(i => i.Id)
            : items.OrderBy(i => i.EnglishTest).ThenBy(i => i.EnglishScore).ThenBy(i => i.Id),
        DashboardSort.MyScore => By(items, i => i.MyScore, query.Descending),
        DashboardSort.Reference => By(items, i => i.ReferenceNumber, query.Descending),
        DashboardSort.Name => By(items, i => i.FullName, query.Descending),
        DashboardSort.Institution => By(items, i => i.Institution, query.Descending),
        DashboardSort.Major => By(items, i => i.Major, query.Descending),
        DashboardSort.Intake => By(items, i => i.IntakeCode, query.Descending),
        // PhD before Master: the reverse of their stored names' order, so the Program index serves.
        DashboardSort.Program => query.Descending
            ? items.OrderBy(i => i.Program).ThenByDescending(i => i.Id)
            : items.OrderByDescending(i => i.Program).ThenBy(i => i.Id),
        DashboardSort.Status => By(items, i => i.StatusOrder, query.Descending),
        // Blind scoring (Review/Scoring): the others' scores stay hidden until the viewer has scored,
        // in the column, the score filters, the sort and the export alike.
        DashboardSort.Score => viewer.Blind
            ? By(items, i => i.MyScore != null ? i.AverageScore : null, query.Descending)
            : By(items, i => i.AverageScore, query.Descending),
        _ => By(items, i => i.SubmittedAtUtc, query.Descending),
    };

    /// <summary>Sorted by the key, ties broken by id so paging never repeats or skips a row.</summary>
    private static IQueryable<ListItem> By<TKey>(IQueryable<ListItem> items, Expression<Func<ListItem, TKey>> key, bool descending) =>
        descending ? items.OrderByDescending(key).ThenByDescending(i => i.Id) : items.OrderBy(key).ThenBy(i => i.Id);

    private IQueryable<AssignedReviewer> AssignedReviewers(IQueryable<ReviewerAssignment> assignments) =>
        from r in assignments
        join u in db.Users on r.ReviewerId equals u.Id
        select new AssignedReviewer { ApplicationId = r.ApplicationId, Name = u.DisplayName ?? u.Email ?? u.Id };

    private sealed class AssignedReviewer
    {
        public int ApplicationId { get; init; }

        public string Name { get; init; } = string.Empty;
    }

    /// <summary>The list's projection: a class with settable members so EF can filter and sort on it.</summary>
    private sealed class ListItem
    {
        public int Id { get; init; }

        public string? ReferenceNumber { get; init; }

        public string FullName { get; init; } = string.Empty;

        public string? ChineseName { get; init; }

        public string Institution { get; init; } = string.Empty;

        public string Major { get; init; } = string.Empty;

        public string IntakeCode { get; init; } = string.Empty;

        public StudyPrograms Program { get; init; }

        public AdmissionRoute Route { get; init; }

        public ApplicationStatus Status { get; init; }

        public DateTime? SubmittedAtUtc { get; init; }

        /// <summary>The stored average of everyone's scores, whether or not this viewer may see it (<see cref="VisibleAverage"/>).</summary>
        public double? AverageScore { get; init; }

        public int StatusOrder { get; init; }

        public double? RankShare { get; init; }

        /// <summary>The viewer's own average over the rubric, when they scored it.</summary>
        public double? MyScore { get; init; }

        public double? GpaPercent { get; init; }

        public int? RankPosition { get; init; }

        public int? CohortSize { get; init; }

        public EnglishTest? EnglishTest { get; init; }

        public double? EnglishScore { get; init; }

        /// <summary>The average as the viewer may see it: while scoring is blind for them, only once they scored too.</summary>
        public double? VisibleAverage(bool blind) => blind && MyScore is null ? null : AverageScore;

        public DashboardRow ToRow(bool blind) => new(
            Id, ReferenceNumber, FullName, ChineseName, Institution, Major, IntakeCode, Program, Status, SubmittedAtUtc, VisibleAverage(blind))
        {
            Route = Route,
            MyScore = MyScore,
            GpaPercent = GpaPercent,
            RankPosition = RankPosition,
            CohortSize = CohortSize,
            EnglishTest = EnglishTest,
            EnglishScore = EnglishScore,
        };
    }
}
