using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>
/// Uploads are opened with a PDF reader, not only checked for their first and last bytes: what a
/// reviewer could not open is refused, the page count is kept, and scripts, launch actions and
/// attached files are pointed out to reviewers.
/// </summary>
public partial class PdfCheckTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    public static TheoryData<string, byte[]> LookAlikes() => new()
    {
        { "text between a PDF header and end", Encoding.ASCII.GetBytes("%PDF-1.7\nThis is not a PDF, only its first and last bytes.\n%%EOF\n") },
        { "objects but no catalog or pages", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\n" + new string(' ', 2000) + "\ntrailer <<>>\n%%EOF\n") },
        { "random bytes between a header and an end", [.. "%PDF-1.5\n"u8, .. RandomBytes(4000), .. "\n%%EOF\n"u8] },
        { "a catalog pointing at a page tree that is not there", Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 7 0 R >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n58\n%%EOF\n") },
        { "a page tree with no pages", Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n") },
    };

    /// <summary>PDFs that carry something a reader may run or open, by what they carry.</summary>
    private static readonly Dictionary<string, Func<byte[]>> Active = new()
    {
        ["JavaScript run on opening"] = () => new TestPdf { CatalogEntries = "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>" }.ToBytes(),
        ["JavaScript in the names tree"] = () => new TestPdf { CatalogEntries = "/Names << /JavaScript << /Names [(init) << /S /JavaScript /JS (this.print\\(\\)) >>] >> >>" }.ToBytes(),
        ["JavaScript behind an escaped name"] = () => new TestPdf { CatalogEntries = "/OpenAction << /S /Java#53cript /JS (app.alert\\(1\\)) >>" }.ToBytes(),
        ["JavaScript in a compressed object stream"] = CompressedJavaScript,
        ["a link that launches a program"] = () => new TestPdf { PageEntries = "/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /A << /S /Launch /F (cmd.exe) >> >>]" }.ToBytes(),
        ["an embedded file"] = () => new TestPdf
        {
            CatalogEntries = "/Names << /EmbeddedFiles << /Names [(setup.exe) << /Type /Filespec /F (setup.exe) /EF << /F 5 0 R >> >>] >> >>",
            ExtraObjects = ["<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream"],
        }.ToBytes(),
    };

    public static TheoryData<string> ActiveContent() => [.. Active.Keys];

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task A_file_that_starts_like_a_pdf_but_is_not_one_is_refused_and_nothing_is_stored(string what, byte[] bytes)
    {
        var (client, id) = await DraftAsync();
        using var _ = client;

        using var response = await client.UploadAsync(id, "Cv", bytes, "cv.pdf");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        Assert.Contains("could not be read as a PDF", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await DocumentsAsync(id));
    }

    [Fact]
    public async Task A_password_protected_pdf_is_refused_with_a_message_that_says_so()
    {
        var bytes = new TestPdf { Pages = 2, UserPassword = "secret" }.ToBytes();
        // The file is a real encrypted PDF: with its password a reader opens it.
        using (var withPassword = PdfDocument.Open(bytes, new ParsingOptions { Password = "secret" }))
        {
            Assert.Equal(2, withPassword.NumberOfPages);
        }

        var (client, id) = await DraftAsync();
        using var _ = client;

        using var response = await client.UploadAsync(id, "Transcript", bytes, "transcript.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("protected with a password", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await DocumentsAsync(id));
    }

    [Fact]
    public async Task A_pdf_that_opens_without_a_password_but_restricts_editing_is_accepted()
    {
        // University e-transcripts are often like this: anyone can read them, nobody can change them.
        var (client, id) = await DraftAsync();
        using var _ = client;

        using var response = await client.UploadAsync(id, "Transcript", new TestPdf { Pages = 2, UserPassword = "" }.ToBytes(), "transcript.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, Assert.Single(await DocumentsAsync(id)).PageCount);
    }

    [Fact]
    public async Task The_page_count_is_stored_and_shown_to_reviewers_in_both_languages_and_to_the_applicant()
    {
        var (client, id) = await CompleteAsync();
        using var _ = client;
        using (var upload = await client.UploadAsync(id, "Cv", new TestPdf { Pages = 3 }.ToBytes(6000), "cv.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        await SubmitAsync(client, id);

        var documents = await DocumentsAsync(id);
        var cv = Assert.Single(documents, d => d.Kind == DocumentKind.Cv);
        var transcript = Assert.Single(documents, d => d.Kind == DocumentKind.Transcript);
        Assert.Equal(3, cv.PageCount);
        Assert.Equal(1, transcript.PageCount);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var english = await professor.GetStringAsync($"/review/applications/{id}");
        var chinese = await professor.GetStringAsync($"/review/applications/{id}?culture=zh-CN");
        var applicantPage = await client.GetStringAsync("/applicant");

        Assert.Contains("3 pages", DocumentItem(english, cv.Id), StringComparison.Ordinal);
        Assert.Contains("1 page", DocumentItem(english, transcript.Id), StringComparison.Ordinal);
        Assert.Contains("3 页", DocumentItem(chinese, cv.Id), StringComparison.Ordinal);
        Assert.Contains("3 pages", DocumentItem(applicantPage, cv.Id), StringComparison.Ordinal);
        Assert.DoesNotContain("active content", english, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ActiveContent))]
    public async Task A_pdf_with_active_content_is_accepted_and_flagged_to_reviewers(string what)
    {
        var pdf = Active[what]();
        var (client, id) = await CompleteAsync();
        using var _ = client;
        using (var upload = await client.UploadAsync(id, "Other", pdf, "certificate.pdf"))
        {
            Assert.True(upload.StatusCode == HttpStatusCode.Redirect, $"{what}: {(int)upload.StatusCode}");
        }

        await SubmitAsync(client, id);

        var documents = await DocumentsAsync(id);
        var flagged = Assert.Single(documents, d => d.Kind == DocumentKind.Other);
        Assert.True(flagged.ActiveContent != PdfActiveContent.None, what);
        Assert.All(documents.Where(d => d.Kind != DocumentKind.Other), d => Assert.Equal(PdfActiveContent.None, d.ActiveContent));
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var english = await professor.GetStringAsync($"/review/applications/{id}");
        var chinese = await professor.GetStringAsync($"/review/applications/{id}?culture=zh-CN");
        Assert.Contains("Contains active content", DocumentItem(english, flagged.Id), StringComparison.Ordinal);
        Assert.Contains("含有活动内容", DocumentItem(chinese, flagged.Id), StringComparison.Ordinal);
        Assert.Single(ActiveContentFlag().Matches(english));
    }

    /// <summary>
    /// A PDF 1.5 file whose catalog and JavaScript action sit inside a Flate-compressed object
    /// stream, listed by a cross-reference stream: nothing of "/JavaScript" is in the file's bytes.
    /// </summary>
    private static byte[] CompressedJavaScript()
    {
        const string catalog = "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>\n";
        const string action = "<< /S /JavaScript /JS (app.alert\\(1\\)) >>\n";
        var header = $"1 0 5 {catalog.Length} ";
        var packed = Deflate(Encoding.ASCII.GetBytes(header + catalog + action));
        using var file = new MemoryStream();
        var offsets = new Dictionary<int, long>();
        void Write(string text) => file.Write(Encoding.ASCII.GetBytes(text));
        Write("%PDF-1.5\n");
        offsets[2] = file.Position;
        Write("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets[3] = file.Position;
        Write("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
        offsets[4] = file.Position;
        Write($"4 0 obj\n<< /Type /ObjStm /N 2 /First {header.Length} /Filter /FlateDecode /Length {packed.Length} >>\nstream\n");
        file.Write(packed);
        Write("\nendstream\nendobj\n");
        offsets[6] = file.Position;
        // Rows of (type, field 2, field 3) in 1, 4 and 2 bytes: free, in object stream 4, or at an offset.
        (byte Type, long Field2, int Field3)[] rows =
            [(0, 0, 0xFFFF), (2, 4, 0), (1, offsets[2], 0), (1, offsets[3], 0), (1, offsets[4], 0), (2, 4, 1), (1, offsets[6], 0)];
        var table = rows.SelectMany(r => new[] { r.Type, (byte)(r.Field2 >> 24), (byte)(r.Field2 >> 16), (byte)(r.Field2 >> 8), (byte)r.Field2, (byte)(r.Field3 >> 8), (byte)r.Field3 }).ToArray();
        Write($"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length {table.Length} >>\nstream\n");
        file.Write(table);
        Write($"\nendstream\nendobj\nstartxref\n{offsets[6]}\n%%EOF\n");
        var bytes = file.ToArray();
        Assert.Equal(-1, Encoding.ASCII.GetString(bytes).IndexOf("JavaScript", StringComparison.Ordinal));
        return bytes;
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(20260901).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The list item of one document on a page (both pages mark them with data-document).</summary>
    private static string DocumentItem(string html, int documentId)
    {
        var match = Regex.Match(html, $"<li data-document=\"{documentId}\">(?<item>.*?)</li>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No document {documentId} on the page.");
        return PageText.Of(match.Groups["item"].Value);
    }

    private async Task<(HttpClient Client, int Id)> DraftAsync()
    {
        var client = await app.SignedInApplicantAsync($"student-{Guid.NewGuid():N}@example.edu");
        return (client, await client.StartAsync());
    }

    private async Task<(HttpClient Client, int Id)> CompleteAsync()
    {
        var client = await app.SignedInApplicantAsync($"student-{Guid.NewGuid():N}@example.edu");
        return (client, await client.FillCompleteApplicationAsync(app));
    }

    private static async Task SubmitAsync(HttpClient client, int id)
    {
        using var submitted = await client.SubmitAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
    }

    private async Task<List<ApplicationDocument>> DocumentsAsync(int id)
    {
        await using var db = app.CreateDbContext();
        return await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == id).ToListAsync();
    }

    [GeneratedRegex("data-active-content")]
    private static partial Regex ActiveContentFlag();
}
