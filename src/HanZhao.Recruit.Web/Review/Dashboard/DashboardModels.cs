using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Letters;
using HanZhao.Recruit.Web.Review.SavedViews;

namespace HanZhao.Recruit.Web.Review.Dashboard;

/// <summary>One row of the list: only the columns shown, never documents or long texts.</summary>
public sealed record DashboardRow(
    int Id,
    string? ReferenceNumber,
    string FullName,
    string? ChineseName,
    string Institution,
    string Major,
    string IntakeCode,
    StudyPrograms Program,
    ApplicationStatus Status,
    DateTime? SubmittedAtUtc,
    double? AverageScore)
{
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>The official route the applicant plans; None until chosen.</summary>
    public AdmissionRoute Route { get; init; }

    /// <summary>The viewer's own score (average over the rubric), when they gave one.</summary>
    public double? MyScore { get; init; }

    public double? GpaPercent { get; init; }

    public int? RankPosition { get; init; }

    public int? CohortSize { get; init; }

    public EnglishTest? EnglishTest { get; init; }

    public double? EnglishScore { get; init; }

    /// <summary>Letters received of required (or of requested): "1/2".</summary>
    public LetterTally Letters { get; init; } = LetterTally.None;
}

public sealed record DashboardCount(int IntakeId, string IntakeCode, StudyPrograms Program, ApplicationStatus Status, int Count);

/// <summary>How many visible applications of an intake and program plan each route (None: not chosen yet).</summary>
public sealed record DashboardRouteCount(int IntakeId, string IntakeCode, StudyPrograms Program, AdmissionRoute Route, int Count);

public sealed record DashboardDeadline(int IntakeId, string Code, DateTime DeadlineUtc, int DaysLeft);

public sealed record DashboardOption(string Value, string Label);

public sealed class DashboardPage
{
    /// <summary>The query as applied: its <see cref="DashboardQuery.Problems"/> include the values the database does not know.</summary>
    public required DashboardQuery Query { get; init; }

    public required IReadOnlyList<DashboardRow> Rows { get; init; }

    public required int Total { get; init; }

    public required int Page { get; init; }

    public int PageCount => Total == 0 ? 1 : (Total + Query.PageSize - 1) / Query.PageSize;

    public required IReadOnlyList<DashboardCount> Counts { get; init; }

    public IReadOnlyList<DashboardRouteCount> RouteCounts { get; init; } = [];

    /// <summary>What the professor should act on in the recruiting cycle; nothing for a co-reviewer.</summary>
    public CycleAlerts Alerts { get; init; } = CycleAlerts.None;

    /// <summary>Submitted applications the retention job erases in the next 30 days (the professor's; 0 for a co-reviewer).</summary>
    public int ErasedSoon { get; init; }

    public required int NewSinceLastVisit { get; init; }

    public required DateTime? LastVisitUtc { get; init; }

    public required IReadOnlyList<DashboardDeadline> Deadlines { get; init; }

    public required IReadOnlyList<DashboardOption> Intakes { get; init; }

    public required IReadOnlyList<DashboardOption> Interests { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Co-reviewers (for the filter and for assignment); empty for a reviewer.</summary>
    public required IReadOnlyList<DashboardOption> Reviewers { get; init; }

    public required bool IsProfessor { get; init; }

    public string? Notice { get; init; }

    /// <summary>The viewer's own saved views, as links at the top of the list.</summary>
    public IReadOnlyList<SavedViewLink> SavedViews { get; init; } = [];

    /// <summary>The canonical query string of this view (paged where it is), for links that come back to it.</summary>
    public string QueryString => (Query with { Page = Page }).ToQueryString();
}

/// <summary>Which of the assignment form's buttons was pressed (posted as "operation").</summary>
public enum AssignOperation
{
    Assign,
    Unassign,
}

/// <summary>
/// Part of the list in its order: <see cref="Ids"/> are the rows from position <see cref="Skipped"/> + 1
/// on, of <see cref="Total"/>; <see cref="Query"/> is the list's query as applied.
/// </summary>
public sealed record ListWindow(DashboardQuery Query, int Skipped, List<int> Ids, int Total);

/// <summary>How many visible applications one intake and program hold in one status by one route.</summary>
public sealed record DashboardGroup(int IntakeId, StudyPrograms Program, ApplicationStatus Status, AdmissionRoute Route, int Count);
