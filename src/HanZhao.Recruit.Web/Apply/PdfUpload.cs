using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// Checks an uploaded file by its bytes, never by its name or declared type: a PDF starts with
/// "%PDF-" and ends with "%%EOF" (a cut-off upload lacks the end), and then a PDF reader must open
/// it (<see cref="PdfInspection"/>). Produces what is stored. Every PDF upload goes through here.
/// The bytes are streamed, never held whole: the framework's form reader keeps at most 64 KB of a
/// file in memory and the rest in a temporary file (deleted at the end of the request), and every
/// read here and on the way into the database borrows a 64 KB buffer.
/// </summary>
public static class PdfUpload
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>What the request may carry for one upload: the file plus the form's own bytes.</summary>
    public const long MaxRequestBytes = MaxBytes + (64 * 1024);

    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] Trailer = "%%EOF"u8.ToArray();

    /// <summary>The bytes' first check looks at this many at the end for "%%EOF".</summary>
    private const int TrailerWindow = 1024;

    /// <summary>
    /// Reading a PDF is CPU work that holds the objects' dictionaries it parses in memory (never a
    /// stream's bytes: <see cref="PdfInspection"/>): one reader per core at a time, the rest wait
    /// without a thread. More would not finish sooner on those cores; they would only hold more memory
    /// at once and slow the writer that holds SQLite's lock (docs/PERFORMANCE.md, notes).
    /// </summary>
    private static readonly SemaphoreSlim Readers = new(Environment.ProcessorCount);

    /// <summary>Under the large object heap's 85,000 bytes: each read borrows a small pooled buffer.</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// A checked upload. Its bytes stay where the form reader put them (a temporary file once past
    /// 64 KB, deleted when the request ends): <see cref="OpenRead"/> reads them again, so no whole
    /// copy of the file is ever held in managed memory on its way to the database.
    /// </summary>
    public sealed record Checked(long Length, string Sha256, string FileName, PdfInspection.Facts Facts, Func<Stream> OpenRead)
    {
        /// <summary>The whole file in memory, for the few stores that still keep a byte array (reference letters).</summary>
        public async Task<byte[]> ToArrayAsync(CancellationToken cancellationToken)
        {
            var bytes = new byte[Length];
            await using var stream = OpenRead();
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }
    }

    /// <summary>
    /// The checked file, or an English error key for the localizer. The file is read once in small
    /// chunks (its size counted against the cap as it goes, its SHA-256 computed incrementally, its
    /// first and last bytes kept for the PDF markers), then the PDF reader opens it as a seekable
    /// stream over the same buffered file.
    /// </summary>
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

        var (length, sha256, looksLikePdf) = await ScanAsync(file.OpenReadStream, cancellationToken);
        if (length > MaxBytes)
        {
            return (null, "The file is larger than 10 MB.");
        }

        if (length != file.Length || !looksLikePdf)
        {
            return (null, "The file is not a PDF. Save it as PDF and upload it again.");
        }

        PdfInspection.Facts? facts;
        string? error;
        await Readers.WaitAsync(cancellationToken);
        try
        {
            await using var stream = file.OpenReadStream();
            (facts, error) = PdfInspection.Inspect(stream);
        }
        finally
        {
            Readers.Release();
        }

        return facts is null
            ? (null, error)
            : (new Checked(length, sha256, CleanFileName(file.FileName), facts, file.OpenReadStream), null);
    }

    /// <summary>
    /// Reads a file once, in pooled chunks, stopping one byte past <see cref="MaxBytes"/>: its length
    /// (over the cap when it is too large), its lower-case hex SHA-256 and whether it starts with
    /// "%PDF-" and has "%%EOF" in its last 1,024 bytes (<see cref="IsPdf"/>).
    /// </summary>
    public static async Task<(long Length, string Sha256, bool LooksLikePdf)> ScanAsync(Func<Stream> open, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        // The first bytes, and the last ones in a window that slides along as chunks arrive.
        var head = new byte[Header.Length];
        var tail = new byte[TrailerWindow * 2];
        var tailLength = 0;
        long length = 0;
        try
        {
            await using var stream = open();
            int read;
            while (length <= MaxBytes && (read = await stream.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                var bytes = chunk.AsSpan(0, read);
                if (length < head.Length)
                {
                    bytes[..Math.Min(read, head.Length - (int)length)].CopyTo(head.AsSpan((int)length));
                }

                hash.AppendData(bytes);
                length += read;
                var last = bytes[Math.Max(0, read - TrailerWindow)..];
                if (tailLength + last.Length > tail.Length)
                {
                    // Keep the newest TrailerWindow bytes before appending.
                    var keep = Math.Min(tailLength, TrailerWindow);
                    tail.AsSpan(tailLength - keep, keep).CopyTo(tail);
                    tailLength = keep;
                }

                last.CopyTo(tail.AsSpan(tailLength));
                tailLength += last.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var end = tail.AsSpan(0, tailLength);
        var looksLikePdf = length >= head.Length && head.AsSpan().SequenceEqual(Header)
            && end[Math.Max(0, end.Length - TrailerWindow)..].IndexOf(Trailer) >= 0;
        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()), looksLikePdf);
    }

    public static bool IsPdf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Header) && bytes[Math.Max(0, bytes.Length - TrailerWindow)..].IndexOf(Trailer) >= 0;

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
