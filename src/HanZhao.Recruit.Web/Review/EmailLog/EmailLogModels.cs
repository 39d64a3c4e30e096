using System.Globalization;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review.EmailLog;

/// <summary>One row of the email log: the columns shown, without the bodies.</summary>
public sealed record EmailLogRow(
    Guid Id,
    DateTime CreatedAtUtc,
    string Kind,
    string ToAddress,
    string? ToName,
    string Subject,
    EmailStatus Status,
    int Attempts,
    string? LastError,
    DateTime? SentAtUtc);

/// <summary>
/// The email log's query: <c>?status=Failed&amp;page=2</c>, and <c>?done=resent</c> after a resend.
/// An unknown status or an invalid page is dropped and recorded; the page says so per filter.
/// </summary>
public sealed record EmailLogQuery(EmailStatus? Status, int Page, bool Resent, IReadOnlyList<QueryProblem> Problems) : IQueryModel<EmailLogQuery>
{
    public static EmailLogQuery Read(QueryReader query)
    {
        var status = query.Name<EmailStatus>("status");
        var page = query.Page();
        return new(status, page, query.Raw("done") == "resent", [.. query.Problems]);
    }

    /// <summary>Whether the value sent for <paramref name="key"/> was ignored.</summary>
    public bool Ignored(string key) => Problems.Any(p => p.Key == key);
}

/// <summary>One page of the email log with the filter that was applied.</summary>
public sealed class EmailLogPage
{
    public required EmailLogQuery Query { get; init; }

    public required LogPage<EmailLogRow> Shown { get; init; }

    /// <summary>The link to another page with the same (valid) filter.</summary>
    public string PageLink(int page)
    {
        var parts = new List<string>();
        if (Query.Status is { } status)
        {
            parts.Add("status=" + status);
        }

        if (page > 1)
        {
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "/review/emails" : "/review/emails?" + string.Join('&', parts);
    }
}
