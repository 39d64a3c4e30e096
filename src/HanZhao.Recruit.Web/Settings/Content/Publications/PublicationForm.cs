using System.Globalization;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

public sealed class PublicationForm
{
    public string? Title { get; set; }
    public string? Authors { get; set; }
    public string? Year { get; set; }
    public string? Venue { get; set; }
    public string? VenueLabel { get; set; }
    public string? Type { get; set; }
    public string? CcfRank { get; set; }
    public string? NoteEn { get; set; }
    public string? NoteZh { get; set; }
    public string? PdfUrl { get; set; }
    public string? Doi { get; set; }

    public static PublicationForm From(Publication p) => new()
    {
        Title = p.Title, Authors = p.Authors, Year = p.Year.ToString(CultureInfo.InvariantCulture), Venue = p.Venue, VenueLabel = p.VenueLabel,
        Type = p.Type.ToString(), CcfRank = p.CcfRank.ToString(), NoteEn = p.Note.En, NoteZh = p.Note.Zh, PdfUrl = p.PdfUrl, Doi = p.Doi,
    };

    /// <summary>Checks every field (the BibTeX import checks its entries through this too); writes them only when all are valid.</summary>
    public FormErrors ApplyTo(Publication publication, ContentRules rules)
    {
        var localizer = rules.Localizer;
        var e = new FormErrors();
        var title = rules.Required(e, nameof(Title), localizer["Title"], Title, 500);
        var authors = rules.Optional(e, nameof(Authors), localizer["Authors"], Authors, 2000);
        var year = rules.Year(e, nameof(Year), localizer["Year"], Year);
        var venue = rules.Required(e, nameof(Venue), localizer["Venue"], Venue, 100);
        var label = rules.Optional(e, nameof(VenueLabel), localizer["Venue as shown"], VenueLabel, 200);
        var type = rules.Choice<PublicationType>(e, nameof(Type), localizer["Type"], Type);
        var rank = rules.Choice<CcfRank>(e, nameof(CcfRank), localizer["CCF rank"], string.IsNullOrWhiteSpace(CcfRank) ? nameof(Data.Content.CcfRank.None) : CcfRank);
        var note = new LocalizedText(rules.Optional(e, nameof(NoteEn), localizer["Note (English)"], NoteEn, 200), rules.Optional(e, nameof(NoteZh), localizer["Note (Chinese)"], NoteZh, 200));
        var pdf = rules.Url(e, nameof(PdfUrl), localizer["PDF link"], PdfUrl, 1000);
        var doi = rules.Doi(e, nameof(Doi), Doi);
        if (e.Any)
        {
            return e;
        }

        (publication.Title, publication.Authors, publication.Year, publication.Venue) = (title, authors.Length == 0 ? null : authors, year, venue);
        // The label defaults to what the professor's list shows for most entries: venue and year.
        publication.VenueLabel = label.Length == 0 ? venue + year.ToString(CultureInfo.InvariantCulture) : label;
        (publication.Type, publication.CcfRank, publication.Note, publication.PdfUrl, publication.Doi) = (type, rank, note, pdf, doi);
        return e;
    }
}
