using HanZhao.Recruit.Web.Settings.Content.Publications;

namespace HanZhao.Recruit.Tests.Settings.Content.Publications;

/// <summary>The parser and the LaTeX decoder on their own: no app, no database.</summary>
public class BibTexParserTests
{
    private static IReadOnlyList<BibTexEntry> Entries(string text)
    {
        var result = BibTexParser.Parse(text);
        Assert.Null(result.Error);
        return result.Entries;
    }

    private static BibTexError Error(string text)
    {
        var result = BibTexParser.Parse(text);
        Assert.Empty(result.Entries);
        return Assert.IsType<BibTexError>(result.Error);
    }

    [Fact]
    public void Entries_of_each_type_are_read_with_their_lines_keys_and_fields()
    {
        var entries = Entries("""
            Free text before entries is a comment.
            @article{zhao2025taming,
              title = {Taming Flexible Job Packing},
              author = "Han Zhao and Quan Chen",
              year = 2025,
              journal = {TACO}
            }

            @InProceedings(chen2024, title = {X}, year = {2024}, booktitle = {EuroSys})
            @misc{arxiv1, title={Y}, year=2023, howpublished={arXiv},}
            """);

        Assert.Equal(["article", "inproceedings", "misc"], entries.Select(e => e.Type));
        Assert.Equal(["zhao2025taming", "chen2024", "arxiv1"], entries.Select(e => e.Key));
        Assert.Equal([2, 9, 10], entries.Select(e => e.Line));
        Assert.Equal("Han Zhao and Quan Chen", entries[0].Fields["author"]);
        Assert.Equal("2025", entries[0].Fields["year"]);
        Assert.Equal("EuroSys", entries[1].Fields["booktitle"]);
    }

    [Fact]
    public void Nested_braces_quotes_with_braces_strings_and_concatenation_are_kept()
    {
        var entries = Entries("""
            @string{ conf = "Proceedings of " }
            @comment{ anything {nested} here, even @article{ignored, title={no}} }
            @preamble{ "\newcommand{\noop}[1]{}" }
            @inproceedings{k,
              title = {{GPU} Sharing for {Deep {Learning}}},
              booktitle = conf # {EuroSys} # " 2024",
              note = "A {"}quoted{"} word",
              month = jan,
            }
            """);

        var entry = Assert.Single(entries);
        Assert.Equal("{GPU} Sharing for {Deep {Learning}}", entry.Fields["title"]);
        Assert.Equal("Proceedings of EuroSys 2024", entry.Fields["booktitle"]);
        Assert.Equal("A {\"}quoted{\"} word", entry.Fields["note"]);
        Assert.Equal("January", entry.Fields["month"]);
    }

    [Fact]
    public void An_entry_without_its_closing_brace_is_reported_at_its_own_line()
    {
        var error = Error("""
            @article{good1, title = {A}, year = 2024}

            @article{zhao2024,
              title = {B},
              year = 2024,

            @article{good2, title = {C}, year = 2024}
            """);

        Assert.Equal(BibTexErrorKind.NoClosingBrace, error.Kind);
        Assert.Equal(3, error.Line);
        Assert.Equal("zhao2024", error.Key);
    }

    [Fact]
    public void An_entry_cut_off_at_the_end_of_the_text_has_no_closing_brace()
    {
        var error = Error("@article{a, title = {A}, year = 2024}\n@article{cut, title = {B}");
        Assert.Equal((BibTexErrorKind.NoClosingBrace, 2, "cut"), (error.Kind, error.Line, error.Key));
    }

    [Fact]
    public void A_value_whose_brace_never_closes_is_reported_at_the_value_not_swallowing_the_next_entry()
    {
        var error = Error("""
            @article{a,
              title = {Runaway title,
              year = 2024,
            @article{b, title = {B}, year = 2024}
            """);

        Assert.Equal((BibTexErrorKind.ValueNotClosed, 2, "a", "title"), (error.Kind, error.Line, error.Key, error.Detail));
    }

    [Theory]
    [InlineData("@article{k title = {A}}", BibTexErrorKind.ExpectedSeparator, 1)]
    [InlineData("@article{k,\n title {A}}", BibTexErrorKind.ExpectedEquals, 2)]
    [InlineData("@article{k,\n title = }", BibTexErrorKind.MissingValue, 2)]
    [InlineData("@article{k,\n\n journal = undefinedmacro}", BibTexErrorKind.UnknownString, 3)]
    [InlineData("@article{, title = {A}}", BibTexErrorKind.MissingKey, 1)]
    [InlineData("@article k, title = {A}", BibTexErrorKind.ExpectedOpeningBrace, 1)]
    [InlineData("@article{k, title = {A}, title = {B}}", BibTexErrorKind.DuplicateField, 1)]
    [InlineData("@article{k, title = {A} year = 2024}", BibTexErrorKind.ExpectedSeparator, 1)]
    [InlineData("@article{k, title = {A}}\n@misc{k, title = {B}}", BibTexErrorKind.DuplicateKey, 2)]
    [InlineData("@article{k, = {A}}", BibTexErrorKind.ExpectedField, 1)]
    public void Malformed_entries_name_the_problem_and_its_line(string text, BibTexErrorKind kind, int line)
    {
        var error = Error(text);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(line, error.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ")]
    [InlineData("This is a letter, not a bibliography. Write to han@sjtu.edu.cn.")]
    [InlineData("<html><body>@</body></html>")]
    [InlineData("@comment{only a comment}")]
    [InlineData("@string{x = {y}}")]
    public void Text_without_entries_is_not_bibtex(string text) =>
        Assert.Equal(BibTexErrorKind.NoEntries, Error(text).Kind);

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var text = string.Concat(Enumerable.Range(0, BibTexParser.MaxEntries + 1).Select(i => $"@misc{{k{i}, title = {{T}}}}\n"));
        Assert.Equal(BibTexErrorKind.TooManyEntries, Error(text).Kind);
    }

    [Theory]
    [InlineData(@"M{\""u}ller", "Müller")]
    [InlineData(@"M\""{u}ller", "Müller")]
    [InlineData(@"M\""uller", "Müller")]
    [InlineData(@"Caf\'{e} and na\""{\i}ve", "Café and naïve")]
    [InlineData(@"{\v{S}}koda and {\c{c}}a", "Škoda and ça")]
    [InlineData(@"Stra\ss e {\o}l {\aa}r", "Straße øl år")]
    [InlineData(@"pages 10--20, and---so on", "pages 10–20, and—so on")]
    [InlineData(@"``Quoted'' text", "“Quoted” text")]
    [InlineData(@"{GPU} \& {CPU} at 50\% \emph{faster}", "GPU & CPU at 50% faster")]
    [InlineData("A\n   title   on\tlines", "A title on lines")]
    [InlineData(@"$\alpha$-Net", "α-Net")]
    [InlineData(@"Ni\~{n}o \'{S}ledzi\'{n}ski", "Niño Śledziński")]
    [InlineData(@"\textbackslash", "\\")]
    public void Latex_becomes_plain_unicode(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToUnicode(latex));

    [Fact]
    public void Links_keep_their_characters_apart_from_braces_and_escapes() =>
        Assert.Equal("https://example.org/a_b%20c--d", LatexText.Verbatim(@"{https://example.org/a\_b\%20c--d}"));

    [Theory]
    [InlineData("Zhao, Han and Chen, Quan", "Han Zhao, Quan Chen")]
    [InlineData("Han Zhao and Quan Chen and others", "Han Zhao, Quan Chen, et al.")]
    [InlineData(@"M{\""u}ller, J{\""o}rg and {Barnes and Noble}", "Jörg Müller, Barnes and Noble")]
    [InlineData("Doe, Jr, John", "John Doe Jr")]
    public void Author_lists_read_as_the_site_writes_them(string raw, string expected) =>
        Assert.Equal(expected, BibTexImporter.Authors(raw));
}
