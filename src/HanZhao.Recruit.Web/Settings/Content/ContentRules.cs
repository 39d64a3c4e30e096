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

    /// <summary>
    /// An optional https address (a publication's links: PDF, code, slides ...). Plain http is refused
    /// as well as javascript:, data: and every other scheme: the public page links to it.
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
