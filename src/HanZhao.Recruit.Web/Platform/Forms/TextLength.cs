using System.Globalization;

namespace HanZhao.Recruit.Web.Platform.Forms;

/// <summary>
/// The length of a text as a reader counts it, for limits written in words ("at most 1,500 words"):
/// each CJK character counts as one (a Han character, kana, hangul, a full-width punctuation mark
/// or letter), and any other run of characters between spaces counts as one word. So "我用 PyTorch
/// 写了3个模型。" is 10: 我 用 PyTorch 写 了 3 个 模 型 。 — the Latin word and the digit each count
/// once, and a word ends where a CJK character begins. A 1,500-word limit thus allows 1,500 Chinese
/// characters, which reads about as long as 1,500 English words.
/// <para>
/// wwwroot/js/site.js counts the statement live with the same rule, the same code point ranges and
/// the same spaces (JavaScript's <c>\s</c>, listed here by hand because .NET's idea of white space is
/// slightly different); a browser test compares the two.
/// </para>
/// </summary>
public static class TextLength
{
    /// <summary>Code points counted one each, as inclusive ranges.</summary>
    private static readonly (int First, int Last)[] CjkRanges =
    [
        (0x1100, 0x11FF), // Hangul Jamo
        (0x2E80, 0x2FDF), // CJK radicals, Kangxi radicals
        (0x3001, 0x303F), // CJK symbols and punctuation (。、《》「」), without the ideographic space
        (0x3040, 0x30FF), // Hiragana, Katakana
        (0x3100, 0x31FF), // Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, Katakana extensions
        (0x3200, 0x4DBF), // Enclosed CJK, CJK compatibility, CJK Extension A
        (0x4E00, 0x9FFF), // CJK Unified Ideographs
        (0xA960, 0xA97F), // Hangul Jamo Extended-A
        (0xAC00, 0xD7FF), // Hangul syllables, Hangul Jamo Extended-B
        (0xF900, 0xFAFF), // CJK compatibility ideographs
        (0xFE10, 0xFE1F), // Vertical forms
        (0xFE30, 0xFE6F), // CJK compatibility forms, small form variants
        (0xFF01, 0xFFEE), // Full-width punctuation, letters and digits (，！？：ＡＢ１２), half-width kana and hangul
        (0x1B000, 0x1B16F), // Kana supplement and extensions
        (0x20000, 0x3FFFF), // CJK Extensions B to J and the supplementary ideographic planes
    ];

    /// <summary>The characters that separate words: JavaScript's <c>\s</c>.</summary>
    private static readonly int[] Spaces =
    [
        0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
        0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF,
    ];

    /// <summary>CJK characters plus words of other text; 0 for null or empty.</summary>
    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        var inWord = false;
        // By code point, as JavaScript's for…of: a character outside the Basic Multilingual Plane is one.
        // A lone surrogate becomes U+FFFD here and stays itself there: either way one word character.
        foreach (var rune in text.EnumerateRunes())
        {
            var code = rune.Value;
            if (IsCjk(code))
            {
                count++;
                inWord = false;
            }
            else if (Array.IndexOf(Spaces, code) >= 0)
            {
                inWord = false;
            }
            else if (!inWord)
            {
                count++;
                inWord = true;
            }
        }

        return count;
    }

    public static bool IsCjk(int code)
    {
        foreach (var (first, last) in CjkRanges)
        {
            if (code >= first && code <= last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ranges as "first-last" pairs in hexadecimal, for the page to hand to the browser's counter.</summary>
    public static string RangesForScript { get; } =
        string.Join(' ', CjkRanges.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.First:x}-{r.Last:x}")));
}
