using System.Text;

namespace HanZhao.Recruit.Web.Review.Duplicates;

/// <summary>
/// The forms in which two typings of the same fact compare equal. Pure functions, so the rules are
/// tested on their own and the same rule serves every comparison.
/// </summary>
public static class DuplicateKeys
{
    /// <summary>Fewer digits than this is not a phone number worth comparing (a placeholder, a typo).</summary>
    private const int MinimumPhoneDigits = 7;

    /// <summary>A mainland mobile number: what remains once the country code is dropped.</summary>
    private const int MobileDigits = 11;

    /// <summary>
    /// Digits only, with a leading 0086 or 86 (what "+86" becomes) dropped: "+86 138-0013-8000",
    /// "0086 13800138000" and "138 0013 8000" are one number. "86" is dropped only when more than a
    /// mobile number's digits follow it, so a local number that starts with 86 keeps its digits.
    /// Null when too short to mean anything.
    /// </summary>
    public static string? Phone(string? phone)
    {
        var digits = new string((phone ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length > MobileDigits)
        {
            digits = digits[2..];
        }

        return digits.Length >= MinimumPhoneDigits ? digits : null;
    }

    /// <summary>
    /// Compatibility-normalised (full-width letters and spaces become plain ones), lower-case, with
    /// every kind of space removed: "Li  Ming" and "li ming", "上海 交通大学" and "上海交通大学" are one.
    /// Null when nothing is left.
    /// </summary>
    public static string? Text(string? text)
    {
        var normalized = (text ?? string.Empty).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var compact = new string(normalized.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        return compact.Length > 0 ? compact : null;
    }

    /// <summary>A name and an institution as one key, or null when either is missing.</summary>
    public static string? NameAndInstitution(string? name, string? institution) =>
        Text(name) is { } n && Text(institution) is { } i ? n + "\u001f" + i : null;
}
