using System.Globalization;

namespace HanZhao.Recruit.Web.Platform.Forms;

/// <summary>
/// A typed email address checked by <see cref="EmailAddresses.Check"/>: the address to store and write to
/// (<see cref="Address"/>), or why it was refused (<see cref="Problem"/>, an English key for the localizer).
/// </summary>
public sealed record EmailAddressCheck(string? Address, string? Problem)
{
    public bool IsValid => Address is not null;

    /// <summary>Nothing was typed (a form may word that message its own way).</summary>
    public bool IsMissing => Problem == EmailAddresses.Missing;
}

/// <summary>
/// The one rule for every email address the site takes: applicant sign-in, staff sign-in and first
/// set-up, co-reviewer invitations, the contact form. An address it accepts always becomes a working
/// account (ASP.NET Identity's user name allows only <see cref="LocalPartCharacters"/>, '@' and what a
/// punycode domain is made of) and a deliverable recipient; anything else is refused up front with a
/// message, never sent a link that cannot work.
/// <list type="bullet">
/// <item>White space around is trimmed; a control character or space inside (a CR/LF would add mail headers) is refused.</item>
/// <item>Before the @: Latin letters, digits and <c>. _ + -</c>, in dot-atom form. Quoted names and other
/// symbols are legal in RFC 5322 but rare, and Identity refuses them as user names.</item>
/// <item>After the @: one trailing dot (the DNS root) is dropped; a Unicode domain (<c>bücher.example</c>,
/// <c>例え.jp</c>) becomes punycode (<c>xn--bcher-kva.example</c>); the result is lower case. A label that
/// mixes Latin, Cyrillic or Greek letters (<c>exаmple.org</c> with a Cyrillic а) is refused: it is
/// another domain that only looks like the one meant, whether typed by mistake or to impersonate.</item>
/// </list>
/// </summary>
public static class EmailAddresses
{
    /// <summary>RFC 5321 caps a forward path at 256 octets including the angle brackets.</summary>
    public const int MaxLength = 254;

    /// <summary>What may stand before the @: ASP.NET Identity's default user-name characters, without the @.</summary>
    public const string LocalPartCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._+";

    public const string Missing = "Enter your email address.";
    public const string Invalid = "Enter a valid email address, like name@example.com.";
    public const string TooLong = "An email address has at most 254 characters.";
    public const string LocalPartRefused = "Before the @, an email address here can only have Latin letters, digits and . _ + -";
    public const string MixedAlphabets = "The part after the @ mixes letters of different alphabets (such as Latin and Cyrillic letters that look alike). Please type it again.";

    private const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;

    // STD3 rules: letters, digits and hyphens only, as host names; unassigned code points refused.
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    private enum Alphabet
    {
        Other,
        Latin,
        Cyrillic,
        Greek,
    }

    /// <summary>The normalized address, or why <paramref name="typed"/> is refused.</summary>
    public static EmailAddressCheck Check(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return Refused(Missing);
        }

        // Spaces, tabs and line ends around an address are how it was pasted; inside it, a CR/LF
        // would start another mail header, and no address has a control character or a space.
        var text = typed.Trim();
        if (text.Length > 2 * MaxLength)
        {
            return Refused(TooLong);
        }

        var at = text.LastIndexOf('@');
        if (text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || at <= 0 || at == text.Length - 1)
        {
            return Refused(Invalid);
        }

        var local = text[..at];
        if (local.Contains('@', StringComparison.Ordinal))
        {
            return Refused(Invalid);
        }

        if (!local.All(c => LocalPartCharacters.Contains(c, StringComparison.Ordinal)))
        {
            return Refused(LocalPartRefused);
        }

        var typedDomain = text[(at + 1)..];
        if (MixesAlphabets(typedDomain))
        {
            return Refused(MixedAlphabets);
        }

        if (Domain(typedDomain) is not { } domain)
        {
            return Refused(Invalid);
        }

        var address = $"{local}@{domain}";
        if (address.Length > MaxLength)
        {
            return Refused(TooLong);
        }

        return local.Length > MaxLocalPartLength || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)
            ? Refused(Invalid)
            : new EmailAddressCheck(address, null);
    }

    /// <summary>The domain as punycode in lower case, without a trailing dot; null when it is not a mail domain.</summary>
    private static string? Domain(string typed)
    {
        var unicode = typed.EndsWith('.') ? typed[..^1] : typed;
        if (unicode.Length == 0)
        {
            return null;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(unicode).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        var labels = ascii.Split('.');
        // Two labels at least ("a@b" is a local name), no empty or overlong ones, and a top-level
        // domain that is not a number (an IP address is not a mail domain here).
        return labels.Length >= 2
               && labels.All(l => l.Length is > 0 and <= MaxLabelLength && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && l[0] != '-' && l[^1] != '-')
               && !labels[^1].All(char.IsAsciiDigit)
            ? ascii
            : null;
    }

    /// <summary>Whether one label of <paramref name="domain"/> has letters of two of the alphabets whose letters look alike.</summary>
    private static bool MixesAlphabets(string domain) =>
        domain.Split('.', '。', '．', '｡').Any(label =>
            label.Where(char.IsLetter).Select(AlphabetOf).Where(a => a != Alphabet.Other).Distinct().Count() > 1);

    private static Alphabet AlphabetOf(char c) => c switch
    {
        (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF')
            or (>= '\u2C60' and <= '\u2C7F') or (>= '\uA720' and <= '\uA7FF') or (>= '\uFF21' and <= '\uFF5A') => Alphabet.Latin,
        (>= '\u0400' and <= '\u052F') or (>= '\u1C80' and <= '\u1C8F') or (>= '\u2DE0' and <= '\u2DFF') or (>= '\uA640' and <= '\uA69F') => Alphabet.Cyrillic,
        (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF') => Alphabet.Greek,
        _ => Alphabet.Other,
    };

    private static EmailAddressCheck Refused(string problem) => new(null, problem);
}
