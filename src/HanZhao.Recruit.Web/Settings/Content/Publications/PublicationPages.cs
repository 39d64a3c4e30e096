using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Queries;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

public sealed record PublicationListPage(IReadOnlyList<IGrouping<int, Publication>> ByYear, string? Done, int Count)
{
    public int Updated { get; init; }
}

/// <summary>What the list was told after a change: <c>?done=imported&amp;count=3&amp;updated=2</c>.</summary>
public sealed record PublicationListQuery(string? Done, int Count, int Updated) : IQueryModel<PublicationListQuery>
{
    public static PublicationListQuery Read(QueryReader query) =>
        new(query.Choice("done", ["added", "saved", "deleted", "moved", "imported"]), query.WholeNumber("count", min: 0) ?? 0, query.WholeNumber("updated", min: 0) ?? 0);
}

/// <summary>The add/edit form; <see cref="Id"/> null when adding.</summary>
public sealed record PublicationEditPage(int? Id, string? Slug, PublicationForm Form, FormErrors Errors)
{
    public static PublicationEditPage New() => new(null, null, new PublicationForm { Type = "Conference", CcfRank = "None" }, new FormErrors());
}

/// <summary>
/// The import form or, after a preview, what would be added and updated (the text goes back in the
/// confirm form). <see cref="Replace"/>: the entries whose "replace" box is ticked.
/// <see cref="Source"/>: "bibtex", or "dblp" when the text was fetched from DBLP (<see cref="DblpPerson"/>).
/// </summary>
public sealed record ImportPage(ImportPlan Plan, FormErrors Errors, ISet<int> Replace)
{
    public string Source { get; init; } = "bibtex";

    public string? DblpPerson { get; init; }

    /// <summary>A plan to confirm: read without a problem. Otherwise the page shows the form again.</summary>
    public bool Previewed => !Errors.Any && Plan.Candidates.Count > 0;

    public static ImportPage Blank() => new(new ImportPlan("", []), new FormErrors(), new HashSet<int>());
}

/// <summary>The DBLP form: the id or address as typed, and why it was refused.</summary>
public sealed record DblpPage(string Person, FormErrors Errors);
