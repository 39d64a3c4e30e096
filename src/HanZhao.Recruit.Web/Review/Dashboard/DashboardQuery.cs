using System.Globalization;
using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review.Dashboard;

/// <summary>The columns the list can be sorted by; the query-string value is the lower-case name.</summary>
public enum DashboardSort
{
    Submitted,
    Reference,
    Name,
    Institution,
    Major,
    Intake,
    Program,
    Status,
    Score,
    Route,
    Gpa,
    Rank,
    English,
    MyScore,
}

/// <summary>The <c>scored</c> filter: applications the viewer has scored (<c>me</c>) or not yet (<c>notme</c>).</summary>
public enum ScoredFilter
{
    Me,
    NotMe,
}

/// <summary>The <c>letters</c> filter: applications with fewer letters received than their intake requires on their route.</summary>
public enum LettersFilter
{
    Missing,
}

/// <summary>The <c>dir</c> values; the query string writes them in lower case.</summary>
public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>
/// The whole state of the review list, read from and written back to the query string, so any view
/// of the list can be bookmarked, shared and returned to. Reading never fails: a value it cannot use
/// is dropped and explained in <see cref="Problems"/>.
/// </summary>
public sealed record DashboardQuery : IQueryModel<DashboardQuery>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxSearchLength = 200;
    public const int MaxTagLength = 40;

    /// <summary>A user id is at most 450 characters (Identity's column).</summary>
    public const int MaxReviewerLength = 450;

    /// <summary>The <c>reviewer</c> value that asks for applications nobody is assigned to.</summary>
    public const string Unassigned = "none";

    public int? IntakeId { get; init; }

    public StudyPrograms? Program { get; init; }

    /// <summary>The official route; <see cref="AdmissionRoute.None"/> asks for applications that have not chosen one.</summary>
    public AdmissionRoute? Route { get; init; }

    public ApplicationStatus? Status { get; init; }

    public int? InterestId { get; init; }

    public string? Tag { get; init; }

    /// <summary>A reviewer's user id, or <see cref="Unassigned"/>.</summary>
    public string? Reviewer { get; init; }

    public double? MinScore { get; init; }

    public double? MaxScore { get; init; }

    public DateOnly? SubmittedFrom { get; init; }

    /// <summary>Inclusive: the whole day counts.</summary>
    public DateOnly? SubmittedTo { get; init; }

    public string? Search { get; init; }

    /// <summary>Whether the viewer has scored the application themselves ("not yet scored by me").</summary>
    public ScoredFilter? Scored { get; init; }

    /// <summary>"letters missing": fewer letters received than required (Letters/LetterTallies.cs).</summary>
    public LettersFilter? Letters { get; init; }

    public DashboardSort Sort { get; init; } = DashboardSort.Submitted;

    /// <summary>Descending by default for dates and scores (newest, best first), ascending for text.</summary>
    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The values that were not used as sent; the page says so (texts in <c>Views/Index.cshtml</c>).</summary>
    public IReadOnlyList<QueryProblem> Problems { get; init; } = [];

    public bool HasFilters =>
        IntakeId is not null || Program is not null || Route is not null || Status is not null || InterestId is not null || Tag is not null
        || Reviewer is not null || MinScore is not null || MaxScore is not null || SubmittedFrom is not null
        || SubmittedTo is not null || Search is not null || Scored is not null || Letters is not null;

    /// <summary>
    /// How many of the filters folded inside the bar's "More filters" are set (intake, program, status
    /// and search are always visible), for the count on its summary.
    /// </summary>
    public int HiddenFilterCount =>
        new object?[] { Route, InterestId, Tag, Reviewer, MinScore, MaxScore, SubmittedFrom, SubmittedTo, Scored, Letters }.Count(v => v is not null);

    /// <summary>Figures read best first (highest score, GPA, English; a rank's best is its smallest, so it sorts ascending).</summary>
    public static bool DescendingByDefault(DashboardSort sort) =>
        sort is DashboardSort.Submitted or DashboardSort.Score or DashboardSort.MyScore or DashboardSort.Gpa or DashboardSort.English;

    /// <summary>
    /// Reads the list's state. Values it cannot use are dropped (or, for a long search and a large
    /// page size, cut down) and recorded in <see cref="Problems"/>; the dashboard adds the values the
    /// database does not know.
    /// </summary>
    public static DashboardQuery Read(QueryReader query)
    {
        var program = query.Name<StudyPrograms>("program", [StudyPrograms.PhD, StudyPrograms.Master]);
        var route = query.Name<AdmissionRoute>("route", [AdmissionRoute.None, .. AdmissionRoutes.Each]);
        // Drafts are never visible to staff, so they are not a filter either.
        var status = query.Name("status", Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft));
        var tag = query.Text("tag", MaxTagLength);
        var reviewer = query.Text("reviewer", MaxReviewerLength);
        var search = query.Text("q", MaxSearchLength, shorten: true);
        var scored = query.Name<ScoredFilter>("scored");
        var letters = query.Name<LettersFilter>("letters");
        var sort = query.Name<DashboardSort>("sort") ?? DashboardSort.Submitted;
        var direction = query.Name<SortDirection>("dir");
        var size = query.WholeNumber("size") ?? DefaultPageSize;
        if (size > MaxPageSize)
        {
            query.Refuse("size", size.ToString(CultureInfo.InvariantCulture), QueryProblemKind.Capped, MaxPageSize);
            size = MaxPageSize;
        }

        var minScore = query.Number("minScore", 1, 5);
        var maxScore = query.Number("maxScore", 1, 5);
        var from = query.Date("from");
        var to = query.Date("to");

        return new DashboardQuery
        {
            IntakeId = query.WholeNumber("intake"),
            Program = program,
            Route = route,
            Status = status,
            InterestId = query.WholeNumber("interest"),
            Tag = tag,
            Reviewer = reviewer,
            MinScore = minScore,
            MaxScore = maxScore,
            SubmittedFrom = from,
            SubmittedTo = to,
            Search = search,
            Scored = scored,
            Letters = letters,
            Sort = sort,
            Descending = direction is { } chosen ? chosen == SortDirection.Desc : DescendingByDefault(sort),
            Page = query.Page(),
            PageSize = size,
            Problems = [.. query.Problems],
        };
    }

    /// <summary>
    /// The canonical query string (without '?'), defaults left out; <paramref name="sort"/> and
    /// <paramref name="page"/> override the current ones for sort and paging links.
    /// </summary>
    public string ToQueryString(DashboardSort? sort = null, bool? descending = null, int? page = null)
    {
        var parts = new List<(string Key, string Value)>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add((key, value));
            }
        }

        Add("intake", IntakeId?.ToString(CultureInfo.InvariantCulture));
        Add("program", Program?.ToString());
        Add("route", Route?.ToString());
        Add("status", Status?.ToString());
        Add("interest", InterestId?.ToString(CultureInfo.InvariantCulture));
        Add("tag", Tag);
        Add("reviewer", Reviewer);
        Add("minScore", MinScore?.ToString(CultureInfo.InvariantCulture));
        Add("maxScore", MaxScore?.ToString(CultureInfo.InvariantCulture));
        Add("from", SubmittedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", SubmittedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("q", Search);
        Add("scored", Scored?.ToString().ToLowerInvariant());
        Add("letters", Letters?.ToString().ToLowerInvariant());

        var effectiveSort = sort ?? Sort;
        var effectiveDescending = descending ?? (sort is null ? Descending : DescendingByDefault(effectiveSort));
        if (effectiveSort != DashboardSort.Submitted)
        {
            Add("sort", effectiveSort.ToString().ToLowerInvariant());
        }

        if (effectiveDescending != DescendingByDefault(effectiveSort))
        {
            Add("dir", effectiveDescending ? "desc" : "asc");
        }

        if (PageSize != DefaultPageSize)
        {
            Add("size", PageSize.ToString(CultureInfo.InvariantCulture));
        }

        var effectivePage = page ?? Page;
        if (effectivePage > 1)
        {
            Add("page", effectivePage.ToString(CultureInfo.InvariantCulture));
        }

        var builder = new StringBuilder();
        foreach (var (key, value) in parts)
        {
            builder.Append(builder.Length == 0 ? string.Empty : "&").Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

}
