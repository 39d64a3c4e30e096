using System.Text;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

/// <summary>
/// Turns the LaTeX in BibTeX values into the plain Unicode the site shows: accents ({\"u} → ü,
/// \'{e} → é), special letters (\ss → ß), escapes (\&amp; → &amp;), dashes (-- → –, --- → —) and
/// quotes; grouping braces and math dollars go, unknown commands (\emph) leave their argument.
/// Accents become a letter plus a combining mark, composed at the end, so every accented letter
/// works without a table of them.
/// </summary>
public static class LatexText
{
    private static readonly Dictionary<char, char> Accents = new()
    {
        ['"'] = '\u0308', ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['~'] = '\u0303', ['='] = '\u0304', ['.'] = '\u0307',
        ['u'] = '\u0306', ['v'] = '\u030C', ['H'] = '\u030B', ['c'] = '\u0327', ['k'] = '\u0328', ['r'] = '\u030A', ['d'] = '\u0323', ['b'] = '\u0331',
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["aa"] = "å", ["AA"] = "Å", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ", ["textendash"] = "–", ["textemdash"] = "—", ["textquoteleft"] = "‘",
        ["textquoteright"] = "’", ["textquotedblleft"] = "“", ["textquotedblright"] = "”", ["ldots"] = "…", ["dots"] = "…",
        ["textellipsis"] = "…", ["LaTeX"] = "LaTeX", ["TeX"] = "TeX", ["copyright"] = "©", ["textregistered"] = "®",
        ["texttrademark"] = "™", ["S"] = "§", ["P"] = "¶", ["dag"] = "†", ["euro"] = "€", ["textasciitilde"] = "~",
        ["textbackslash"] = "\\", ["textbraceleft"] = "{", ["textbraceright"] = "}", ["textunderscore"] = "_",
        ["textasciicircum"] = "^", ["textbar"] = "|", ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ",
        ["epsilon"] = "ε", ["lambda"] = "λ", ["mu"] = "μ", ["pi"] = "π", ["sigma"] = "σ", ["tau"] = "τ", ["theta"] = "θ",
        ["omega"] = "ω", ["times"] = "×", ["le"] = "≤", ["ge"] = "≥", ["infty"] = "∞",
    };

    public static string ToUnicode(string latex)
    {
        var text = new StringBuilder(latex.Length);
        Decode(latex, text);
        return CollapseSpaces(text.ToString()).Normalize(NormalizationForm.FormC);
    }

    /// <summary>For url and doi: verbatim apart from braces and the escapes people put in them (\_ \% \&amp; \#).</summary>
    public static string Verbatim(string latex)
    {
        var text = new StringBuilder(latex.Length);
        for (var i = 0; i < latex.Length; i++)
        {
            var c = latex[i];
            if (c is '{' or '}')
            {
                continue;
            }

            if (c == '\\' && i + 1 < latex.Length && latex[i + 1] is '_' or '%' or '&' or '#' or '~' or '$')
            {
                continue;
            }

            text.Append(c);
        }

        return CollapseSpaces(text.ToString());
    }

    private static void Decode(string s, StringBuilder output)
    {
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            switch (c)
            {
                case '\\':
                    i = Command(s, i + 1, output);
                    continue;
                case '{' or '}' or '$':
                    break;
                case '~':
                    output.Append(' ');
                    break;
                case '-':
                    var dashes = Run(s, i, '-');
                    output.Append(dashes switch { >= 3 => "—", 2 => "–", _ => "-" });
                    i += Math.Min(dashes, 3);
                    continue;
                case '`':
                    var opening = Run(s, i, '`') >= 2;
                    output.Append(opening ? '“' : '‘');
                    i += opening ? 2 : 1;
                    continue;
                case '\'' when i + 1 < s.Length && s[i + 1] == '\'':
                    output.Append('”');
                    i += 2;
                    continue;
                default:
                    output.Append(c);
                    break;
            }

            i++;
        }
    }

    /// <summary>Handles the command whose name starts at <paramref name="i"/>; returns where reading goes on.</summary>
    private static int Command(string s, int i, StringBuilder output)
    {
        if (i >= s.Length)
        {
            return i;
        }

        string name;
        if (char.IsAsciiLetter(s[i]))
        {
            var start = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }

            name = s[start..i];
            // TeX eats the spaces after a control word.
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }
        }
        else
        {
            name = s[i].ToString();
            i++;
        }

        if (name.Length == 1 && Accents.TryGetValue(name[0], out var mark))
        {
            var (argument, next) = Argument(s, i);
            if (argument.Length > 0)
            {
                // A dotless i or j under an accent is just i or j: "\"{\i}" → ï.
                var letter = argument[0] switch { 'ı' => 'i', 'ȷ' => 'j', var other => other };
                output.Append(letter).Append(mark).Append(argument, 1, argument.Length - 1);
            }

            return next;
        }

        if (Symbols.TryGetValue(name, out var symbol))
        {
            output.Append(symbol);
        }
        else if (name.Length == 1 && name[0] is '&' or '%' or '$' or '#' or '_' or '{' or '}')
        {
            output.Append(name);
        }
        else if (name.Length == 1 && name[0] is ' ' or '\\' or ',' or ';' or ':' or '\n' or '\t')
        {
            output.Append(' ');
        }

        // Anything else (\emph, \textbf, \url, \/, \-) shows nothing itself; its {argument} is read as text.
        return i;
    }

    /// <summary>An accent's argument: a {group}, a command such as \i, or one character.</summary>
    private static (string Text, int Next) Argument(string s, int i)
    {
        if (i >= s.Length)
        {
            return ("", i);
        }

        var inner = new StringBuilder();
        if (s[i] == '{')
        {
            var depth = 0;
            var start = i;
            for (; i < s.Length; i++)
            {
                if (s[i] == '{')
                {
                    depth++;
                }
                else if (s[i] == '}' && --depth == 0)
                {
                    break;
                }
            }

            Decode(s[(start + 1)..Math.Min(i, s.Length)], inner);
            return (inner.ToString(), Math.Min(i + 1, s.Length));
        }

        if (s[i] == '\\')
        {
            var next = Command(s, i + 1, inner);
            return (inner.ToString(), next);
        }

        return (s[i].ToString(), i + 1);
    }

    private static int Run(string s, int i, char c)
    {
        var n = 0;
        while (i + n < s.Length && s[i + n] == c)
        {
            n++;
        }

        return n;
    }

    private static string CollapseSpaces(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                }
            }
            else if (!char.IsControl(c))
            {
                result.Append(c);
            }
        }

        return result.ToString().TrimEnd();
    }
}
