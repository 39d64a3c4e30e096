using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

/// <summary>
/// One entry and what it would do: add a paper (<see cref="ImportAction.New"/>), or change the listed
/// <see cref="Listed"/> (the same DOI or title) by <see cref="Changes"/>.
/// </summary>
public sealed record ImportCandidate(int Index, string Key, int Line, Publication Publication, ImportAction Action, Publication? Listed, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>Some change overwrites a value the paper has (shown, and applied only when ticked).</summary>
    public bool Replaces => Changes.Any(c => c.Replaces);
}

/// <summary>What an import would do, one candidate per entry, and the text it was read from (it goes back in the confirm form).</summary>
public sealed record ImportPlan(string Text, IReadOnlyList<ImportCandidate> Candidates)
{
    public int Count(ImportAction action) => Candidates.Count(c => c.Action == action);
}

/// <summary>
/// BibTeX to publications, all or nothing: the text is parsed, every entry is checked by the same
/// rules as the publication form, and the first problem refuses the whole import. An entry with the
/// DOI or the title (compared without case, punctuation, braces or spaces) of a listed paper updates
/// that paper instead of adding a copy: empty fields are filled; a field the paper already has with
/// another value is replaced only when the professor ticks it in the preview. Confirming parses the
/// same text again (nothing is kept between the two steps) and saves everything in one SaveChanges.
/// A refusal is one message about no field (the first problem, with its line) and the text as read.
/// </summary>
public sealed partial class BibTexImporter(RecruitDbContext db, ContentRules rules, PublicationEditor publications)
{
    /// <summary>The largest .bib file or pasted text taken.</summary>
    public const int MaxBibTexBytes = 1024 * 1024;

    /// <summary>Shows what the file (or else the text) would add; nothing is saved.</summary>
    public async Task<Outcome<ImportPlan>> PreviewAsync(string? text, IFormFile? file, CancellationToken cancellationToken)
    {
        var source = await ReadSourceAsync(text, file, cancellationToken);
        return source.IsDone
            ? await PlanAsync(source.Value!, cancellationToken)
            : Outcome.Invalid(source.Errors, new ImportPlan(source.Value ?? "", []));
    }

    /// <summary>
    /// Adds the new entries and updates the listed papers they match (replacing values only for the
    /// entries in <paramref name="replace"/>); nothing when anything is wrong. Done with the plan.
    /// </summary>
    public async Task<Outcome<ImportPlan>> ImportAsync(ClaimsPrincipal user, string? text, ISet<int> replace, CancellationToken cancellationToken)
    {
        var planned = await PreviewAsync(text, null, cancellationToken);
        if (planned is not { IsDone: true, Value: { } plan })
        {
            return planned;
        }

        var added = plan.Candidates.Where(c => c.Action == ImportAction.New).ToList();
        // An update that only offers replacements, none ticked, changes nothing.
        var updated = plan.Candidates.Where(c => c.Action == ImportAction.Update && (c.Changes.Any(f => !f.Replaces) || replace.Contains(c.Index))).ToList();
        if (added.Count == 0 && updated.Count == 0)
        {
            return NotImported(plan.Text, rules.Localizer["Nothing was imported: every entry is already on the list with the same details."]);
        }

        await publications.ImportAsync(user, [.. added.Select(c => c.Publication)],
            [.. updated.Select(c => new PublicationUpdate(c.Listed!.Id, c.Changes, replace.Contains(c.Index)))],
            AuditDetails(added, updated), cancellationToken);
        return Outcome.Done(plan with { Candidates = [.. added, .. updated] });
    }

    private static string AuditDetails(List<ImportCandidate> added, List<ImportCandidate> updated)
    {
        var text = $"Imported {added.Count} from BibTeX: {string.Join(", ", added.Select(c => c.Key))}";
        return updated.Count == 0 ? text : $"{text}; updated {updated.Count}: {string.Join(", ", updated.Select(c => c.Key))}";
    }

    private async Task<Outcome<ImportPlan>> PlanAsync(string text, CancellationToken cancellationToken)
    {
        var localizer = rules.Localizer;
        var parsed = BibTexParser.Parse(text);
        if (parsed.Error is { } error)
        {
            return NotImported(text, Describe(error));
        }

        var listed = await db.Publications.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var byTitle = new Dictionary<string, Publication>(StringComparer.Ordinal);
        var byDoi = new Dictionary<string, Publication>(StringComparer.Ordinal);
        foreach (var p in listed)
        {
            byTitle.TryAdd(PublicationEditor.TitleKey(p.Title), p);
            if (ImportMatching.DoiKey(p.Doi) is { } doi)
            {
                byDoi.TryAdd(doi, p);
            }
        }

        var seenTitles = new HashSet<string>(StringComparer.Ordinal);
        var seenDois = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<ImportCandidate>();
        foreach (var entry in parsed.Entries)
        {
            var field = (string name) => entry.Fields.TryGetValue(name, out var raw) ? LatexText.ToUnicode(raw) : "";
            var title = field("title");
            var year = field("year");
            var problem = title.Length == 0 ? localizer["Line {0}: entry '{1}' has no title.", entry.Line, entry.Key]
                : year.Length == 0 ? localizer["Line {0}: entry '{1}' has no year.", entry.Line, entry.Key]
                : null;
            var publication = new Publication();
            var errors = problem is null ? ToForm(entry, title, year).ApplyTo(publication, rules) : null;
            if (problem is not null || errors!.Any)
            {
                return NotImported(text, problem ?? localizer["Line {0}: entry '{1}': {2}", entry.Line, entry.Key, errors!.All[0].Message]);
            }

            var titleKey = PublicationEditor.TitleKey(publication.Title);
            var doiKey = ImportMatching.DoiKey(publication.Doi);
            var repeat = !seenTitles.Add(titleKey) | (doiKey is not null && !seenDois.Add(doiKey));
            var match = (doiKey is not null ? byDoi.GetValueOrDefault(doiKey) : null) ?? byTitle.GetValueOrDefault(titleKey);
            var changes = match is null ? [] : ImportMatching.Compare(match, publication);
            var action = repeat ? ImportAction.Repeat
                : match is null ? ImportAction.New
                : changes.Count == 0 ? ImportAction.Unchanged
                : ImportAction.Update;
            candidates.Add(new ImportCandidate(candidates.Count, entry.Key, entry.Line, publication, action, match, changes));
        }

        return Outcome.Done(new ImportPlan(text, candidates));
    }

    /// <summary>The uploaded file (UTF-8) or else the pasted text, at most 1 MB either way; refused, with the text to show again.</summary>
    private async Task<Outcome<string>> ReadSourceAsync(string? text, IFormFile? file, CancellationToken cancellationToken)
    {
        var localizer = rules.Localizer;
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxBibTexBytes)
            {
                return Unreadable(localizer["The file is larger than 1 MB. Import it in parts."]);
            }

            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            try
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                return Unreadable(localizer["The file is not UTF-8 text. Save it as UTF-8 (BibTeX files usually are) and try again."]);
            }

            if (text.Contains('\0', StringComparison.Ordinal))
            {
                return Unreadable(localizer["The file is not UTF-8 text. Save it as UTF-8 (BibTeX files usually are) and try again."]);
            }
        }

        text ??= "";
        if (Encoding.UTF8.GetByteCount(text) > MaxBibTexBytes)
        {
            return Unreadable(localizer["The text is larger than 1 MB. Import it in parts."]);
        }

        return string.IsNullOrWhiteSpace(text)
            ? Outcome.Invalid(FormErrors.General(localizer["Paste BibTeX entries or choose a .bib file."]), text)
            : Outcome.Done(text);
    }

    /// <summary>A file or text that cannot be read is not shown again.</summary>
    private static Outcome<string> Unreadable(string message) => Outcome.Invalid(FormErrors.General(message), "");

    private static Outcome<ImportPlan> NotImported(string text, string message) =>
        Outcome.Invalid(FormErrors.General(message), new ImportPlan(text, []));

    public string Describe(BibTexError error)
    {
        var localizer = rules.Localizer;
        return error.Kind switch
        {
            BibTexErrorKind.NoEntries => localizer["No BibTeX entries found. An entry looks like @article{key, title = {...}, year = 2024}."],
            BibTexErrorKind.TooManyEntries => localizer["Line {0}: the text has more than {1} entries. Import it in parts.", error.Line, error.Detail],
            BibTexErrorKind.NoClosingBrace => localizer["Line {0}: entry '{1}' has no closing brace.", error.Line, error.Key],
            BibTexErrorKind.ValueNotClosed => localizer["Line {0}: in entry '{1}', the value of '{2}' has no closing brace or quote.", error.Line, error.Key, error.Detail],
            BibTexErrorKind.ExpectedOpeningBrace => localizer["Line {0}: @{1} must be followed by an opening brace.", error.Line, error.Detail],
            BibTexErrorKind.MissingKey => localizer["Line {0}: an @{1} entry has no key.", error.Line, error.Detail],
            BibTexErrorKind.ExpectedField => localizer["Line {0}: in entry '{1}', a field name was expected.", error.Line, error.Key],
            BibTexErrorKind.ExpectedEquals => localizer["Line {0}: in entry '{1}', '{2}' must be followed by '='.", error.Line, error.Key, error.Detail],
            BibTexErrorKind.ExpectedSeparator => localizer["Line {0}: in entry '{1}', a comma or the closing brace was expected.", error.Line, error.Key],
            BibTexErrorKind.MissingValue => localizer["Line {0}: in entry '{1}', '{2}' has no value.", error.Line, error.Key, error.Detail],
            BibTexErrorKind.UnknownString => localizer["Line {0}: in entry '{1}', '{2}' is not a defined @string.", error.Line, error.Key, error.Detail],
            BibTexErrorKind.DuplicateField => localizer["Line {0}: entry '{1}' has '{2}' twice.", error.Line, error.Key, error.Detail],
            _ => localizer["Line {0}: the key '{1}' is already used by the entry on line {2}.", error.Line, error.Key, error.Detail],
        };
    }

    /// <summary>The entry as the publication form would be filled in: type and venue from the entry type and fields.</summary>
    private static PublicationForm ToForm(BibTexEntry entry, string title, string year)
    {
        string? Field(string name) => entry.Fields.TryGetValue(name, out var raw) && LatexText.ToUnicode(raw) is { Length: > 0 } text ? text : null;
        string? Link(string name) => entry.Fields.TryGetValue(name, out var raw) && LatexText.Verbatim(raw) is { Length: > 0 } text ? text : null;
        var doi = Link("doi");
        var (pdf, arxivUrl) = Links(Link("pdf"), Link("url"), doi, Field("eprint"), Field("archiveprefix") ?? Field("eprinttype"));

        var full = Field("journal") ?? Field("booktitle") ?? Field("howpublished") ?? Field("publisher")
            ?? Field("school") ?? Field("institution") ?? Field("organization") ?? "";
        // A preprint: published on arXiv (DBLP calls it CoRR) and nowhere else. A journal paper that
        // also has an arXiv eprint stays a journal paper, with its arXiv link.
        var arxiv = full.Contains("arxiv", StringComparison.OrdinalIgnoreCase)
            || string.Equals(full, "CoRR", StringComparison.Ordinal)
            || (full.Length == 0 && (Field("eprint") is not null || string.Equals(Field("archiveprefix") ?? Field("eprinttype"), "arxiv", StringComparison.OrdinalIgnoreCase)));
        var type = arxiv ? PublicationType.Preprint : entry.Type switch
        {
            "article" => PublicationType.Journal,
            "inproceedings" or "conference" or "proceedings" or "incollection" => PublicationType.Conference,
            _ => PublicationType.Preprint,
        };

        string venue, label;
        if (arxiv)
        {
            // As the professor's own list writes preprints.
            (venue, label) = ("arXiv", "Arxiv");
        }
        else if ((Acronym(Field("series")) ?? LastParenthesized(full)) is { } acronym)
        {
            (venue, label) = (acronym, acronym + year);
        }
        else
        {
            // The full name is the label; the filter key is cut to its column at a word boundary.
            (venue, label) = (full.Length <= 100 ? full : full[..Math.Max(full.LastIndexOf(' ', 99), 50)].TrimEnd(' ', ',', ':'), full);
        }

        return new PublicationForm
        {
            Title = title,
            Authors = Authors(entry.Fields.GetValueOrDefault("author")),
            Year = year,
            Month = Field("month"),
            Venue = venue,
            VenueLabel = label,
            Type = type.ToString(),
            CcfRank = nameof(CcfRank.None),
            Volume = Field("volume"),
            Number = Field("number") ?? Field("issue"),
            Pages = Field("pages"),
            Publisher = Field("publisher"),
            NoteEn = Field("note"),
            Abstract = Field("abstract"),
            PdfUrl = pdf,
            ArxivUrl = arxivUrl,
            Doi = doi,
        };
    }

    /// <summary>
    /// Where the entry's links go. A doi.org address repeats the DOI (DBLP writes both) and an arXiv
    /// one is the arXiv link; any other url is the PDF link, as before. Plain http links are left out
    /// rather than refusing the whole import (the site links only to https); javascript: and the like
    /// still refuse it, through the form's check.
    /// </summary>
    private static (string? Pdf, string? Arxiv) Links(string? pdf, string? url, string? doi, string? eprint, string? archive)
    {
        static bool Plain(string? link) => link?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true;
        (pdf, url) = (Plain(pdf) ? null : pdf, Plain(url) ? null : url);
        string? arxiv = null;
        if (url is not null && url.StartsWith("https://arxiv.org/", StringComparison.OrdinalIgnoreCase))
        {
            (arxiv, url) = (url, null);
        }
        else if (url is not null && url.StartsWith("https://doi.org/", StringComparison.OrdinalIgnoreCase) && doi is not null)
        {
            url = null;
        }

        if (arxiv is null && eprint is not null && string.Equals(archive, "arxiv", StringComparison.OrdinalIgnoreCase)
            && eprint.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-'))
        {
            arxiv = "https://arxiv.org/abs/" + eprint;
        }

        return (pdf ?? url, arxiv);
    }

    /// <summary>"Zhao, Han and Quan Chen and others" → "Han Zhao, Quan Chen, et al." (how the site writes authors).</summary>
    public static string? Authors(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var part in SplitAtTopLevelAnd(raw))
        {
            var name = LatexText.ToUnicode(part);
            if (name.Equals("others", StringComparison.OrdinalIgnoreCase))
            {
                names.Add("et al.");
                continue;
            }

            // DBLP tells namesakes apart with a number: "Han Zhao 0001" is Han Zhao.
            name = DblpNumber().Replace(name, "");

            // "von Last, Jr, First" or "Last, First" → "First Last Jr".
            var pieces = name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            names.Add(pieces.Length switch
            {
                2 => $"{pieces[1]} {pieces[0]}",
                3 => $"{pieces[2]} {pieces[0]} {pieces[1]}",
                _ => name,
            });
        }

        var text = string.Join(", ", names.Where(n => n.Length > 0));
        return text.Length == 0 ? null : text;
    }

    /// <summary>Splits on " and " outside braces: "{Barnes and Noble}" is one name.</summary>
    private static IEnumerable<string> SplitAtTopLevelAnd(string raw)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            depth += raw[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0 && char.IsWhiteSpace(raw[i]) && i + 4 < raw.Length
                && string.Compare(raw, i + 1, "and", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && char.IsWhiteSpace(raw[i + 4]))
            {
                yield return raw[start..i];
                start = i + 5;
                i += 4;
            }
        }

        yield return raw[start..];
    }

    /// <summary>"ASPLOS '25" or "EuroSys 2024" → "ASPLOS", "EuroSys"; null when it is not a short name.</summary>
    private static string? Acronym(string? series) =>
        series is not null && SeriesName().Match(series.Trim()) is { Success: true } m && m.Groups[1].Value.Count(char.IsUpper) >= 2 ? m.Groups[1].Value : null;

    /// <summary>"Proceedings of the ... Conference (EuroSys '24)" → "EuroSys".</summary>
    private static string? LastParenthesized(string venue) =>
        ParenthesizedName().Matches(venue) is { Count: > 0 } matches ? matches[^1].Groups[1].Value : null;

    [GeneratedRegex(@"\s+\d{4}$")]
    private static partial Regex DblpNumber();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9-]{1,19}?)\s*(?:'?\d{2}|\d{4})?$")]
    private static partial Regex SeriesName();

    [GeneratedRegex(@"\(([A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)(?:\s*'?\d{2,4})?\)")]
    private static partial Regex ParenthesizedName();
}
