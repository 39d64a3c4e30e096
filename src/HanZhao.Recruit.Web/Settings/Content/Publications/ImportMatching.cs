using System.Globalization;
using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

public enum ImportAction
{
    /// <summary>Not on the list: added.</summary>
    New,

    /// <summary>On the list (same DOI or title) and the entry adds or differs in some field.</summary>
    Update,

    /// <summary>On the list with nothing to add.</summary>
    Unchanged,

    /// <summary>An earlier entry of the same text is the same paper: skipped.</summary>
    Repeat,
}

/// <summary>
/// One field an import changes on a listed paper. <see cref="Replaces"/>: the paper has a different
/// value (which the professor may have set by hand), so it is written only when the preview's
/// "replace" box is ticked; otherwise the field was empty and is filled.
/// </summary>
public sealed record FieldChange(string Label, string? Before, string After, bool Replaces);

/// <summary>The fields an import compares and copies, each as text so one rule handles them all.</summary>
public static class ImportMatching
{
    private sealed record Field(string Label, Func<Publication, string?> Get, Action<Publication, string> Set);

    // Not the CCF rank (BibTeX has none), the selection or the note in Chinese: only the professor sets those.
    private static readonly Field[] Fields =
    [
        new("Title", p => p.Title, (p, v) => p.Title = v),
        new("Authors", p => p.Authors, (p, v) => p.Authors = v),
        new("Year", p => p.Year.ToString(CultureInfo.InvariantCulture), (p, v) => p.Year = int.Parse(v, CultureInfo.InvariantCulture)),
        new("Month", p => p.Month?.ToString(CultureInfo.InvariantCulture), (p, v) => p.Month = int.Parse(v, CultureInfo.InvariantCulture)),
        new("Venue", p => p.Venue, (p, v) => p.Venue = v),
        new("Venue as shown", p => p.VenueLabel, (p, v) => p.VenueLabel = v),
        new("Type", p => p.Type.ToString(), (p, v) => p.Type = Enum.Parse<PublicationType>(v)),
        new("Volume", p => p.Volume, (p, v) => p.Volume = v),
        new("Number", p => p.Number, (p, v) => p.Number = v),
        new("Pages", p => p.Pages, (p, v) => p.Pages = v),
        new("Publisher", p => p.Publisher, (p, v) => p.Publisher = v),
        new("DOI", p => p.Doi, (p, v) => p.Doi = v),
        new("PDF link", p => p.PdfUrl, (p, v) => p.PdfUrl = v),
        new("arXiv link", p => p.ArxivUrl, (p, v) => p.ArxivUrl = v),
        new("Abstract", p => p.Abstract, (p, v) => p.Abstract = v),
        new("Note (English)", p => p.Note.En, (p, v) => p.Note = p.Note with { En = v }),
    ];

    /// <summary>What <paramref name="imported"/> would change on <paramref name="listed"/>: empty fields filled, different ones replaced.</summary>
    public static IReadOnlyList<FieldChange> Compare(Publication listed, Publication imported)
    {
        var changes = new List<FieldChange>();
        foreach (var field in Fields)
        {
            var after = field.Get(imported);
            var before = field.Get(listed);
            if (string.IsNullOrEmpty(after) || string.Equals(before, after, StringComparison.Ordinal)
                || (field.Label == "DOI" && DoiKey(before) == DoiKey(after)))
            {
                continue;
            }

            changes.Add(new FieldChange(field.Label, string.IsNullOrEmpty(before) ? null : before, after, !string.IsNullOrEmpty(before)));
        }

        return changes;
    }

    /// <summary>Writes the changes: the filled ones always, the replacing ones only when <paramref name="replace"/>.</summary>
    public static void Apply(Publication listed, IReadOnlyList<FieldChange> changes, bool replace)
    {
        foreach (var change in changes.Where(c => replace || !c.Replaces))
        {
            Fields.Single(f => f.Label == change.Label).Set(listed, change.After);
        }
    }

    /// <summary>DOIs compare without case (doi.org treats them so).</summary>
    public static string? DoiKey(string? doi) => string.IsNullOrWhiteSpace(doi) ? null : doi.Trim().ToUpperInvariant();
}
