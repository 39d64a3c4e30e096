using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

/// <summary>One publication in a list (Views/Shared/_PublicationItem.cshtml) with who to mark among its authors.</summary>
public sealed record PublicationItem(Publication Publication, AuthorMarker Authors);

/// <summary>A publication's link: the label is English, shown through the localizer.</summary>
public sealed record PublicationLink(string Label, string Url);

public static class PublicationLinks
{
    /// <summary>
    /// Every link the paper has, in the order readers look for them. All were checked as https when
    /// saved (the DOI is turned into its doi.org address), so each can go straight into an href.
    /// </summary>
    public static IReadOnlyList<PublicationLink> Of(Publication p)
    {
        (string Label, string? Url)[] all =
        [
            ("PDF", p.PdfUrl),
            ("DOI", string.IsNullOrWhiteSpace(p.Doi) ? null : "https://doi.org/" + p.Doi),
            ("arXiv", p.ArxivUrl),
            ("Code", p.CodeUrl),
            ("Slides", p.SlidesUrl),
            ("Video", p.VideoUrl),
            ("Project page", p.ProjectUrl),
        ];
        return [.. all.Where(l => !string.IsNullOrWhiteSpace(l.Url)).Select(l => new PublicationLink(l.Label, l.Url!))];
    }
}
