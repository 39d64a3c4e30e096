using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace HanZhao.Recruit.Web.Platform.Caching;

/// <summary>
/// Gives each cached public page its wire form before the output cache stores it: compressed once
/// (Brotli or gzip, by the visitor's Accept-Encoding), with a strong ETag over the bytes sent, its
/// Vary and Cache-Control. It runs inside the output cache (after <c>UseOutputCache</c>), so it runs
/// only when an entry is made; a hit replays the stored compressed bytes and headers, and the output
/// cache answers If-None-Match with 304 from the stored ETag. ResponseCompression would compress on
/// every request, and its ETag would be the page's, not the representation's.
/// <para>
/// BREACH: only what the output cache itself may store is compressed: an anonymous GET or HEAD of a
/// public-policy page with no Set-Cookie. Such a response is shared by every visitor, so it cannot
/// carry a secret; signed-in pages, forms with antiforgery tokens, /apply, /applicant, /review and
/// /account are never public-policy pages and pass through untouched.
/// </para>
/// </summary>
public sealed class PublicPageEncoding(RequestDelegate next, PublicPageCompressions compressions)
{
    /// <summary>
    /// What the page's bytes depend on besides the URL: the encoding; the language (Accept-Language,
    /// or the culture cookie, which wins over it); the theme cookie (&lt;html data-theme&gt;). Both cookies
    /// travel in the one Cookie header, hence Cookie.
    /// </summary>
    public const string Vary = "Accept-Encoding, Accept-Language, Cookie";

    /// <summary>
    /// Browsers keep the page and ask each time (304 from the cache costs almost nothing): an edit,
    /// an intake opening or closing shows at once, which a max-age would delay.
    /// </summary>
    public const string CacheControl = "no-cache";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsPublicPage(context))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        response.Headers.Vary = Vary;
        var body = buffer.ToArray();
        // A file result answers HEAD with its Content-Length and no body: nothing to encode or hash, it goes as it is.
        if (body.Length > 0 && IsShared(context))
        {
            body = Encode(response, body, ContentCodings.Negotiate(context.Request));
        }

        await original.WriteAsync(body, context.RequestAborted);
    }

    private byte[] Encode(HttpResponse response, byte[] body, string coding)
    {
        if (coding != ContentCodings.Identity)
        {
            body = ContentCodings.Compress(body, coding);
            compressions.Count(coding);
            response.Headers.ContentEncoding = coding;
            // Ranges of the plain bytes (a file result's) do not apply to the compressed ones.
            response.Headers.Remove(HeaderNames.AcceptRanges);
        }

        response.ContentLength = body.Length;
        response.Headers.ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"";
        if (string.IsNullOrEmpty(response.Headers.CacheControl))
        {
            response.Headers.CacheControl = CacheControl;
        }

        return body;
    }

    /// <summary>A page served under the public-page output cache policy.</summary>
    public static bool IsPublicPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == PublicPageCache.Policy;

    /// <summary>The output cache's own rule for what it may store (see the class comment), plus a text body.</summary>
    private static bool IsShared(HttpContext context) =>
        context.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheLookup == true
        && context.User.Identity?.IsAuthenticated != true
        && context.Response.StatusCode == StatusCodes.Status200OK
        && string.IsNullOrEmpty(context.Response.Headers.SetCookie)
        && string.IsNullOrEmpty(context.Response.Headers.ContentEncoding)
        && ContentCodings.IsText(context.Response.ContentType);
}

/// <summary>How many cached page bodies were compressed, by coding: proves a cache hit compresses nothing.</summary>
public sealed class PublicPageCompressions
{
    private long _brotli;
    private long _gzip;

    public long Brotli => Interlocked.Read(ref _brotli);

    public long Gzip => Interlocked.Read(ref _gzip);

    public void Count(string coding) =>
        Interlocked.Increment(ref coding == ContentCodings.Brotli ? ref _brotli : ref _gzip);
}

/// <summary>The content codings public pages are sent in, and the choice among them by Accept-Encoding.</summary>
public static class ContentCodings
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    /// <summary>
    /// The coding with the highest q-value the request accepts (RFC 9110 12.5.3): an explicit entry
    /// wins over "*"; no header, or identity preferred, gives the plain bytes; on a tie Brotli (smaller),
    /// then gzip, before identity. Anything unreadable counts as absent.
    /// </summary>
    public static string Negotiate(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        if (accepted.Count == 0)
        {
            return Identity;
        }

        double Quality(string coding)
        {
            var named = accepted.Where(a => string.Equals(a.Value.Value, coding, StringComparison.OrdinalIgnoreCase)).ToList();
            var entries = named.Count > 0 ? named : accepted.Where(a => a.Value.Value == "*").ToList();
            // identity is acceptable unless excluded (identity;q=0 or *;q=0), at the lowest preference.
            return entries.Count > 0 ? entries.Max(e => e.Quality ?? 1) : coding == Identity ? 0.001 : 0;
        }

        var identity = Quality(Identity);
        var best = new[] { Brotli, Gzip }.Select(c => (Coding: c, Quality: Quality(c))).MaxBy(c => c.Quality);
        return best.Quality > 0 && best.Quality >= identity ? best.Coding : Identity;
    }

    /// <summary>The public pages' bodies: HTML, XML (sitemap, Atom) and BibTeX; never already-compressed files.</summary>
    public static bool IsText(string? contentType) =>
        contentType is { } type
        && (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.Contains("xml", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/x-bibtex", StringComparison.OrdinalIgnoreCase));

    /// <summary>At the smallest size: done once per cache entry, not per request.</summary>
    public static byte[] Compress(byte[] body, string coding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = coding == Brotli
            ? new BrotliStream(output, CompressionLevel.SmallestSize)
            : new GZipStream(output, CompressionLevel.SmallestSize))
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }
}
