using System.IO.Compression;
using System.Net;
using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Applicant;

namespace HanZhao.Recruit.Tests.Review.Documents;

/// <summary>
/// Whatever name an applicant gave a file, every file the app hands out (the applicant's and staff's
/// download, shown or saved, and each entry of the ZIP export) gets one safe name: it ends in .pdf, has
/// no folders, no control characters and no direction overrides that would show "exe.pdf" as "fdp.exe",
/// and stays readable in Chinese. Names are stored as older uploads may have left them.
/// </summary>
public class DocumentNameTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    /// <summary>The stored name and the name it leaves the app under.</summary>
    public static TheoryData<string, string> Names => new()
    {
        { "poly.html", "poly.pdf" },
        { "other-cv\u202efdp.exe", "other-cvfdp.pdf" },
        { "cv\u2066x\u2067y\u2068z\u2069.pdf", "cvxyz.pdf" },
        { "a\u200eb\u200fc\u202ad\u202be\u202cf\u202dg\u061ch.pdf", "abcdefgh.pdf" },
        { "zero\u200bwidth\ufeff.pdf", "zerowidth.pdf" },
        { "a\u0001b\u007fc\u0085d\u2028e.pdf", "abcde.pdf" },
        { "cv\r\nContent-Type: text/html", "html.pdf" },
        { "../../etc/passwd", "passwd.pdf" },
        { "..\\..\\windows\\cv.pdf", "cv.pdf" },
        { "C:\\Users\\li\\transcript.PDF", "transcript.pdf" },
        { "\"quoted\" <name>|*?.pdf", "quoted name.pdf" },
        { "", "document.pdf" },
        { "...", "document.pdf" },
        { "\u202e", "document.pdf" },
        { ".hidden", "hidden.pdf" },
        { "paper v1.2 final", "paper v1.2 final.pdf" },
        { "CON", "document-CON.pdf" },
        { new string('a', 300) + ".pdf", new string('a', 100) + ".pdf" },
        { new string('简', 300) + ".pdf", new string('简', 100) + ".pdf" },
        { "简历 2026.pdf", "简历 2026.pdf" },
        { "سيرة ذاتية.pdf", "سيرة ذاتية.pdf" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_download_is_offered_under_the_safe_name_to_the_applicant_and_to_staff(string stored, string expected)
    {
        var applicant = await app.CreateApplicantAsync();
        var application = await app.CreateApplicationAsync(applicant, ApplicationStatus.Submitted, documents: [(DocumentKind.Cv, stored, PortalTestAccounts.SmallPdf)]);
        var documentId = application.Documents.Single().Id;
        using var own = await app.SignedInClientAsync(applicant);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        foreach (var (client, path) in new[] { (own, $"/applicant/documents/{documentId}"), (professor, $"/review/documents/{documentId}") })
        {
            foreach (var download in new[] { true, false })
            {
                using var response = await client.GetAsync(path + (download ? "?download=1" : ""));

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
                var disposition = response.Content.Headers.ContentDisposition!;
                Assert.Equal(download ? "attachment" : "inline", disposition.DispositionType);
                Assert.Equal(expected, disposition.FileNameStar);
                AssertSafe(disposition.FileName!.Trim('"'));
            }
        }
    }

    [Fact]
    public async Task Every_entry_of_the_zip_export_has_the_safe_name()
    {
        // An application holds at most three other documents: the names are spread over several.
        var stored = Names.Select(row => (string)row[0]).ToList();
        var applications = new List<Application>();
        foreach (var chunk in stored.Chunk(ApplicationDocument.MaxOtherDocuments))
        {
            applications.Add(await app.CreateApplicationAsync(await app.CreateApplicantAsync(), ApplicationStatus.Submitted,
                documents: [.. chunk.Select(name => (DocumentKind.Other, name, PortalTestAccounts.SmallPdf))]));
        }

        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);

        using var response = await professor.GetAsync($"/review/documents.zip?ids={string.Join(',', applications.Select(a => a.Id))}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var references = applications.Select(a => a.ReferenceNumber!).ToHashSet();
        Assert.Equal(stored.Count, entries.Count);
        Assert.All(entries, entry =>
        {
            var parts = entry.Split('/');
            Assert.Equal(2, parts.Length);
            Assert.Contains(parts[0], references);
            Assert.StartsWith("other-", parts[1], StringComparison.Ordinal);
            AssertSafe(parts[1]);
        });
        var names = entries.Select(e => e.Split('/')[1]).ToList();
        Assert.Contains("other-poly.pdf", names);
        Assert.Contains("other-other-cvfdp.pdf", names);
        Assert.Contains("other-简历 2026.pdf", names);
        Assert.Contains("other-document (2).pdf", names);
    }

    /// <summary>Ends in .pdf, no folders, nothing invisible or reordering, nothing a file system refuses.</summary>
    private static void AssertSafe(string name)
    {
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
        Assert.DoesNotContain(name.EnumerateRunes(), rune => Rune.GetUnicodeCategory(rune) is
            System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator);
        Assert.DoesNotContain(name, c => c is '/' or '\\' or ':' or '"' or '<' or '>' or '|' or '*' or '?');
        Assert.False(name.StartsWith('.'), name);
    }
}
