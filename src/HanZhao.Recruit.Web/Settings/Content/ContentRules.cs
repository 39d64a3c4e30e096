using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Web.Settings.Content;

/// <summary>
/// The checks every content form (and the BibTeX import) applies, in one place so a rule and its
/// message are the same wherever the professor meets them. Methods add a localized message to
/// <see cref="FormErrors"/> and return the cleaned value (trimmed; null for an empty optional value).
/// </summary>
public sealed partial class ContentRules(IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    /// <summary>No publication or degree of a living professor is older.</summary>
    public const int MinYear = 1950;

    public int MaxYear => clock.GetUtcNow().Year + 5;

    public IStringLocalizer<SharedResource> Localizer => localizer;

    /// <summary>A required text: trimmed, present, at most <paramref name="max"/> characters.</summary>
    public string Required(FormErrors errors, string field, string label, string? value, int max)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            errors.Add(field, localizer["Fill in {0}.", label]);
        }
        else
        {
            Length(errors, field, label, text, max);
        }

        return text;
    }

    /// <summary>An optional text: trimmed, empty allowed, at most <paramref name="max"/> characters.</summary>
    public string Optional(FormErrors errors, string field, string label, string? value, int max)
    {
        var text = Clean(value);
        Length(errors, field, label, text, max);
        return text;
    }

    /// <summary>An optional http(s) address; javascript:, data: and every other scheme are refused.</summary>
    public string? Url(FormErrors errors, string field, string label, string? value, int max)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            return null;
        }

        if (!IsWebUrl(text))
        {
            errors.Add(field, localizer["{0} must be a web address starting with http:// or https://.", label]);
        }
        else
        {
            Length(errors, field, label, text, max);
        }

        return text;
    }

    /// <summary>An optional address on one of <paramref name="hosts"/> (a Google Scholar link must be on Google Scholar).</summary>
    public string? SiteUrl(FormErrors errors, string field, string label, string? value, IReadOnlyCollection<string> hosts)
    {
        var url = Url(errors, field, label, value, PublicSite.ProfileLinks.MaxUrlLength);
        if (url is not null && errors.For(field) is null && !PublicSite.ProfileLinks.IsOnHost(url, hosts))
        {
            errors.Add(field, localizer["{0} must be an address on {1}.", label, string.Join(", ", hosts)]);
        }

        return url;
    }

    /// <summary>
    /// An optional https address (profile and publication links: PDF, code, slides ...). Plain http is
    /// refused as well as javascript:, data: and every other scheme: the public page links to it.
    /// </summary>
    public string? HttpsUrl(FormErrors errors, string field, string label, string? value, int max)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            return null;
        }

        if (!IsWebUrl(text) || !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(field, localizer["{0} must be a web address starting with https://.", label]);
        }
        else
        {
            Length(errors, field, label, text, max);
        }

        return text;
    }

    /// <summary>An optional ORCID iD, stored as "0000-0002-1825-0097" (an orcid.org link is accepted).</summary>
    public string? Orcid(FormErrors errors, string field, string label, string? value)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            return null;
        }

        var id = text.Length <= 100 ? PublicSite.ProfileLinks.NormalizeOrcid(text) : null;
        if (id is null)
        {
            errors.Add(field, localizer["{0} must be an ORCID iD such as 0000-0002-1825-0097 (its last digit is a check digit).", label]);
            return text;
        }

        return id;
    }

    /// <summary>"Label | https://..." a line, at most ten; returns the lines cleaned, or null when none.</summary>
    public string? LinkList(FormErrors errors, string field, string label, string? value)
    {
        var lines = Clean(value).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return null;
        }

        if (lines.Length > PublicSite.ProfileLinks.MaxOtherLinks)
        {
            errors.Add(field, localizer["{0}: at most {1} links.", label, PublicSite.ProfileLinks.MaxOtherLinks]);
            return string.Join('\n', lines);
        }

        var cleaned = new List<string>();
        foreach (var (line, number) in lines.Select((line, i) => (line, i + 1)))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            var linkErrors = new FormErrors();
            var url = parts.Length == 2 && parts[0].Length is > 0 and <= PublicSite.ProfileLinks.MaxLabelLength
                ? HttpsUrl(linkErrors, field, label, parts[1], PublicSite.ProfileLinks.MaxUrlLength)
                : null;
            if (url is null || linkErrors.Any)
            {
                errors.Add(field, localizer["{0}, line {1}: write a label of at most {2} characters, a bar and a https:// address, for example: Lab | https://example.org",
                    label, number, PublicSite.ProfileLinks.MaxLabelLength]);
                return string.Join('\n', lines);
            }

            cleaned.Add($"{parts[0]} | {url}");
        }

        return string.Join('\n', cleaned);
    }

    /// <summary>An optional month: 1 to 12, or its English name or three-letter abbreviation (as BibTeX writes it).</summary>
    public int? Month(FormErrors errors, string field, string label, string? value)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            return null;
        }

        if (MonthNumber(text) is { } month)
        {
            return month;
        }

        errors.Add(field, localizer["{0} must be a month from 1 to 12.", label]);
        return null;
    }

    /// <summary>"3", "03", "Mar", "march" → 3; null otherwise.</summary>
    public static int? MonthNumber(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 12 ? number : null;
        }

        var names = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (text.Equals(names[i], StringComparison.OrdinalIgnoreCase) || text.Equals(names[i][..3], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>An optional DOI, stored bare ("10.1145/3620666"); a doi.org link or "doi:" prefix is accepted and removed.</summary>
    public string? Doi(FormErrors errors, string field, string? value)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            return null;
        }

        var doi = NormalizeDoi(text);
        if (doi is null)
        {
            errors.Add(field, localizer["The DOI must look like 10.1145/3620666 (a https://doi.org/ link is fine too)."]);
            return text;
        }

        return doi;
    }

    public string? Email(FormErrors errors, string field, string label, string? value, int max)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > max || !MailAddress.TryCreate(text, out var address) || address.Address != text)
        {
            errors.Add(field, localizer["{0} must be an email address such as name@sjtu.edu.cn.", label]);
        }

        return text;
    }

    /// <summary>A year from a form field (text, so "abc" or "99999" get a message rather than a binding error).</summary>
    public int Year(FormErrors errors, string field, string label, string? value)
    {
        var text = Clean(value);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < MinYear || year > MaxYear)
        {
            errors.Add(field, localizer["{0} must be a year between {1} and {2}.", label, MinYear, MaxYear]);
            return 0;
        }

        return year;
    }

    /// <summary>An enum value by its name only: numbers ("7") and unknown names are refused.</summary>
    public TEnum Choice<TEnum>(FormErrors errors, string field, string label, string? value)
        where TEnum : struct, Enum
    {
        var text = Clean(value);
        if (Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal))
        {
            return Enum.Parse<TEnum>(text);
        }

        errors.Add(field, localizer["Choose {0} from the list.", label]);
        return default;
    }

    /// <summary>A date typed as yyyy-MM-dd (what a date input sends), in the years <see cref="Year"/> allows.</summary>
    public DateOnly Date(FormErrors errors, string field, string label, string? value)
    {
        var text = Clean(value);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < MinYear || date.Year > MaxYear)
        {
            errors.Add(field, localizer["{0} must be a date such as 2026-09-01.", label]);
            return default;
        }

        return date;
    }

    /// <summary>
    /// One line of plain text: no line breaks or control characters, at most <paramref name="max"/>
    /// characters counted as a reader sees them (a Chinese character, or one beyond the Basic
    /// Multilingual Plane, is one).
    /// </summary>
    public string Line(FormErrors errors, string field, string label, string? value, int max, bool required)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(field, localizer["Fill in {0}.", label]);
            }
        }
        else if (text.Any(char.IsControl))
        {
            errors.Add(field, localizer["{0} must be one line of text.", label]);
        }
        else if (text.EnumerateRunes().Count() > max)
        {
            errors.Add(field, localizer["{0} can have at most {1} characters.", label, max]);
        }

        return text;
    }

    /// <summary>
    /// An optional link: an https:// address, or a path inside this site ("/publications/x"). Plain
    /// http, other schemes and "//host" (another site under a path's disguise) are refused.
    /// </summary>
    public string? SiteOrHttpsLink(FormErrors errors, string field, string label, string? value, int max)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            return null;
        }

        if (!IsSitePath(text) && !(IsWebUrl(text) && text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(field, localizer["{0} must start with https:// or be a path of this site such as /publications.", label]);
        }
        else
        {
            Length(errors, field, label, text, max);
        }

        return text;
    }

    /// <summary>"/x/y?z": a path of this site. Not "//host" or "/\host", which browsers read as another site.</summary>
    public static bool IsSitePath(string text) =>
        text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.StartsWith("/\\", StringComparison.Ordinal)
        && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\');

    public static bool IsWebUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && !text.Any(char.IsWhiteSpace);

    /// <summary>"https://doi.org/10.1145/X", "doi:10.1145/X" or "10.1145/X" → "10.1145/X"; null when it is not a DOI.</summary>
    public static string? NormalizeDoi(string text)
    {
        var doi = DoiPrefix().Replace(text.Trim(), "");
        return doi.Length <= 200 && DoiShape().IsMatch(doi) ? doi : null;
    }

    /// <summary>Trimmed, with Windows line ends made "\n" (paragraphs are split on blank lines).</summary>
    public static string Clean(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    private void Length(FormErrors errors, string field, string label, string text, int max)
    {
        if (text.Length > max)
        {
            errors.Add(field, localizer["{0} can have at most {1} characters.", label, max]);
        }
    }

    [GeneratedRegex(@"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex DoiPrefix();

    // 10.<registrant>/<suffix>: the registrant is digits (dot-separated sub-codes allowed), the suffix any printable text.
    [GeneratedRegex(@"^10\.\d{4,9}(?:\.\d+)*/[^\s\p{C}]+$")]
    private static partial Regex DoiShape();
}
