using System.Globalization;
using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;
using Microsoft.Extensions.Localization;

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
}

/// <summary>
/// The whole state of the review list, read from and written back to the query string, so any view
/// of the list can be bookmarked, shared and returned to. Parsing never throws: a value it cannot use
/// is dropped and explained in <see cref="Messages"/>.
/// </summary>
public sealed record DashboardQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxSearchLength = 200;
    public const int MaxTagLength = 40;

    /// <summary>The <c>reviewer</c> value that asks for applications nobody is assigned to.</summary>
    public const string Unassigned = "none";

    public int? IntakeId { get; init; }

    public StudyPrograms? Program { get; init; }

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

    public DashboardSort Sort { get; init; } = DashboardSort.Submitted;

    /// <summary>Descending by default for dates and scores (newest, best first), ascending for text.</summary>
    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public IReadOnlyList<string> Messages { get; init; } = [];

    public bool HasFilters =>
        IntakeId is not null || Program is not null || Status is not null || InterestId is not null || Tag is not null
        || Reviewer is not null || MinScore is not null || MaxScore is not null || SubmittedFrom is not null
        || SubmittedTo is not null || Search is not null;

    public static bool DescendingByDefault(DashboardSort sort) => sort is DashboardSort.Submitted or DashboardSort.Score;

    public static DashboardQuery Parse(IQueryCollection query, IStringLocalizer localizer)
    {
        var messages = new List<string>();
        string? Value(string key) => query[key].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        void Ignored(string key, string value) =>
            messages.Add(localizer["The value '{0}' for '{1}' is not valid and was ignored.", Shorten(value), key]);

        int? PositiveInt(string key)
        {
            if (Value(key) is not { } raw)
            {
                return null;
            }

            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }

            Ignored(key, raw);
            return null;
        }

        double? Score(string key)
        {
            if (Value(key) is not { } raw)
            {
                return null;
            }

            if (double.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 5)
            {
                return value;
            }

            Ignored(key, raw);
            return null;
        }

        DateOnly? Date(string key)
        {
            if (Value(key) is not { } raw)
            {
                return null;
            }

            if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                return value;
            }

            Ignored(key, raw);
            return null;
        }

        StudyPrograms? program = null;
        if (Value("program") is { } programText)
        {
            if (Enum.TryParse<StudyPrograms>(programText, ignoreCase: true, out var parsed)
                && parsed is StudyPrograms.PhD or StudyPrograms.Master && !programText.Any(char.IsDigit))
            {
                program = parsed;
            }
            else
            {
                Ignored("program", programText);
            }
        }

        ApplicationStatus? status = null;
        if (Value("status") is { } statusText)
        {
            // Drafts are never visible to staff, so they are not a filter either.
            if (Enum.TryParse<ApplicationStatus>(statusText, ignoreCase: true, out var parsed)
                && parsed != ApplicationStatus.Draft && !statusText.Any(char.IsDigit))
            {
                status = parsed;
            }
            else
            {
                Ignored("status", statusText);
            }
        }

        var tag = Value("tag");
        if (tag is { Length: > MaxTagLength })
        {
            Ignored("tag", tag);
            tag = null;
        }

        var reviewer = Value("reviewer");
        if (reviewer is { Length: > 450 })
        {
            Ignored("reviewer", reviewer);
            reviewer = null;
        }

        var search = Value("q");
        if (search is { Length: > MaxSearchLength })
        {
            messages.Add(localizer["The search was shortened to its first {0} characters.", MaxSearchLength]);
            search = search[..MaxSearchLength].Trim();
        }

        var sort = DashboardSort.Submitted;
        if (Value("sort") is { } sortText)
        {
            if (Enum.TryParse<DashboardSort>(sortText, ignoreCase: true, out var parsed) && !sortText.Any(char.IsDigit))
            {
                sort = parsed;
            }
            else
            {
                Ignored("sort", sortText);
            }
        }

        var descending = DescendingByDefault(sort);
        if (Value("dir") is { } dirText)
        {
            switch (dirText.ToLowerInvariant())
            {
                case "asc":
                    descending = false;
                    break;
                case "desc":
                    descending = true;
                    break;
                default:
                    Ignored("dir", dirText);
                    break;
            }
        }

        var size = PositiveInt("size") ?? DefaultPageSize;
        if (size > MaxPageSize)
        {
            messages.Add(localizer["At most {0} applications are shown per page.", MaxPageSize]);
            size = MaxPageSize;
        }

        var minScore = Score("minScore");
        var maxScore = Score("maxScore");
        var from = Date("from");
        var to = Date("to");

        return new DashboardQuery
        {
            IntakeId = PositiveInt("intake"),
            Program = program,
            Status = status,
            InterestId = PositiveInt("interest"),
            Tag = tag,
            Reviewer = reviewer,
            MinScore = minScore,
            MaxScore = maxScore,
            SubmittedFrom = from,
            SubmittedTo = to,
            Search = string.IsNullOrEmpty(search) ? null : search,
            Sort = sort,
            Descending = descending,
            Page = PositiveInt("page") ?? 1,
            PageSize = size,
            Messages = messages,
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
        Add("status", Status?.ToString());
        Add("interest", InterestId?.ToString(CultureInfo.InvariantCulture));
        Add("tag", Tag);
        Add("reviewer", Reviewer);
        Add("minScore", MinScore?.ToString(CultureInfo.InvariantCulture));
        Add("maxScore", MaxScore?.ToString(CultureInfo.InvariantCulture));
        Add("from", SubmittedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", SubmittedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("q", Search);

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

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
