using System.Security.Cryptography;
using System.Text;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// Checks an uploaded file by its bytes, never by its name or declared type: a PDF starts with
/// "%PDF-" and ends with "%%EOF" (a cut-off upload lacks the end), and then a PDF reader must open
/// it (<see cref="PdfInspection"/>). Produces what is stored. Every PDF upload goes through here.
/// </summary>
public static class PdfUpload
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>What the request may carry for one upload: the file plus the form's own bytes.</summary>
    public const long MaxRequestBytes = MaxBytes + (64 * 1024);

    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] Trailer = "%%EOF"u8.ToArray();

    public sealed record Checked(byte[] Bytes, string Sha256, string FileName, PdfInspection.Facts Facts);

    /// <summary>The checked file, or an English error key for the localizer.</summary>
    public static async Task<(Checked? File, string? Error)> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "Choose a PDF file to upload.");
        }

        if (file.Length > MaxBytes)
        {
            return (null, "The file is larger than 10 MB.");
        }

        // Read straight into an array of the declared size: a MemoryStream and its ToArray would make
        // two copies of every upload on the large object heap (50 people uploading 1 MB at once
        // showed in the peak working set).
        var bytes = new byte[file.Length];
        int read;
        await using (var stream = file.OpenReadStream())
        {
            read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (read != file.Length || !IsPdf(bytes))
        {
            return (null, "The file is not a PDF. Save it as PDF and upload it again.");
        }

        var (facts, error) = PdfInspection.Inspect(bytes);
        return facts is null
            ? (null, error)
            : (new Checked(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), CleanFileName(file.FileName), facts), null);
    }

    public static bool IsPdf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Header) && bytes[Math.Max(0, bytes.Length - 1024)..].IndexOf(Trailer) >= 0;

    /// <summary>The name without any folder, control characters or path tricks; for display only.</summary>
    public static string CleanFileName(string? name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/').Split('/').LastOrDefault() ?? string.Empty;
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')))
        {
            clean.Append(c);
        }

        var text = clean.ToString().Trim().Trim('.');
        if (text.Length == 0)
        {
            text = "document.pdf";
        }

        return text.Length <= 120 ? text : text[..116] + ".pdf";
    }
}
