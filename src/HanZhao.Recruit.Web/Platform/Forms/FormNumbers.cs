using System.Globalization;
using System.Text.RegularExpressions;

namespace HanZhao.Recruit.Web.Platform.Forms;

/// <summary>
/// The one way typed numbers are read, in forms and query strings: plain ASCII digits with an optional
/// leading minus and at most one decimal point ("3.8", "-1", "100"), spaces around trimmed, at most
/// <see cref="MaxLength"/> characters, finite and within the field's range. Exponents ("1e308"), NaN and
/// Infinity, commas ("1,5" is 1.5 in half the world and 15 in the other), '+' and other scripts' digits
/// are not read as numbers: the field is refused with its own message rather than guessed at, and no
/// value can overflow a range check.
/// </summary>
public static partial class FormNumbers
{
    /// <summary>Longer than any number a person types into a form.</summary>
    public const int MaxLength = 32;

    /// <summary>A decimal number from <paramref name="min"/> to <paramref name="max"/>; null when <paramref name="text"/> is not one.</summary>
    public static double? Number(string? text, double min, double max) =>
        Plain(text, DecimalShape()) is { } plain
        && double.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value) && value >= min && value <= max
            ? value
            : null;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null when <paramref name="text"/> is not one.</summary>
    public static int? WholeNumber(string? text, int min, int max) =>
        Plain(text, WholeShape()) is { } plain
        && int.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
        && value >= min && value <= max
            ? value
            : null;

    private static string? Plain(string? text, Regex shape) =>
        text?.Trim() is { Length: > 0 and <= MaxLength } trimmed && shape.IsMatch(trimmed) ? trimmed : null;

    [GeneratedRegex(@"^-?[0-9]+(?:\.[0-9]+)?$")]
    private static partial Regex DecimalShape();

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex WholeShape();
}
