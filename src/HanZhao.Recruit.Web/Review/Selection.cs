using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Review;

/// <summary>
/// The applications a staff member ticked: <c>ids=1,2,3</c> in one value or <c>ids=1&amp;ids=2</c>
/// (checkboxes), from the query string or a posted form. Used by the bulk change, the ZIP of
/// documents and assignment. Junk and duplicates are dropped; ids the user may not see are left to
/// each service (they are ignored or reported there).
/// </summary>
public sealed record Selection(IReadOnlyList<int> Ids) : IQueryModel<Selection>
{
    /// <summary>More than anyone selects on a page; keeps one request's work bounded.</summary>
    public const int Max = 1000;

    public bool IsEmpty => Ids.Count == 0;

    public static Selection Read(QueryReader query) => new(query.Ids("ids", Max));

    /// <summary>"1,2,3", as a hidden field carries it on.</summary>
    public override string ToString() => string.Join(',', Ids);
}
