using System.Text;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

public enum BibTexErrorKind
{
    /// <summary>No entry at all: not BibTeX, or only comments.</summary>
    NoEntries,
    TooManyEntries,
    NoClosingBrace,
    ValueNotClosed,
    ExpectedOpeningBrace,
    MissingKey,
    ExpectedField,
    ExpectedEquals,
    ExpectedSeparator,
    MissingValue,
    UnknownString,
    DuplicateField,
    DuplicateKey,
}

/// <summary>Where and why the text is not BibTeX. <see cref="Detail"/> is the field, @string name or entry type concerned.</summary>
public sealed record BibTexError(BibTexErrorKind Kind, int Line, string Key = "", string Detail = "");

/// <summary>One entry as written: its type (lower case), key, the line of its '@', and its fields (lower-case names, raw values).</summary>
public sealed record BibTexEntry(string Type, string Key, int Line, IReadOnlyDictionary<string, string> Fields);

public sealed record BibTexParseResult(IReadOnlyList<BibTexEntry> Entries, BibTexError? Error);

/// <summary>
/// Reads BibTeX as BibTeX itself does: text outside entries is a comment; entries are
/// <c>@type{key, name = value, ...}</c> or with parentheses; a value is {braced} (braces nest),
/// "quoted", a number or an @string name, joined with #. @comment and @preamble are skipped.
/// Values come back raw (braces and LaTeX kept, see <see cref="LatexText"/>). The first problem
/// stops the parse and is reported with its line, so an import is all or nothing.
/// </summary>
public static class BibTexParser
{
    /// <summary>More than any professor's list; keeps one request's work bounded.</summary>
    public const int MaxEntries = 2000;

    public static BibTexParseResult Parse(string text)
    {
        var reader = new Reader(text);
        try
        {
            var entries = reader.ReadAll();
            return entries.Count == 0
                ? new BibTexParseResult([], new BibTexError(BibTexErrorKind.NoEntries, 0))
                : new BibTexParseResult(entries, null);
        }
        catch (BibTexFormatException e)
        {
            return new BibTexParseResult([], e.Error);
        }
    }

    private sealed class BibTexFormatException(BibTexError error) : Exception(error.Kind.ToString())
    {
        public BibTexError Error { get; } = error;
    }

    private sealed class Reader(string text)
    {
        private static readonly Dictionary<string, string> Months = new(StringComparer.OrdinalIgnoreCase)
        {
            ["jan"] = "January", ["feb"] = "February", ["mar"] = "March", ["apr"] = "April", ["may"] = "May", ["jun"] = "June",
            ["jul"] = "July", ["aug"] = "August", ["sep"] = "September", ["oct"] = "October", ["nov"] = "November", ["dec"] = "December",
        };

        private readonly int[] _lineStarts = LineStarts(text);
        private readonly Dictionary<string, string> _strings = new(Months, StringComparer.OrdinalIgnoreCase);
        private int _pos;

        private bool AtEnd => _pos >= text.Length;

        private char Peek => _pos < text.Length ? text[_pos] : '\0';

        public List<BibTexEntry> ReadAll()
        {
            var entries = new List<BibTexEntry>();
            var keys = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (_pos < text.Length)
            {
                var at = text.IndexOf('@', _pos);
                if (at < 0)
                {
                    break;
                }

                _pos = at + 1;
                if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                {
                    // Inside a word (an email address in the free text between entries): not an entry.
                    continue;
                }

                var type = ReadWhile(char.IsAsciiLetter).ToLowerInvariant();
                if (type.Length == 0)
                {
                    // An '@' in free text (an email address in a comment) starts nothing.
                    continue;
                }

                var line = LineOf(at);
                SkipSpace();
                if (type == "comment")
                {
                    if (Peek is '{' or '(')
                    {
                        SkipGroup(line);
                    }

                    continue;
                }

                if (Peek is not ('{' or '('))
                {
                    throw Fail(BibTexErrorKind.ExpectedOpeningBrace, line, "", type);
                }

                var close = Peek == '{' ? '}' : ')';
                _pos++;
                switch (type)
                {
                    case "preamble":
                        ReadValue(line, "@preamble", "preamble");
                        ExpectClose(close, line, "@preamble");
                        break;
                    case "string":
                        ReadString(close, line);
                        break;
                    default:
                        var entry = ReadEntry(type, close, line);
                        if (keys.TryGetValue(entry.Key, out var first))
                        {
                            throw Fail(BibTexErrorKind.DuplicateKey, line, entry.Key, first.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }

                        keys[entry.Key] = line;
                        entries.Add(entry);
                        if (entries.Count > MaxEntries)
                        {
                            throw Fail(BibTexErrorKind.TooManyEntries, line, entry.Key, MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }

                        break;
                }
            }

            return entries;
        }

        private void ReadString(char close, int line)
        {
            SkipSpace();
            var name = ReadWhile(IsNameChar);
            if (name.Length == 0)
            {
                throw Fail(BibTexErrorKind.ExpectedField, LineOf(_pos), "@string");
            }

            SkipSpace();
            if (Peek != '=')
            {
                throw Fail(BibTexErrorKind.ExpectedEquals, LineOf(_pos), "@string", name);
            }

            _pos++;
            _strings[name] = ReadValue(line, "@string", name);
            ExpectClose(close, line, "@string");
        }

        private BibTexEntry ReadEntry(string type, char close, int line)
        {
            SkipSpace();
            var key = ReadWhile(c => !char.IsWhiteSpace(c) && c is not (',' or '{' or '}' or '(' or ')' or '"' or '=' or '@' or '#' or '%'));
            if (key.Length == 0)
            {
                throw Fail(BibTexErrorKind.MissingKey, line, "", type);
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            SkipSpace();
            if (Peek == close)
            {
                _pos++;
                return new BibTexEntry(type, key, line, fields);
            }

            if (Peek != ',')
            {
                throw AtEnd || Peek == '@' ? Fail(BibTexErrorKind.NoClosingBrace, line, key) : Fail(BibTexErrorKind.ExpectedSeparator, LineOf(_pos), key);
            }

            _pos++;
            while (true)
            {
                SkipSpace();
                if (AtEnd || Peek == '@')
                {
                    // The next entry begins (or the text ends) before this one closed.
                    throw Fail(BibTexErrorKind.NoClosingBrace, line, key);
                }

                if (Peek == close)
                {
                    _pos++;
                    return new BibTexEntry(type, key, line, fields);
                }

                var nameLine = LineOf(_pos);
                var name = ReadWhile(IsNameChar).ToLowerInvariant();
                if (name.Length == 0)
                {
                    throw Fail(BibTexErrorKind.ExpectedField, nameLine, key);
                }

                SkipSpace();
                if (Peek != '=')
                {
                    throw AtEnd ? Fail(BibTexErrorKind.NoClosingBrace, line, key) : Fail(BibTexErrorKind.ExpectedEquals, LineOf(_pos), key, name);
                }

                _pos++;
                var value = ReadValue(line, key, name);
                if (!fields.TryAdd(name, value))
                {
                    throw Fail(BibTexErrorKind.DuplicateField, nameLine, key, name);
                }

                SkipSpace();
                if (Peek == ',')
                {
                    _pos++;
                }
                else if (Peek == close)
                {
                    _pos++;
                    return new BibTexEntry(type, key, line, fields);
                }
                else
                {
                    throw AtEnd || Peek == '@' ? Fail(BibTexErrorKind.NoClosingBrace, line, key) : Fail(BibTexErrorKind.ExpectedSeparator, LineOf(_pos), key);
                }
            }
        }

        /// <summary>Parts joined by '#': {braced}, "quoted", digits or an @string name.</summary>
        private string ReadValue(int entryLine, string key, string field)
        {
            var value = new StringBuilder();
            while (true)
            {
                SkipSpace();
                var start = _pos;
                if (Peek == '{')
                {
                    _pos++;
                    value.Append(ReadDelimited(null, start, key, field));
                }
                else if (Peek == '"')
                {
                    _pos++;
                    value.Append(ReadDelimited('"', start, key, field));
                }
                else if (char.IsAsciiDigit(Peek))
                {
                    value.Append(ReadWhile(char.IsAsciiDigit));
                }
                else if (IsNameChar(Peek) && !char.IsAsciiDigit(Peek))
                {
                    var name = ReadWhile(IsNameChar);
                    if (!_strings.TryGetValue(name, out var defined))
                    {
                        throw Fail(BibTexErrorKind.UnknownString, LineOf(start), key, name);
                    }

                    value.Append(defined);
                }
                else
                {
                    throw AtEnd || Peek == '@' ? Fail(BibTexErrorKind.NoClosingBrace, entryLine, key) : Fail(BibTexErrorKind.MissingValue, LineOf(start), key, field);
                }

                SkipSpace();
                if (Peek != '#')
                {
                    return value.ToString();
                }

                _pos++;
            }
        }

        /// <summary>
        /// The text up to the closing brace (or quote, outside braces). Braces nest and count even
        /// after a backslash, as in BibTeX. A line starting with "@type{" inside a value means the
        /// value ran away: reported at the value's line rather than swallowing the next entries.
        /// </summary>
        private string ReadDelimited(char? quote, int start, string key, string field)
        {
            var depth = 0;
            var from = _pos;
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}')
                {
                    if (depth == 0)
                    {
                        if (quote is null)
                        {
                            _pos++;
                            return text[from..(_pos - 1)];
                        }

                        break;
                    }

                    depth--;
                }
                else if (c == quote && depth == 0)
                {
                    _pos++;
                    return text[from..(_pos - 1)];
                }
                else if (c == '\n' && StartsEntry(_pos + 1))
                {
                    break;
                }

                _pos++;
            }

            throw Fail(BibTexErrorKind.ValueNotClosed, LineOf(start), key, field);
        }

        /// <summary>Skips a @comment{...} group, braces nesting.</summary>
        private void SkipGroup(int line)
        {
            var open = Peek;
            var close = open == '{' ? '}' : ')';
            var depth = 0;
            for (; _pos < text.Length; _pos++)
            {
                if (text[_pos] == open)
                {
                    depth++;
                }
                else if (text[_pos] == close && --depth == 0)
                {
                    _pos++;
                    return;
                }
            }

            throw Fail(BibTexErrorKind.NoClosingBrace, line, "@comment");
        }

        private void ExpectClose(char close, int line, string key)
        {
            SkipSpace();
            if (Peek != close)
            {
                throw AtEnd || Peek == '@' ? Fail(BibTexErrorKind.NoClosingBrace, line, key) : Fail(BibTexErrorKind.ExpectedSeparator, LineOf(_pos), key);
            }

            _pos++;
        }

        /// <summary>Whether a line starting at <paramref name="index"/> is "  @word{" or "@word(".</summary>
        private bool StartsEntry(int index)
        {
            while (index < text.Length && text[index] is ' ' or '\t' or '\r')
            {
                index++;
            }

            if (index >= text.Length || text[index] != '@')
            {
                return false;
            }

            index++;
            var letters = index;
            while (index < text.Length && char.IsAsciiLetter(text[index]))
            {
                index++;
            }

            while (index < text.Length && text[index] is ' ' or '\t')
            {
                index++;
            }

            return index > letters && index < text.Length && text[index] is '{' or '(';
        }

        private string ReadWhile(Func<char, bool> accept)
        {
            var from = _pos;
            while (_pos < text.Length && accept(text[_pos]))
            {
                _pos++;
            }

            return text[from.._pos];
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        /// <summary>Field and @string names: BibTeX allows most printable characters except these.</summary>
        private static bool IsNameChar(char c) =>
            c > ' ' && c < 127 && c is not ('"' or '#' or '%' or '\'' or '(' or ')' or ',' or '=' or '{' or '}' or '@' or '\\');

        private int LineOf(int index)
        {
            var found = Array.BinarySearch(_lineStarts, index);
            return (found >= 0 ? found : ~found - 1) + 1;
        }

        private static int[] LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return [.. starts];
        }

        private static BibTexFormatException Fail(BibTexErrorKind kind, int line, string key, string detail = "") =>
            new(new BibTexError(kind, line, key, detail));
    }
}
