using System.Text;
using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

/// <summary>
/// BibTeX for the Cite links, written only from what the database knows: a field that is not
/// known (authors, DOI, PDF) is left out rather than guessed.
/// </summary>
public static class BibTex
{
    /// <summary>
    /// "taming-flexible-job-packing-in-deep-learning-training:2025": from the slug (unique) and
    /// the year, so it never changes between downloads and never collides.
    /// </summary>
    public static string Key(Publication p)
    {
        // Slugs are already [a-z0-9-]; this only guards against a hand-edited one breaking the entry.
        var slug = new string([.. p.Slug.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        return $"{(slug.Length == 0 ? "publication" : slug)}:{p.Year}";
    }

    public static string Entry(Publication p)
    {
        var (type, venueField) = p.Type switch
        {
            PublicationType.Journal => ("article", "journal"),
            PublicationType.Conference => ("inproceedings", "booktitle"),
            _ => ("misc", "howpublished"),
        };

        var fields = new List<string>
        {
            // The extra braces stop bibliography styles from lower-casing "GPU" or "LLM".
            $"  title = {{{{{Escape(p.Title)}}}}}",
        };
        var authors = p.AuthorNames();
        if (authors.Count > 0)
        {
            // "et al." is how the site shows a list cut short; BibTeX's word for it is "others".
            fields.Add($"  author = {{{string.Join(" and ", authors.Select(a => a == "et al." ? "others" : Escape(a)))}}}");
        }

        Text(fields, venueField, p.Venue);
        fields.Add($"  year = {{{p.Year}}}");
        if (p.Month is >= 1 and <= 12)
        {
            // The standard macro (jan ... dec), unbraced, so styles print the month in their own language.
            fields.Add($"  month = {MonthMacros[p.Month.Value - 1]}");
        }

        Text(fields, "volume", p.Volume);
        Text(fields, "number", p.Number);
        Text(fields, "pages", p.Pages?.Replace("-", "--", StringComparison.Ordinal));
        Text(fields, "publisher", p.Publisher);
        if (!string.IsNullOrWhiteSpace(p.Doi))
        {
            fields.Add($"  doi = {{{Link(p.Doi)}}}");
        }

        if (!string.IsNullOrWhiteSpace(p.PdfUrl))
        {
            fields.Add($"  url = {{{Link(p.PdfUrl)}}}");
        }

        if (ArxivId(p.ArxivUrl) is { } arxiv)
        {
            fields.Add($"  eprint = {{{arxiv}}}");
            fields.Add("  archiveprefix = {arXiv}");
        }

        Text(fields, "note", p.Note.En);
        Text(fields, "abstract", p.Abstract);

        // "\n", not Environment.NewLine: the same bytes on every server.
        return $"@{type}{{{Key(p)},\n{string.Join(",\n", fields)}\n}}\n";
    }

    /// <summary>Each entry ends with a newline, so joining with one more leaves a blank line between them.</summary>
    public static string Entries(IEnumerable<Publication> ps) => string.Join("\n", ps.Select(Entry));

    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>"https://arxiv.org/abs/2501.01234v2" → "2501.01234v2"; null for any other link.</summary>
    public static string? ArxivId(string? url)
    {
        const string prefix = "https://arxiv.org/abs/";
        if (url is null || !url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = url[prefix.Length..];
        return id.Length is > 0 and <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-') ? id : null;
    }

    private static void Text(List<string> fields, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields.Add($"  {name} = {{{Escape(value)}}}");
        }
    }

    /// <summary>
    /// Text as LaTeX reads it. Braces and backslash become \textbraceleft{} and friends rather
    /// than \{ because BibTeX counts every brace, escaped or not: this way braces always balance.
    /// </summary>
    private static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\textbraceleft{}",
                '}' => @"\textbraceright{}",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                '&' or '%' or '$' or '#' or '_' => $@"\{c}",
                // A line break or control character would split the field; a space keeps the words apart.
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    /// <summary>
    /// url and doi are read verbatim by biblatex and the url package, so LaTeX escapes would show
    /// up in the link. Percent-encoding the few characters that could break the entry keeps both
    /// the link and the braces intact.
    /// </summary>
    private static string Link(string value)
    {
        var result = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            result.Append(c is '{' or '}' or '\\' or '"' || char.IsWhiteSpace(c) || char.IsControl(c)
                ? Uri.EscapeDataString(c.ToString())
                : c.ToString());
        }

        return result.ToString();
    }
}
