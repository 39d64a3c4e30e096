using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace HanZhao.Recruit.Web.Applicant;

/// <summary>
/// How an uploaded PDF is served: as application/pdf that the browser may not sniff into anything
/// else, under a sandbox CSP (so even a hostile file runs no script with our origin), never cached
/// by a shared cache, and with a name the applicant typed encoded by the framework, not by us.
/// </summary>
public static class DocumentResponse
{
    /// <summary>Replaces the site-wide policy for document responses (see <see cref="PortalSetup"/>).</summary>
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";


    public static IActionResult Pdf(HttpContext context, DocumentFile file, bool download)
    {
        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        // filename= gets an ASCII fallback with quotes escaped, filename*= the UTF-8 original (RFC 6266).
        disposition.SetHttpFileName(HeaderSafeName(file.FileName));
        var headers = context.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.CacheControl = "private, no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return new FileContentResult(file.Bytes, "application/pdf");
    }

    /// <summary>
    /// Control characters (CR/LF above all) have no place in a header: the framework refuses them
    /// with an exception, so they are dropped. Uploads are cleaned already; this guards older rows.
    /// </summary>
    internal static string HeaderSafeName(string fileName)
    {
        var clean = new StringBuilder(fileName.Length);
        foreach (var c in fileName.Where(c => !char.IsControl(c)))
        {
            clean.Append(c);
        }

        var name = clean.ToString().Trim();
        return name.Length == 0 ? "document.pdf" : name;
    }
}
