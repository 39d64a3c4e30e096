using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

/// <summary>One entry ready to add. <see cref="DuplicateOf"/> is the title already listed (or earlier in the file) it repeats.</summary>
public sealed record ImportCandidate(int Index, string Key, int Line, Publication Publication, string? DuplicateOf);

/// <summary>What an import would add, one candidate per entry, and the text it was read from (it goes back in the confirm form).</summary>
public sealed record ImportPlan(string Text, IReadOnlyList<ImportCandidate> Candidates);

/// <summary>
/// BibTeX to publications, all or nothing: the text is parsed, every entry is checked by the same
/// rules as the publication form, and the first problem refuses the whole import. Confirming parses
/// the same text again (nothing is kept between the two steps) and adds the entries in one SaveChanges.
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
    /// Adds the new entries and the duplicates listed in <paramref name="include"/>; nothing when anything
    /// is wrong. Done with the plan of what was added.
    /// </summary>
    public async Task<Outcome<ImportPlan>> ImportAsync(ClaimsPrincipal user, string? text, ISet<int> include, CancellationToken cancellationToken)
    {
        var planned = await PreviewAsync(text, null, cancellationToken);
        if (planned is not { IsDone: true, Value: { } plan })
        {
            return planned;
        }

        var chosen = plan.Candidates.Where(c => c.DuplicateOf is null || include.Contains(c.Index)).ToList();
        if (chosen.Count == 0)
        {
            return NotImported(plan.Text, rules.Localizer["Nothing was imported: every entry is already on the list. Tick the ones to import anyway."]);
        }

        await publications.AddManyAsync(user, [.. chosen.Select(c => c.Publication)],
            $"Imported {chosen.Count} from BibTeX: {string.Join(", ", chosen.Select(c => c.Key))}", cancellationToken);
        return Outcome.Done(plan with { Candidates = chosen });
    }

    private async Task<Outcome<ImportPlan>> PlanAsync(string text, CancellationToken cancellationToken)
    {
        var localizer = rules.Localizer;
        var parsed = BibTexParser.Parse(text);
        if (parsed.Error is { } error)
        {
            return NotImported(text, Describe(error));
        }

        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var title in await db.Publications.AsNoTracking().Select(p => p.Title).ToListAsync(cancellationToken))
        {
            existing.TryAdd(PublicationEditor.TitleKey(title), title);
        }

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

            var key = PublicationEditor.TitleKey(publication.Title);
            existing.TryGetValue(key, out var duplicate);
            candidates.Add(new ImportCandidate(candidates.Count, entry.Key, entry.Line, publication, duplicate));
            existing.TryAdd(key, publication.Title);
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

        var full = Field("journal") ?? Field("booktitle") ?? Field("howpublished") ?? Field("publisher")
            ?? Field("school") ?? Field("institution") ?? Field("organization") ?? "";
        var arxiv = full.Contains("arxiv", StringComparison.OrdinalIgnoreCase)
            || string.Equals(Field("archiveprefix"), "arxiv", StringComparison.OrdinalIgnoreCase)
            || (full.Length == 0 && Field("eprint") is not null);
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
            Venue = venue,
            VenueLabel = label,
            Type = type.ToString(),
            CcfRank = nameof(CcfRank.None),
            NoteEn = Field("note"),
            PdfUrl = Link("pdf") ?? Link("url"),
            Doi = Link("doi"),
        };
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

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9-]{1,19}?)\s*(?:'?\d{2}|\d{4})?$")]
    private static partial Regex SeriesName();

    [GeneratedRegex(@"\(([A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)(?:\s*'?\d{2,4})?\)")]
    private static partial Regex ParenthesizedName();
}
