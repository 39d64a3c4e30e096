using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review;

/// <summary>
/// The applications a staff member ticked: <c>ids=1,2,3</c> in one value or <c>ids=1&amp;ids=2</c>
/// (checkboxes), from the query string or a posted form. Used by the bulk change, the ZIP of
/// documents and assignment. A list that is empty, names an application twice, holds more than
/// <see cref="Max"/> or anything that is not an id is not what any page sends: it is refused as a
/// whole (<see cref="Problem"/>), never acted on in part. Ids the user may not see are left to each
/// service (they are ignored or reported there).
/// </summary>
public sealed record Selection(IReadOnlyList<int> Ids, string? Problem) : IQueryModel<Selection>
{
    /// <summary>More than anyone selects on a page; keeps one request's work bounded.</summary>
    public const int Max = 1000;

    public const string Empty = "Select at least one application.";
    public const string NotIds = "The selection can only hold application numbers.";
    public const string Repeated = "The selection names an application more than once.";
    public const string TooMany = "Select at most 1,000 applications at a time.";

    public bool IsEmpty => Ids.Count == 0;

    /// <summary>Whether the list can be acted on: at least one id, and nothing wrong with it.</summary>
    public bool IsUsable => Problem is null;

    public static Selection Read(QueryReader query)
    {
        var before = query.Problems.Count;
        var ids = query.Ids("ids", Max);
        var kinds = query.Problems.Skip(before).Select(p => p.Kind).ToHashSet();
        var problem = kinds.Contains(QueryProblemKind.Capped) ? TooMany
            : kinds.Contains(QueryProblemKind.Ignored) ? NotIds
            : kinds.Contains(QueryProblemKind.Repeated) ? Repeated
            : ids.Count == 0 ? Empty
            : null;
        return new(ids, problem);
    }

    /// <summary>"1,2,3", as a hidden field carries it on.</summary>
    public override string ToString() => string.Join(',', Ids);
}

public static class SelectionResults
{
    /// <summary>400 with why the selection cannot be used (<see cref="Selection.Problem"/>), and the way back to the list.</summary>
    public static ViewResult RefusedSelection(this Controller controller, Selection selection) =>
        controller.RefusedRequest(selection.Problem ?? Selection.Empty, "/review", "Back to the applications");
}
