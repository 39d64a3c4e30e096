using System.Globalization;
using HanZhao.Recruit.Web.Platform.Forms;
using Microsoft.Extensions.Primitives;

namespace HanZhao.Recruit.Web.Platform.Queries;

/// <summary>Why a query value was not used as sent.</summary>
public enum QueryProblemKind
{
    /// <summary>Not a value this page understands: dropped.</summary>
    Ignored,

    /// <summary>Too long: cut to <see cref="QueryProblem.Limit"/> characters.</summary>
    Shortened,

    /// <summary>Over the maximum: lowered to <see cref="QueryProblem.Limit"/>.</summary>
    Capped,

    /// <summary>Given before in the same list: dropped.</summary>
    Repeated,
}

/// <summary>A query value that was not used as sent: its key, what was sent (shortened for display) and why.</summary>
public sealed record QueryProblem(string Key, string Value, QueryProblemKind Kind = QueryProblemKind.Ignored, int Limit = 0);

/// <summary>
/// Typed, checked reads of request values, each one recording a <see cref="QueryProblem"/> instead
/// of failing. Blank values count as absent. Numbers are read as forms read them (<see cref="FormNumbers"/>:
/// "1e3", "+1", "١", "NaN" are not numbers), enum values are names only ("1" or "A, B" are not names).
/// </summary>
public sealed class QueryReader(Func<string, StringValues> values)
{
    private const int ShownLength = 40;

    private readonly List<QueryProblem> _problems = [];

    public IReadOnlyList<QueryProblem> Problems => _problems;

    /// <summary>The first non-blank value of <paramref name="key"/>, trimmed; null when there is none.</summary>
    public string? Raw(string key) => values(key).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>Every value of <paramref name="key"/> (repeated keys, checkboxes).</summary>
    public IReadOnlyList<string> All(string key) => [.. values(key).Where(v => v is not null).Select(v => v!)];

    /// <summary>Records a value the page could not use; for checks that only the page can make (does this venue exist?).</summary>
    public void Refuse(string key, string value, QueryProblemKind kind = QueryProblemKind.Ignored, int limit = 0) =>
        _problems.Add(new QueryProblem(key, Shorten(value), kind, limit));

    /// <summary>Text of at most <paramref name="maxLength"/> characters; longer text is dropped, or cut when <paramref name="shorten"/>.</summary>
    public string? Text(string key, int maxLength, bool shorten = false)
    {
        if (Raw(key) is not { } text)
        {
            return null;
        }

        if (text.Length <= maxLength)
        {
            return text;
        }

        Refuse(key, text, shorten ? QueryProblemKind.Shortened : QueryProblemKind.Ignored, maxLength);
        return shorten ? text[..maxLength].Trim() is { Length: > 0 } cut ? cut : null : null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null.</summary>
    public int? WholeNumber(string key, int min = 1, int max = int.MaxValue)
    {
        if (Raw(key) is not { } text)
        {
            return null;
        }

        if (FormNumbers.WholeNumber(text, min, max) is { } value)
        {
            return value;
        }

        Refuse(key, text);
        return null;
    }

    /// <summary>A decimal number ("3.5") from <paramref name="min"/> to <paramref name="max"/>, or null.</summary>
    public double? Number(string key, double min, double max)
    {
        if (Raw(key) is not { } text)
        {
            return null;
        }

        if (FormNumbers.Number(text, min, max) is { } value)
        {
            return value;
        }

        Refuse(key, text);
        return null;
    }

    /// <summary>A day written yyyy-MM-dd, or null.</summary>
    public DateOnly? Date(string key)
    {
        if (Raw(key) is not { } text)
        {
            return null;
        }

        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Refuse(key, text);
        return null;
    }

    /// <summary>One of <paramref name="allowed"/> (all values when null) by its name, ignoring case; or null.</summary>
    public TEnum? Name<TEnum>(string key, IEnumerable<TEnum>? allowed = null)
        where TEnum : struct, Enum
    {
        if (Raw(key) is not { } text)
        {
            return null;
        }

        if (NameOf(text, allowed) is { } value)
        {
            return value;
        }

        Refuse(key, text);
        return null;
    }

    /// <summary>The value of <paramref name="key"/> when it is one of <paramref name="choices"/> (ordinal), or null.</summary>
    public string? Choice(string key, IEnumerable<string> choices)
    {
        if (Raw(key) is not { } text)
        {
            return null;
        }

        if (choices.FirstOrDefault(c => c.Equals(text, StringComparison.Ordinal)) is { } choice)
        {
            return choice;
        }

        Refuse(key, text);
        return null;
    }

    /// <summary>
    /// A yes/no value as the pages write it ("true", "false", any case); absent is false. Anything
    /// else is recorded as a problem (a form that posts it is broken) and read as false.
    /// </summary>
    public bool Flag(string key)
    {
        if (Raw(key) is not { } text)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Refuse(key, text);
        return false;
    }

    /// <summary>The page number: 1 when absent or not a whole number from 1 (recorded), else as sent.</summary>
    public int Page(string key = "page") => WholeNumber(key) ?? 1;

    /// <summary>
    /// Positive ids from "1,2,3" in one value or from repeated keys (checkboxes), in order. What is not an
    /// id is recorded (<see cref="QueryProblemKind.Ignored"/>), an id given again is recorded as
    /// <see cref="QueryProblemKind.Repeated"/>, and reading stops after <paramref name="max"/> values with
    /// one <see cref="QueryProblemKind.Capped"/>, so a huge list costs no more than <paramref name="max"/> ids.
    /// </summary>
    public IReadOnlyList<int> Ids(string key, int max)
    {
        var ids = new List<int>();
        var seen = new HashSet<int>();
        var read = 0;
        foreach (var value in All(key).SelectMany(v => v.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (read++ == max)
            {
                Refuse(key, value, QueryProblemKind.Capped, max);
                break;
            }

            if (FormNumbers.WholeNumber(value, 1, int.MaxValue) is not { } id)
            {
                Refuse(key, value);
            }
            else if (!seen.Add(id))
            {
                Refuse(key, value, QueryProblemKind.Repeated);
            }
            else
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>An enum value by its name only, ignoring case and surrounding space.</summary>
    public static TEnum? NameOf<TEnum>(string text, IEnumerable<TEnum>? allowed = null)
        where TEnum : struct, Enum =>
        (allowed ?? Enum.GetValues<TEnum>()).Cast<TEnum?>()
            .FirstOrDefault(v => v.ToString()!.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string value) => value.Length > ShownLength ? value[..ShownLength] + "…" : value;
}
