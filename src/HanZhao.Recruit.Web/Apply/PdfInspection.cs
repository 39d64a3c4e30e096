using HanZhao.Recruit.Data.Applications;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokens;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// Opens an uploaded file with a real PDF reader (PdfPig), as a reviewer's viewer would: a file
/// that only starts and ends like a PDF, has no pages, or needs a password to open is refused;
/// otherwise the page count is kept, and JavaScript, launch actions and attached files are found
/// (in every object, compressed or not, after the reader has decoded names like /Java#53cript)
/// so reviewers can be warned. Any upload that must be a PDF goes through <see cref="PdfUpload"/>,
/// which calls this after its byte checks.
/// </summary>
public static class PdfInspection
{
    public const string Unreadable = "The file could not be read as a PDF. It may be damaged: save it as PDF again and upload it.";

    public const string PasswordProtected = "The PDF is protected with a password, so reviewers could not open it. Save it without a password and upload it again.";

    /// <summary>What the reader found in a file it could open.</summary>
    public sealed record Facts(int PageCount, PdfActiveContent ActiveContent);

    private static readonly ParsingOptions Options = new() { UseLenientParsing = true, SkipMissingFonts = true };

    /// <summary>The facts of a file in memory (the demo's documents), or an English error key for the localizer.</summary>
    public static (Facts? Facts, string? Error) Inspect(byte[] bytes) => Inspect(() => PdfDocument.Open(bytes, Options));

    /// <summary>
    /// The facts of an upload read from a seekable stream (the form reader's temporary file): the
    /// reader seeks to the objects it needs instead of loading the file. Or an English error key.
    /// </summary>
    public static (Facts? Facts, string? Error) Inspect(Stream file) => Inspect(() => PdfDocument.Open(file, Options));

    private static (Facts? Facts, string? Error) Inspect(Func<PdfDocument> open)
    {
        try
        {
            // A password-protected file is tried with the empty password, which opens files that
            // only restrict printing or editing (often official transcripts): reviewers can read those.
            using var document = open();
            // Lenient parsing (most real files have small faults) stands in a blank page for a missing
            // page tree; a viewer would show nothing, so the tree must be there and hold pages.
            var hasPageTree = document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, document.Structure.TokenScanner, out DictionaryToken? _);
            var pages = document.NumberOfPages;
            return !hasPageTree || pages < 1 ? (null, Unreadable) : (new Facts(pages, FindActiveContent(document)), null);
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

    private static PdfActiveContent FindActiveContent(PdfDocument document)
    {
        var found = PdfActiveContent.None;
        foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            IToken? data;
            try
            {
                data = document.Structure.GetObject(reference)?.Data;
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
