using System.Globalization;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

public sealed partial class PublicationForm
{
    /// <summary>Characters of the author list: about 60 names.</summary>
    public const int MaxAuthorsLength = 2000;

    public string? Title { get; set; }
    public string? Authors { get; set; }
    public string? Year { get; set; }
    public string? Month { get; set; }
    public string? Venue { get; set; }
    public string? VenueLabel { get; set; }
    public string? Type { get; set; }
    public string? CcfRank { get; set; }
    public string? Volume { get; set; }
    public string? Number { get; set; }
    public string? Pages { get; set; }
    public string? Publisher { get; set; }
    public string? NoteEn { get; set; }
    public string? NoteZh { get; set; }
    public string? Abstract { get; set; }
    public string? PdfUrl { get; set; }
    public string? Doi { get; set; }
    public string? CodeUrl { get; set; }
    public string? SlidesUrl { get; set; }
    public string? VideoUrl { get; set; }
    public string? ProjectUrl { get; set; }
    public string? ArxivUrl { get; set; }

    /// <summary>"true" when the box is ticked; anything else is not selected.</summary>
    public string? Selected { get; set; }

    public static PublicationForm From(Publication p) => new()
    {
        Title = p.Title, Authors = p.Authors, Year = p.Year.ToString(CultureInfo.InvariantCulture),
        Month = p.Month?.ToString(CultureInfo.InvariantCulture), Venue = p.Venue, VenueLabel = p.VenueLabel,
        Type = p.Type.ToString(), CcfRank = p.CcfRank.ToString(), Volume = p.Volume, Number = p.Number, Pages = p.Pages,
        Publisher = p.Publisher, NoteEn = p.Note.En, NoteZh = p.Note.Zh, Abstract = p.Abstract, PdfUrl = p.PdfUrl, Doi = p.Doi,
        CodeUrl = p.CodeUrl, SlidesUrl = p.SlidesUrl, VideoUrl = p.VideoUrl, ProjectUrl = p.ProjectUrl, ArxivUrl = p.ArxivUrl,
        Selected = p.IsSelected ? "true" : null,
    };

    /// <summary>Checks every field (the BibTeX import checks its entries through this too); writes them only when all are valid.</summary>
    public FormErrors ApplyTo(Publication publication, ContentRules rules)
    {
        var localizer = rules.Localizer;
        var e = new FormErrors();
        var title = rules.Required(e, nameof(Title), localizer["Title"], Title, 500);
        var authors = AuthorList(e, rules);
        var year = rules.Year(e, nameof(Year), localizer["Year"], Year);
        var month = rules.Month(e, nameof(Month), localizer["Month"], Month);
        var venue = rules.Required(e, nameof(Venue), localizer["Venue"], Venue, 100);
        var label = rules.Optional(e, nameof(VenueLabel), localizer["Venue as shown"], VenueLabel, 200);
        var type = rules.Choice<PublicationType>(e, nameof(Type), localizer["Type"], Type);
        var rank = rules.Choice<CcfRank>(e, nameof(CcfRank), localizer["CCF rank"], string.IsNullOrWhiteSpace(CcfRank) ? nameof(Data.Content.CcfRank.None) : CcfRank);
        var volume = rules.Optional(e, nameof(Volume), localizer["Volume"], Volume, PublicationLimits.Brief);
        var number = rules.Optional(e, nameof(Number), localizer["Number"], Number, PublicationLimits.Brief);
        var pages = PageRange(e, rules);
        var publisher = rules.Optional(e, nameof(Publisher), localizer["Publisher"], Publisher, 200);
        var note = new LocalizedText(rules.Optional(e, nameof(NoteEn), localizer["Note (English)"], NoteEn, 200), rules.Optional(e, nameof(NoteZh), localizer["Note (Chinese)"], NoteZh, 200));
        var summary = rules.Optional(e, nameof(Abstract), localizer["Abstract"], Abstract, PublicationLimits.Abstract);
        var pdf = rules.HttpsUrl(e, nameof(PdfUrl), localizer["PDF link"], PdfUrl, 1000);
        var doi = rules.Doi(e, nameof(Doi), Doi);
        var code = rules.HttpsUrl(e, nameof(CodeUrl), localizer["Code link"], CodeUrl, 1000);
        var slides = rules.HttpsUrl(e, nameof(SlidesUrl), localizer["Slides link"], SlidesUrl, 1000);
        var video = rules.HttpsUrl(e, nameof(VideoUrl), localizer["Video link"], VideoUrl, 1000);
        var project = rules.HttpsUrl(e, nameof(ProjectUrl), localizer["Project page link"], ProjectUrl, 1000);
        var arxiv = rules.HttpsUrl(e, nameof(ArxivUrl), localizer["arXiv link"], ArxivUrl, 1000);
        if (e.Any)
        {
            return e;
        }

        (publication.Title, publication.Authors, publication.Year, publication.Month, publication.Venue) = (title, authors, year, month, venue);
        // The label defaults to what the professor's list shows for most entries: venue and year.
        publication.VenueLabel = label.Length == 0 ? venue + year.ToString(CultureInfo.InvariantCulture) : label;
        (publication.Type, publication.CcfRank, publication.Note) = (type, rank, note);
        (publication.Volume, publication.Number, publication.Pages, publication.Publisher) = (Null(volume), Null(number), pages, Null(publisher));
        (publication.Abstract, publication.PdfUrl, publication.Doi) = (Null(summary), pdf, doi);
        (publication.CodeUrl, publication.SlidesUrl, publication.VideoUrl, publication.ProjectUrl, publication.ArxivUrl) = (code, slides, video, project, arxiv);
        publication.IsSelected = Selected == "true";
        return e;
    }

    /// <summary>
    /// Names one per line, or separated by commas, semicolons or "and", stored as "A, B, C" (the
    /// ordered list <see cref="Publication.AuthorNames"/> reads). "Zhao, Han" would read as two
    /// names, so the hint asks for "Han Zhao".
    /// </summary>
    private string? AuthorList(FormErrors e, ContentRules rules)
    {
        var text = rules.Optional(e, nameof(Authors), rules.Localizer["Authors"], Authors, MaxAuthorsLength);
        var joined = string.Join(", ", Publication.SplitAuthors(text));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>"101-115", "101--115", "101–115" or "e1234" → stored with a single hyphen; BibTeX writes "--".</summary>
    private string? PageRange(FormErrors e, ContentRules rules)
    {
        var text = rules.Optional(e, nameof(Pages), rules.Localizer["Pages"], Pages, PublicationLimits.Brief);
        if (text.Length == 0)
        {
            return null;
        }

        if (!PageShape().IsMatch(text))
        {
            e.Add(nameof(Pages), rules.Localizer["Pages must look like 101-115 or 42."]);
            return null;
        }

        return PageDash().Replace(text, "-");
    }

    private static string? Null(string text) => text.Length == 0 ? null : text;

    [GeneratedRegex(@"^[A-Za-z]{0,3}\d{1,7}(?:\s*(?:-{1,2}|–|—)\s*[A-Za-z]{0,3}\d{1,7})?$")]
    private static partial Regex PageShape();

    [GeneratedRegex(@"\s*(?:-{1,2}|–|—)\s*")]
    private static partial Regex PageDash();
}
