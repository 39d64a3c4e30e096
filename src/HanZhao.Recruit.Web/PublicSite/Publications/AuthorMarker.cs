using System.Globalization;
using System.Text;
using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.PublicSite.Publications;

public enum AuthorRole
{
    Other,

    /// <summary>The professor: emphasised.</summary>
    Professor,

    /// <summary>A current or former member of the lab: marked.</summary>
    LabMember,
}

public sealed record MarkedAuthor(string Name, AuthorRole Role);

/// <summary>
/// Recognises the professor (and the lab's members) in author lists, whichever way a citation
/// writes the name: "Han Zhao", "Zhao, Han", "H. Zhao", "Zhao Han", "Han Zhao 0001" (DBLP) or "赵涵".
/// </summary>
public sealed class AuthorMarker
{
    private readonly HashSet<string> professor;
    private readonly HashSet<string> members;

    public AuthorMarker(Profile? profile, IEnumerable<string> labMemberNames)
    {
        professor = profile is null ? [] : [.. Variants(profile.Name), .. Variants(profile.ChineseName)];
        members = [.. labMemberNames.SelectMany(Variants).Where(v => !professor.Contains(v))];
    }

    /// <summary>Marks nobody: for pages that show a publication without the site's profile.</summary>
    public static AuthorMarker None { get; } = new(null, []);

    public IReadOnlyList<MarkedAuthor> Mark(Publication publication) =>
        [.. publication.AuthorNames().Select(name => new MarkedAuthor(name, RoleOf(name)))];

    public AuthorRole RoleOf(string name)
    {
        var key = Key(name);
        return key.Length == 0 ? AuthorRole.Other
            : professor.Contains(key) ? AuthorRole.Professor
            : members.Contains(key) ? AuthorRole.LabMember
            : AuthorRole.Other;
    }

    /// <summary>
    /// The ways a citation writes a name, as keys: given names and family name in both orders,
    /// and with the given names as initials ("h zhao", "zhao h"). A name without spaces (Chinese) is itself.
    /// </summary>
    public static IEnumerable<string> Variants(string? name)
    {
        var words = Words(name);
        if (words.Count == 0)
        {
            yield break;
        }

        yield return string.Join(' ', words);
        if (words.Count < 2)
        {
            yield break;
        }

        var given = words[..^1];
        var family = words[^1];
        var initials = string.Join(' ', given.Select(w => w[..1]));
        yield return string.Join(' ', [family, .. given]);
        yield return $"{initials} {family}";
        yield return $"{family} {initials}";
        yield return $"{string.Concat(given.Select(w => w[..1]))} {family}";
    }

    /// <summary>The key a written name is compared by: "Zhao, Han" and "Han Zhao 0001" both give "han zhao".</summary>
    public static string Key(string name) => string.Join(' ', Words(name));

    /// <summary>
    /// Lower-case words without accents, dots or DBLP's numeric suffix; "Family, Given" put back in
    /// order; hyphens inside a given name ("Xiao-Ming") joined, as Chinese names are written both ways.
    /// </summary>
    private static List<string> Words(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var text = name.Trim();
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            text = text[(comma + 1)..] + " " + text[..comma];
        }

        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '-' or '‐')
            {
                continue;
            }

            plain.Append(c is '.' ? ' ' : char.ToLowerInvariant(c));
        }

        var words = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // DBLP tells namesakes apart with "0001": not part of the name.
        if (words.Count > 1 && words[^1].All(char.IsAsciiDigit))
        {
            words.RemoveAt(words.Count - 1);
        }

        return words;
    }
}
