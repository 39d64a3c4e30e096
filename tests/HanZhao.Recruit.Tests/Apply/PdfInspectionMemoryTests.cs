using System.Globalization;
using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Web.Apply;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>
/// The PDF check reads what it needs (the objects' dictionaries), never a stream's bytes: a page's
/// content or an attached file can be most of a 10 MB upload, and 50 uploads at once each holding a
/// copy until the large object heap was next collected put the app over its memory goal (issue 17).
/// Measured as the bytes this thread allocates while the check runs: the check is synchronous, so
/// nothing else is counted. What it still finds and refuses is <see cref="PdfCheckTests"/>.
/// </summary>
public sealed class PdfInspectionMemoryTests : IDisposable
{
    /// <summary>The objects' dictionaries, the cross-reference and the reader's own tables: small whatever the file's size.</summary>
    private const long Budget = 512 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("pdf-inspection-").FullName;

    public PdfInspectionMemoryTests()
    {
        // The reader's first use builds static tables (the 14 standard fonts' metrics): not per file.
        PdfInspection.Inspect(TestPdf.Plain());
    }

    [Fact]
    public void A_9_MB_page_is_checked_without_copying_its_content_stream()
    {
        var pdf = new TestPdf { Pages = 2 }.ToBytes(9 * 1024 * 1024);

        var (facts, error, allocated) = InspectFromFile(pdf);

        Assert.Null(error);
        Assert.Equal(new PdfInspection.Facts(2, PdfActiveContent.None), facts);
        Assert.True(allocated < Budget, $"The check allocated {allocated:N0} bytes for a {pdf.Length:N0}-byte file.");
    }

    [Fact]
    public void An_attached_file_of_8_MB_is_found_from_its_dictionary_and_its_bytes_are_not_read()
    {
        var attachment = new string('A', 8 * 1024 * 1024);
        var pdf = new TestPdf
        {
            CatalogEntries = "/Names << /EmbeddedFiles << /Names [(setup.exe) 5 0 R] >> >>",
            ExtraObjects = [$"<< /Type /EmbeddedFile /Length {attachment.Length} >>\nstream\n{attachment}\nendstream"],
        }.ToBytes();

        var (facts, error, allocated) = InspectFromFile(pdf);

        Assert.Null(error);
        Assert.Equal(PdfActiveContent.EmbeddedFiles, facts!.ActiveContent);
        Assert.True(allocated < Budget, $"The check allocated {allocated:N0} bytes for a {pdf.Length:N0}-byte file.");
    }

    [Fact]
    public void A_script_whose_object_is_not_where_the_cross_reference_says_is_still_found()
    {
        // The JavaScript action (object 5) is listed at the catalog's offset: a viewer repairs the
        // table by searching the file, so the check must find the action where it really is.
        var pdf = new TestPdf { ExtraObjects = ["<< /S /JavaScript /JS (app.alert\\(1\\)) >>"] }.ToBytes();
        var text = Encoding.Latin1.GetString(pdf);
        var table = text.LastIndexOf("\nxref\n", StringComparison.Ordinal) + 1;
        var rows = text.IndexOf('\n', text.IndexOf('\n', table) + 1) + 1;
        const int rowLength = 20;
        var catalogRow = text.Substring(rows + rowLength, rowLength);
        Assert.EndsWith(" 00000 n \n", catalogRow, StringComparison.Ordinal);
        var actionRow = rows + (5 * rowLength);
        Assert.Equal(text.IndexOf("5 0 obj", StringComparison.Ordinal), long.Parse(text.AsSpan(actionRow, 10), CultureInfo.InvariantCulture));
        Encoding.Latin1.GetBytes(catalogRow).CopyTo(pdf, actionRow);

        var (facts, error, _) = InspectFromFile(pdf);

        Assert.Null(error);
        Assert.Equal(PdfActiveContent.JavaScript, facts!.ActiveContent);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>As an upload is checked: from a file on disk (the form reader's temporary file), through a seekable stream.</summary>
    private (PdfInspection.Facts? Facts, string? Error, long Allocated) InspectFromFile(byte[] pdf)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        using var file = File.OpenRead(path);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (facts, error) = PdfInspection.Inspect(file);
        return (facts, error, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
