using System.Text.RegularExpressions;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

/// <summary>
/// A DBLP person id ("123/4567", "05/5421-1", "z/HanZhao") read from what the professor typed: the id
/// itself or its page on dblp.org (https, no other host, no query, no path but /pid/...). Anything
/// else is refused, so the fetch can only ever ask DBLP's configured address for a person's .bib.
/// </summary>
public static partial class DblpPersonId
{
    public const int MaxInputLength = 200;

    /// <summary>The id, or null when the text is not one.</summary>
    public static string? Parse(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length is 0 or > MaxInputLength)
        {
            return null;
        }

        if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("dblp.org/", StringComparison.OrdinalIgnoreCase) || text.StartsWith("www.dblp.org/", StringComparison.OrdinalIgnoreCase))
        {
            var address = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
                || uri.Host is not ("dblp.org" or "www.dblp.org") || !uri.IsDefaultPort || uri.UserInfo.Length > 0
                || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                return null;
            }

            // The path as typed (before any unescaping or dot-segment removal): "/pid/12/34%2F..%2F" is no id.
            var path = PathOf(address);
            if (path is null || !path.StartsWith("/pid/", StringComparison.Ordinal))
            {
                return null;
            }

            text = path["/pid/".Length..];
            foreach (var suffix in new[] { ".html", ".bib", ".xml" })
            {
                if (text.EndsWith(suffix, StringComparison.Ordinal))
                {
                    text = text[..^suffix.Length];
                    break;
                }
            }
        }

        return Shape().IsMatch(text) ? text : null;
    }

    /// <summary>The path exactly as written after the host.</summary>
    private static string? PathOf(string address)
    {
        var afterScheme = address.IndexOf("://", StringComparison.Ordinal) + 3;
        var slash = address.IndexOf('/', afterScheme);
        return slash < 0 ? null : address[slash..];
    }

    // DBLP's person ids: a numeric or one-letter prefix, a slash, then digits (with a "-n" namesake
    // suffix) or, for older entries, a name in ASCII letters.
    [GeneratedRegex(@"^(?:\d{1,4}|[a-z])/(?:\d{1,8}(?:-\d{1,4})?|[A-Za-z][A-Za-z0-9]{0,60})$")]
    private static partial Regex Shape();
}
