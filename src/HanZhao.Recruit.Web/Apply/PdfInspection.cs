using HanZhao.Recruit.Data.Applications;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// Opens an uploaded file with a real PDF reader (PdfPig), as a reviewer's viewer would: a file
/// that only starts and ends like a PDF, has no pages, or needs a password to open is refused;
/// otherwise the page count is kept, and JavaScript, launch actions and attached files are found
/// (in every object, compressed or not, after the reader has decoded names like /Java#53cript)
/// so reviewers can be warned. Any upload that must be a PDF goes through <see cref="PdfUpload"/>,
/// which calls this after its byte checks. What it holds in memory is the objects' dictionaries, never
/// a stream's bytes (a page's content, an image, an attached file): those are skipped where they lie.
/// </summary>
public static class PdfInspection
{
    public const string Unreadable = "The file could not be read as a PDF. It may be damaged: save it as PDF again and upload it.";

    public const string PasswordProtected = "The PDF is protected with a password, so reviewers could not open it. Save it without a password and upload it again.";

    /// <summary>What the reader found in a file it could open.</summary>
    public sealed record Facts(int PageCount, PdfActiveContent ActiveContent);

    private static readonly ParsingOptions Options = new() { UseLenientParsing = true, SkipMissingFonts = true };

    /// <summary>
    /// The reader asks its stream for one byte at a time; the form file's stream answers each such
    /// call with a new one-byte array (it has no ReadByte of its own), so reads go through this much
    /// buffer. Under the large object heap's 85,000 bytes.
    /// </summary>
    private const int ReadBufferBytes = 16 * 1024;

    /// <summary>The facts of a file in memory (the demo's documents), or an English error key for the localizer.</summary>
    public static (Facts? Facts, string? Error) Inspect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return Inspect(stream);
    }

    /// <summary>
    /// The facts of an upload read from a seekable stream (the form reader's temporary file): the
    /// reader seeks to the objects it needs instead of loading the file. Or an English error key.
    /// </summary>
    public static (Facts? Facts, string? Error) Inspect(Stream file)
    {
        try
        {
            // Both readers below share this one buffered stream, so its position is always its own.
            using var buffered = new BufferedStream(file, ReadBufferBytes);
            // A password-protected file is tried with the empty password, which opens files that
            // only restrict printing or editing (often official transcripts): reviewers can read those.
            using var document = PdfDocument.Open(buffered, Options);
            // Lenient parsing (most real files have small faults) stands in a blank page for a missing
            // page tree; a viewer would show nothing, so the tree must be there and hold pages.
            var hasPageTree = document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, document.Structure.TokenScanner, out DictionaryToken? _);
            var pages = document.NumberOfPages;
            if (!hasPageTree || pages < 1)
            {
                return (null, Unreadable);
            }

            using var input = new StreamInputBytes(buffered, shouldDispose: false);
            return (new Facts(pages, FindActiveContent(document, input)), null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return (null, PasswordProtected);
        }
#pragma warning disable CA1031 // The file is the sender's: whatever the reader throws on it means "not a PDF we can read".
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return (null, Unreadable);
        }
    }

    /// <summary>
    /// Searches every object the cross-reference lists. An object in the file is read from its offset
    /// only as far as its value: for a stream that is its dictionary, and the scan stops before the
    /// "stream" keyword, so the stream's bytes (up to the whole file) are never copied into memory, as
    /// the reader's own object lookup would. Objects inside a compressed object stream (which hold no
    /// streams) and an object not found at its listed offset (a damaged or doctored cross-reference,
    /// which the reader repairs by searching the file) go through the reader, as a viewer would find them.
    /// </summary>
    private static PdfActiveContent FindActiveContent(PdfDocument document, IInputBytes input)
    {
        var found = PdfActiveContent.None;
        var scanner = new CoreTokenScanner(input, usePdfDocEncoding: true, new StackDepthGuard(Options.MaxStackDepth), useLenientParsing: true);
        foreach (var (reference, location) in document.Structure.CrossReferenceTable.ObjectOffsets)
        {
            IToken? data;
            try
            {
                data = location.Type == XrefEntryType.File && ValueAt(scanner, reference, location.Value1) is { } value
                    ? value
                    : document.Structure.GetObject(reference)?.Data;
            }
#pragma warning disable CA1031 // An object the reader cannot parse is one no viewer runs either; the rest is still searched.
            catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                continue;
            }

            found |= ActiveContentIn(data);
        }

        return found;
    }

    /// <summary>
    /// The value of object <paramref name="reference"/> read at <paramref name="offset"/> ("12 0 obj"
    /// and then the value: a stream object's dictionary, its data left unread), or null when the
    /// offset does not hold that object or the scan fails on it: then the reader's own lookup, with
    /// its repairs, has the last word, as it had before this scan existed.
    /// </summary>
    private static IToken? ValueAt(CoreTokenScanner scanner, IndirectReference reference, long offset)
    {
        if (offset < 0 || offset >= scanner.Length)
        {
            return null;
        }

        try
        {
            scanner.Seek(offset);
            scanner.ClearPreReadByte();
            return ReadValue(scanner, reference);
        }
#pragma warning disable CA1031 // Whatever the plain scan cannot read is left to the reader's lenient lookup.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static IToken? ReadValue(CoreTokenScanner scanner, IndirectReference reference) =>
        scanner.MoveNext() && scanner.CurrentToken is NumericToken number && number.Long == reference.ObjectNumber
        && scanner.MoveNext() && scanner.CurrentToken is NumericToken generation && generation.Int == reference.Generation
        && scanner.MoveNext() && ReferenceEquals(scanner.CurrentToken, OperatorToken.StartObject)
        && scanner.MoveNext() && scanner.CurrentToken is not OperatorToken
            ? scanner.CurrentToken
            : null;

    /// <summary>Walks one object's dictionaries and arrays without recursion, so deep nesting cannot exhaust the stack.</summary>
    private static PdfActiveContent ActiveContentIn(IToken? root)
    {
        var found = PdfActiveContent.None;
        var pending = new Stack<IToken?>([root]);
        while (pending.TryPop(out var token))
        {
            switch (token)
            {
                case DictionaryToken dictionary:
                    foreach (var (key, value) in dictionary.Data)
                    {
                        found |= Entry(key, value);
                        pending.Push(value);
                    }

                    break;
                case ArrayToken array:
                    foreach (var item in array.Data)
                    {
                        pending.Push(item);
                    }

                    break;
                case StreamToken stream:
                    pending.Push(stream.StreamDictionary);
                    break;
            }
        }

        return found;
    }

    /// <summary>
    /// ISO 32000-1: an action's type is its /S (12.6.4); /JS holds its script; the names tree's
    /// /JavaScript and /EmbeddedFiles (7.7.4); a file specification's /EF, an /EmbeddedFile stream
    /// and a /FileAttachment annotation carry files (7.11.4, 12.5.6.15).
    /// </summary>
    private static PdfActiveContent Entry(string key, IToken value) =>
        (key, (value as NameToken)?.Data) switch
        {
            ("JS" or "JavaScript", _) or ("S", "JavaScript") => PdfActiveContent.JavaScript,
            ("S", "Launch") => PdfActiveContent.LaunchAction,
            ("EmbeddedFiles" or "EF", _) or ("Type", "EmbeddedFile") or ("Subtype", "FileAttachment") => PdfActiveContent.EmbeddedFiles,
            _ => PdfActiveContent.None,
        };
}
