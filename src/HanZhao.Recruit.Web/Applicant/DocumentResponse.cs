using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace HanZhao.Recruit.Web.Applicant;

/// <summary>
/// How an uploaded PDF is served: as application/pdf that the browser may not sniff into anything
/// else, under a sandbox CSP (so even a hostile file runs no script with our origin), never cached
/// by a shared cache, and under a safe name (<see cref="SafeName"/>) encoded by the framework, not by us.
/// </summary>
public static class DocumentResponse
{
    /// <summary>Replaces the site-wide policy for document responses (see <see cref="PortalSetup"/>).</summary>
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The same policy for a document shown inside our own page (the staff reader's viewer): framed by
    /// pages of this origin only, still sandboxed.
    /// </summary>
    public const string FramedContentSecurityPolicy = "sandbox; default-src 'none'; frame-ancestors 'self'";

    /// <summary>Characters of a name before ".pdf": enough to recognise a file, short enough for every file system and ZIP tool.</summary>
    public const int MaxNameLength = 100;

    private const int MaxExtensionLength = 10;

    private static readonly HashSet<string> WindowsDeviceNames = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(1, 9).SelectMany(n => new[] { $"COM{n}", $"LPT{n}" })], StringComparer.OrdinalIgnoreCase);

    /// <summary>The PDF shown or downloaded; <c>frameable</c>: shown in a frame of our own pages (the staff reader), never a download.</summary>
    public static IActionResult Pdf(HttpContext context, DocumentFile file, bool download, bool frameable = false)
    {
        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        // filename= gets an ASCII fallback with quotes escaped, filename*= the UTF-8 original (RFC 6266).
        disposition.SetHttpFileName(SafeName(file.FileName));
        var headers = context.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.CacheControl = "private, no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        var framed = frameable && !download;
        // SecurityHeaders keeps this policy and sets X-Frame-Options to match its frame-ancestors.
        headers.ContentSecurityPolicy = framed ? FramedContentSecurityPolicy : ContentSecurityPolicy;
        return new FileStreamResult(file.Content, "application/pdf");
    }

    /// <summary>
    /// The one name a document leaves the app under (a download, an entry of the ZIP export), whatever
    /// name the applicant gave the file or an older upload stored: the last part of any path; no control,
    /// format (direction overrides U+202A–U+202E and U+2066–U+2069, U+200E/F, zero-width characters) or
    /// line-separator characters; none of the characters file systems refuse; no dots or spaces at the
    /// ends; at most <see cref="MaxNameLength"/> characters; a name a device has on Windows prefixed; and
    /// always ending in ".pdf", because it is one (checked by its bytes on upload): "poly.html" leaves as
    /// "poly.pdf", "cv{U+202E}fdp.exe" (shown as "cvexe.pdf") as "cvfdp.pdf". Chinese and other scripts are kept as they are.
    /// </summary>
    public static string SafeName(string? fileName)
    {
        var name = SafeSegment(fileName);
        // A trailing ".html", ".exe" or ".PDF" goes; "v1.2 final" is not an extension and stays.
        var dot = name.LastIndexOf('.');
        if (dot > 0 && name.Length - dot - 1 is > 0 and <= MaxExtensionLength && name[(dot + 1)..].All(char.IsAsciiLetterOrDigit))
        {
            name = SafeSegment(name[..dot]);
        }

        if (name.Length == 0)
        {
            name = "document";
        }
        else if (WindowsDeviceNames.Contains(name))
        {
            name = "document-" + name;
        }

        return name + ".pdf";
    }

    /// <summary>
    /// Text made safe as one part of a path (a file or folder name), as <see cref="SafeName"/> describes,
    /// but without an extension; empty when nothing is left.
    /// </summary>
    public static string SafeSegment(string? text)
    {
        var last = (text ?? string.Empty).Replace('\\', '/').Split('/')[^1];
        var clean = new StringBuilder(last.Length);
        foreach (var rune in last.EnumerateRunes())
        {
            if (!Unsafe(rune))
            {
                clean.Append(rune.ToString());
            }
        }

        var name = clean.ToString().Trim().Trim('.').Trim();
        var info = new StringInfo(name);
        // Cut by whole characters, never between the halves of a surrogate pair or a combining sequence.
        return info.LengthInTextElements <= MaxNameLength ? name : info.SubstringByTextElements(0, MaxNameLength).TrimEnd().TrimEnd('.');
    }

    private static bool Unsafe(Rune rune) =>
        rune == Rune.ReplacementChar
        || rune.Value is '"' or '<' or '>' or ':' or '|' or '?' or '*'
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}
