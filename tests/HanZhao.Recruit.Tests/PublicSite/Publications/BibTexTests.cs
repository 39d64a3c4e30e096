using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.PublicSite.Publications;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.PublicSite.Publications;

/// <summary>What <see cref="BibTex"/> writes, read back by an independent parser.</summary>
public partial class BibTexTests
{
    private const string Specials = @"Cost & Speed: 100% of {GPU} _under_ C:\temp, $5 #1 ~50 x^2 \textbackslash{} 赵涵";

    private static Publication Paper(PublicationType type = PublicationType.Journal) => new()
    {
        Slug = "a-paper", Title = "A Paper", Year = 2025, Venue = "TACO", VenueLabel = "TACO2025", Type = type,
    };

    [Theory]
    [InlineData(PublicationType.Journal, "article", "journal")]
    [InlineData(PublicationType.Conference, "inproceedings", "booktitle")]
    [InlineData(PublicationType.Preprint, "misc", "howpublished")]
    public void Each_type_becomes_its_entry_type_with_the_venue_in_the_matching_field(PublicationType type, string entryType, string venueField)
    {
        var entry = BibTexParser.One(BibTex.Entry(Paper(type)));

        Assert.Equal(entryType, entry.Type);
        Assert.Equal("a-paper:2025", entry.Key);
        Assert.Equal("TACO", entry.Fields[venueField]);
        Assert.Equal("{A Paper}", entry.Fields["title"]);
        Assert.Equal("2025", entry.Fields["year"]);
    }

    [Fact]
    public void A_title_with_every_special_character_parses_with_balanced_braces_and_round_trips()
    {
        var paper = Paper();
        paper.Title = paper.Venue = paper.Authors = paper.Note.En = Specials;

        var text = BibTex.Entry(paper);
        var entry = BibTexParser.One(text);

        BibTexParser.AssertBalanced(text);
        var title = entry.Fields["title"];
        Assert.True(title.StartsWith('{') && title.EndsWith('}'), "the title keeps its capitals in an extra pair of braces");
        Assert.Equal(Specials, BibTexParser.Decode(title[1..^1]));
        Assert.Equal(Specials, BibTexParser.Decode(entry.Fields["journal"]));
        Assert.Equal(Specials, BibTexParser.Decode(entry.Fields["note"]));
        // The authors hold a comma, so they become two names joined by "and".
        Assert.Equal(Specials.Replace(", ", " and ", StringComparison.Ordinal), BibTexParser.Decode(entry.Fields["author"]));
        Assert.Contains("赵涵", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_author_doi_url_or_note_field_when_they_are_unknown()
    {
        var paper = Paper();
        paper.Authors = "  ";

        var entry = BibTexParser.One(BibTex.Entry(paper));

        Assert.Equal(["title", "journal", "year"], entry.Fields.Keys);
        Assert.DoesNotContain("author", BibTex.Entry(Paper()), StringComparison.Ordinal);
    }

    [Fact]
    public void Doi_pdf_and_english_note_are_written_when_known()
    {
        var paper = Paper();
        paper.Doi = "10.1145/3700000.1234";
        paper.PdfUrl = "https://example.org/papers/a_paper%201.pdf";
        paper.Note = new LocalizedText("Under review", "在审");

        var entry = BibTexParser.One(BibTex.Entry(paper));

        Assert.Equal("10.1145/3700000.1234", entry.Fields["doi"]);
        Assert.Equal("https://example.org/papers/a_paper%201.pdf", entry.Fields["url"]);
        Assert.Equal("Under review", entry.Fields["note"]);
    }

    [Fact]
    public void A_link_with_braces_or_spaces_stays_one_working_field()
    {
        var paper = Paper();
        paper.PdfUrl = @"https://example.org/a b{c}\d.pdf";

        var entry = BibTexParser.One(BibTex.Entry(paper));

        Assert.Equal("https://example.org/a%20b%7Bc%7D%5Cd.pdf", entry.Fields["url"]);
    }

    [Theory]
    [InlineData("Han Zhao, Quan Chen, Minyi Guo", "Han Zhao and Quan Chen and Minyi Guo")]
    [InlineData("Han Zhao, Quan Chen, and Minyi Guo", "Han Zhao and Quan Chen and Minyi Guo")]
    [InlineData("Zhao, Han and Chen, Quan", "Han Zhao and Quan Chen")]
    [InlineData("Han Zhao", "Han Zhao")]
    [InlineData("赵涵、陈全", "赵涵 and 陈全")]
    public void Comma_separated_authors_are_joined_with_and(string authors, string expected)
    {
        var paper = Paper();
        paper.Authors = authors;

        Assert.Equal(expected, BibTexParser.One(BibTex.Entry(paper)).Fields["author"]);
    }

    [Fact]
    public void Keys_are_deterministic_and_use_only_safe_characters()
    {
        var odd = Paper();
        odd.Slug = "Odd Slug/{x}, 1";

        Assert.Equal(BibTex.Key(Paper()), BibTex.Key(Paper()));
        Assert.Matches(SafeKey(), BibTex.Key(odd));
        Assert.Equal(BibTex.Key(odd), BibTexParser.One(BibTex.Entry(odd)).Key);
    }

    [Fact]
    public void Entries_are_separated_by_a_blank_line()
    {
        var second = Paper(PublicationType.Preprint);
        second.Slug = "b-paper";

        var text = BibTex.Entries([Paper(), second]);

        Assert.Contains("}\n\n@misc{b-paper:2025,", text, StringComparison.Ordinal);
        Assert.Equal(["a-paper:2025", "b-paper:2025"], BibTexParser.Parse(text).Select(e => e.Key));
    }

    [Theory]
    [InlineData("@article{k, title = {x}")]
    [InlineData("@article{k, title = {x}}}")]
    [InlineData("@article{k title = {x}}")]
    [InlineData("@article{, title = {x}}")]
    [InlineData("@article{k, title = \"x}\"}")]
    [InlineData("@article{k, title = {x} year = 2025}")]
    [InlineData("@article{k, title = {x}, title = {y}}")]
    [InlineData("stray @article{k, title = {x}}")]
    public void The_test_parser_rejects_broken_entries(string text) =>
        Assert.Throws<FormatException>(() => BibTexParser.Parse(text));

    [Fact]
    public void The_test_parser_reads_quotes_numbers_nesting_and_trailing_commas()
    {
        var entry = BibTexParser.One("@Misc{k:1,\n title = {{A {B}}},\n note = \"say {\"}hi\",\n year = 2025,\n}");

        Assert.Equal(("misc", "k:1"), (entry.Type, entry.Key));
        Assert.Equal("{A {B}}", entry.Fields["title"]);
        Assert.Equal("say {\"}hi", entry.Fields["note"]);
        Assert.Equal("2025", entry.Fields["year"]);
    }

    [GeneratedRegex("^[A-Za-z0-9:-]+$")]
    private static partial Regex SafeKey();
}

/// <summary>The downloads, through the real app on its seeded database.</summary>
public class BibTexDownloadTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private async Task<List<Publication>> SeededAsync()
    {
        // The first client starts the app, which migrates and seeds its database.
        using var client = app.CreateHttpsClient();
        await using var db = app.CreateDbContext();
        return await db.Publications.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenBy(p => p.SortOrder).ThenBy(p => p.Id)
            .ToListAsync();
    }

    private static async Task<string> DownloadAsync(HttpClient client, string path, string fileName)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Every_seeded_publication_parses_with_its_type_and_exact_title()
    {
        var publications = await SeededAsync();

        Assert.Equal(18, publications.Count);
        Assert.All(publications, p =>
        {
            var entry = BibTexParser.One(BibTex.Entry(p));
            var expected = p.Type switch
            {
                PublicationType.Journal => ("article", "journal"),
                PublicationType.Conference => ("inproceedings", "booktitle"),
                _ => ("misc", "howpublished"),
            };
            Assert.Equal(expected.Item1, entry.Type);
            Assert.Equal(p.Venue, entry.Fields[expected.Item2]);
            Assert.Equal("{" + p.Title + "}", entry.Fields["title"]);
            Assert.Equal(p.Title, BibTexParser.Decode(entry.Fields["title"][1..^1]));
            Assert.Equal(p.Year.ToString(CultureInfo.InvariantCulture), entry.Fields["year"]);
            // The seed knows no authors, DOI or PDF: none may be made up.
            Assert.DoesNotContain("author", entry.Fields.Keys);
            Assert.DoesNotContain("doi", entry.Fields.Keys);
            Assert.DoesNotContain("url", entry.Fields.Keys);
        });
    }

    [Fact]
    public async Task The_whole_list_download_parses_into_all_eighteen_entries_newest_first_with_unique_keys()
    {
        var publications = await SeededAsync();
        using var client = app.CreateHttpsClient();

        var text = await DownloadAsync(client, "/publications.bib", "han-zhao-publications.bib");
        var entries = BibTexParser.Parse(text);

        BibTexParser.AssertBalanced(text);
        Assert.Equal(18, entries.Count);
        Assert.Equal(18, entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(publications.Select(BibTex.Key), entries.Select(e => e.Key));
        Assert.Equal(publications.Select(p => p.Year).OrderDescending(), publications.Select(p => p.Year));
        Assert.Contains("Under review", entries.Select(e => e.Fields.GetValueOrDefault("note")));
    }

    [Fact]
    public async Task A_single_entry_download_equals_its_entry_in_the_whole_list()
    {
        var publications = await SeededAsync();
        using var client = app.CreateHttpsClient();
        var all = BibTexParser.Parse(await DownloadAsync(client, "/publications.bib", "han-zhao-publications.bib"));

        foreach (var p in publications)
        {
            var text = await DownloadAsync(client, $"/publications/{p.Slug}.bib", $"{p.Slug}.bib");
            var entry = BibTexParser.One(text);

            Assert.Equal(BibTex.Key(p), entry.Key);
            Assert.Equal(all.Single(e => e.Key == entry.Key).Text, entry.Text);
        }
    }

    [Fact]
    public async Task The_bib_file_and_the_publication_page_share_an_address_without_clashing()
    {
        var slug = (await SeededAsync()).Single(p => p.Title.StartsWith("Taming", StringComparison.Ordinal)).Slug;
        using var client = app.CreateHttpsClient();

        using var page = await client.GetAsync($"/publications/{slug}");
        var bib = await DownloadAsync(client, $"/publications/{slug}.bib", $"{slug}.bib");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("@article{taming-", bib, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_slug_is_not_found()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/publications/no-such-paper.bib");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string> HostilePaths => new()
    {
        "/publications/../../etc/passwd.bib",
        "/publications/..%2F..%2Fetc%2Fpasswd.bib",
        "/publications/%2e%2e/%2e%2e/etc/passwd.bib",
        "/publications/" + new string('a', 5000) + ".bib",
        "/publications/.bib",
        "/publications/%27%20OR%201=1--.bib",
        "/publications/%F0%9F%98%80.bib",
    };

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public async Task Hostile_slugs_are_refused_without_a_server_error(string path)
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync(path);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
    }
}

public sealed record BibEntry(string Type, string Key, IReadOnlyDictionary<string, string> Fields, string Text);

/// <summary>
/// A strict reader for the BibTeX the site writes, independent of the writer:
/// <c>@type{key, name = {value} | "value" | number, ...}</c> with nested braces and '#'
/// concatenation. Anything else (stray text, unbalanced braces, missing commas, duplicate
/// fields) is a <see cref="FormatException"/> saying where.
/// </summary>
public sealed partial class BibTexParser(string text)
{
    private int _at;

    private char Next => _at < text.Length ? text[_at] : '\0';

    public static List<BibEntry> Parse(string text) => new BibTexParser(text).Entries();

    public static BibEntry One(string text) =>
        Parse(text) is [var entry] ? entry : throw new FormatException("Expected exactly one entry.");

    /// <summary>Every prefix opens at least as many braces as it closes, and the whole closes them all.</summary>
    public static void AssertBalanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0, "a '}' closes nothing");
        }

        Assert.Equal(0, depth);
    }

    /// <summary>The plain text a LaTeX value stands for, decoding the escapes in one pass.</summary>
    public static string Decode(string latex) => Escape().Replace(latex, m => m.Value switch
    {
        @"\textbackslash{}" => @"\",
        @"\textbraceleft{}" => "{",
        @"\textbraceright{}" => "}",
        @"\textasciitilde{}" => "~",
        @"\textasciicircum{}" => "^",
        _ => m.Value[1..],
    });

    [GeneratedRegex(@"\\text(backslash|braceleft|braceright|asciitilde|asciicircum)\{\}|\\[&%$#_]")]
    private static partial Regex Escape();

    private List<BibEntry> Entries()
    {
        var entries = new List<BibEntry>();
        for (SkipSpace(); _at < text.Length; SkipSpace())
        {
            entries.Add(Entry());
        }

        return entries;
    }

    private BibEntry Entry()
    {
        var start = _at;
        Expect('@');
        var type = Word(char.IsAsciiLetter, "an entry type").ToLowerInvariant();
        SkipSpace();
        Expect('{');
        SkipSpace();
        var key = Word(c => !char.IsWhiteSpace(c) && c is not (',' or '{' or '}' or '"' or '#' or '%' or '=' or '\0'), "a key");
        SkipSpace();
        Expect(',');
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (SkipSpace(); Next != '}'; SkipSpace())
        {
            var name = Word(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-', "a field name").ToLowerInvariant();
            SkipSpace();
            Expect('=');
            SkipSpace();
            if (!fields.TryAdd(name, Value()))
            {
                throw Error($"field '{name}' appears twice");
            }

            SkipSpace();
            if (Next == ',')
            {
                _at++;
            }
            else if (Next != '}')
            {
                throw Error("expected ',' or '}' after a field");
            }
        }

        Expect('}');
        return new BibEntry(type, key, fields, text[start.._at]);
    }

    private string Value()
    {
        var value = new StringBuilder();
        while (true)
        {
            value.Append(Next switch
            {
                '{' => Delimited('{', '}'),
                '"' => Delimited('"', '"'),
                _ => Word(char.IsAsciiDigit, "a value"),
            });
            SkipSpace();
            if (Next != '#')
            {
                return value.ToString();
            }

            _at++;
            SkipSpace();
        }
    }

    /// <summary>The text between <paramref name="open"/> and <paramref name="close"/> at brace depth zero.</summary>
    private string Delimited(char open, char close)
    {
        var start = _at;
        Expect(open);
        var depth = 0;
        for (; _at < text.Length; _at++)
        {
            var c = text[_at];
            if (depth == 0 && c == close)
            {
                _at++;
                return text[(start + 1)..(_at - 1)];
            }

            depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth < 0)
            {
                throw Error("a '}' closes nothing");
            }
        }

        _at = start;
        throw Error($"'{open}' is never closed");
    }

    private string Word(Func<char, bool> allowed, string what)
    {
        var start = _at;
        while (_at < text.Length && allowed(text[_at]))
        {
            _at++;
        }

        return _at > start ? text[start.._at] : throw Error($"expected {what}");
    }

    private void Expect(char c)
    {
        if (Next != c)
        {
            throw Error($"expected '{c}'");
        }

        _at++;
    }

    private void SkipSpace()
    {
        while (_at < text.Length && char.IsWhiteSpace(text[_at]))
        {
            _at++;
        }
    }

    private FormatException Error(string message)
    {
        var line = text.AsSpan(0, _at).Count('\n') + 1;
        var column = _at - text.LastIndexOf('\n', Math.Max(0, _at - 1));
        return new FormatException($"BibTeX {line}:{column}: {message}, found '{Next}'.");
    }
}
