using System.Globalization;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review.AuditLog;

/// <summary>
/// The audit log's filters: <c>?action=Assign&amp;user=li&amp;from=2027-09-01&amp;to=2027-09-30&amp;page=2</c>.
/// A value that cannot be used is dropped and recorded (an action not in the log is recorded by
/// <see cref="AuditTrail"/>); the page says so per filter.
/// </summary>
public sealed record AuditLogQuery : IQueryModel<AuditLogQuery>
{
    public const int MaxUserLength = 100;

    public string? Action { get; init; }

    /// <summary>Part of the email address of whoever did it, any case.</summary>
    public string? User { get; init; }

    /// <summary>A day in Shanghai.</summary>
    public DateOnly? From { get; init; }

    /// <summary>A day in Shanghai, included.</summary>
    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public IReadOnlyList<QueryProblem> Problems { get; init; } = [];

    public bool HasFilters => Action is not null || User is not null || From is not null || To is not null;

    public static AuditLogQuery Read(QueryReader query) => new()
    {
        Action = query.Raw("action"),
        User = query.Text("user", MaxUserLength),
        From = query.Date("from"),
        To = query.Date("to"),
        Page = query.Page(),
        // Last: the reads above record their problems.
        Problems = [.. query.Problems],
    };

    /// <summary>Whether the value sent for any of <paramref name="keys"/> was ignored.</summary>
    public bool Ignored(params string[] keys) => Problems.Any(p => keys.Contains(p.Key));

    /// <summary>The link to another page with the same (valid) filters.</summary>
    public string PageLink(int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("action", Action);
        Add("user", User);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (page > 1)
        {
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "/review/audit" : "/review/audit?" + string.Join('&', parts);
    }
}

/// <summary>One page of the audit log with the filters that were applied and the actions to choose from.</summary>
public sealed class AuditLogPage
{
    public required AuditLogQuery Query { get; init; }

    public required IReadOnlyList<string> Actions { get; init; }

    public required LogPage<AuditEntry> Shown { get; init; }
}
