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
        if (!string.IsNullOrWhiteSpace(p.Authors))
        {
            fields.Add($"  author = {{{Escape(AuthorList(p.Authors))}}}");
        }

        if (!string.IsNullOrWhiteSpace(p.Venue))
        {
            fields.Add($"  {venueField} = {{{Escape(p.Venue)}}}");
        }

        fields.Add($"  year = {{{p.Year}}}");
        if (!string.IsNullOrWhiteSpace(p.Doi))
        {
            fields.Add($"  doi = {{{Link(p.Doi)}}}");
        }

        if (!string.IsNullOrWhiteSpace(p.PdfUrl))
        {
            fields.Add($"  url = {{{Link(p.PdfUrl)}}}");
        }

        if (!string.IsNullOrWhiteSpace(p.Note.En))
        {
            fields.Add($"  note = {{{Escape(p.Note.En)}}}");
        }

        // "\n", not Environment.NewLine: the same bytes on every server.
        return $"@{type}{{{Key(p)},\n{string.Join(",\n", fields)}\n}}\n";
    }

    /// <summary>Each entry ends with a newline, so joining with one more leaves a blank line between them.</summary>
    public static string Entries(IEnumerable<Publication> ps) => string.Join("\n", ps.Select(Entry));

    /// <summary>"A, B, C" (or "A, B, and C") becomes "A and B and C"; a list already using "and" is BibTeX's own form and stays.</summary>
    private static string AuthorList(string authors)
    {
        var text = authors.Replace(", and ", ", ", StringComparison.Ordinal);
        if (text.Contains(" and ", StringComparison.Ordinal))
        {
            return text.Trim();
        }

        var names = text.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" and ", names);
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
