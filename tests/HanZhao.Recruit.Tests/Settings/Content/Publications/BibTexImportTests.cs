using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Tests.Review.Dashboard;
using HanZhao.Recruit.Web.Settings.Content;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Settings.Content.Publications;

/// <summary>BibTeX import through the pages: preview, then all or nothing.</summary>
public class BibTexImportTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private const string Import = "/review/settings/content/publications/import";

    private const string ThreeEntries = """
        % Exported from Zotero
        @article{mueller2024,
          title = {Fast {GPU} Kernels for M{\"u}ller's Method},
          author = {M{\"u}ller, J{\"o}rg and Zhao, Han},
          journal = {ACM Transactions on Architecture and Code Optimization},
          year = {2024},
          doi = {https://doi.org/10.1145/3649999},
          url = {https://example.org/mueller.pdf},
        }

        @inproceedings{chen2023,
          title = "Serving {LLMs} -- Cheaply and Quickly",
          author = "Quan Chen and Han Zhao and others",
          booktitle = {Proceedings of the Nineteenth European Conference on Computer Systems (EuroSys '23)},
          year = 2023
        }

        @misc{zhao2025arxiv,
          title = {Straggler Hunting at Scale},
          author = {Han Zhao},
          year = {2025},
          eprint = {2501.01234},
          archivePrefix = {arXiv}
        }
        """;

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string action, string? text, byte[]? file = null, IEnumerable<int>? replace = null)
    {
        var token = await client.GetAntiforgeryTokenAsync(Import);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), HtmlForms.AntiforgeryField },
        };
        if (text is not null)
        {
            form.Add(new StringContent(text, Encoding.UTF8), "text");
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/x-bibtex");
            form.Add(part, "file", "publications.bib");
        }

        foreach (var index in replace ?? [])
        {
            form.Add(new StringContent(index.ToString(System.Globalization.CultureInfo.InvariantCulture)), "replace");
        }

        return await client.PostAsync(action, form);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Publications.CountAsync();
    }

    private async Task<Publication?> FindAsync(string title)
    {
        await using var db = app.CreateDbContext();
        return await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Title == title);
    }

    [Fact]
    public async Task Three_valid_entries_are_previewed_then_added_and_the_public_pages_show_them()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        await visitor.GetStringAsync("/publications");
        var before = await CountAsync();

        using var preview = await PostMultipartAsync(client, Import, ThreeEntries);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Entries read: 3. New: 3. Updated: 0. Unchanged: 0.", PageText.Of(previewHtml), StringComparison.Ordinal);
        Assert.Contains("Fast GPU Kernels for Müller&#x27;s Method", previewHtml, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync()); // the preview saves nothing

        using var confirm = await PostMultipartAsync(client, Import + "/confirm", ThreeEntries);

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(before + 3, await CountAsync());
        var journal = (await FindAsync("Fast GPU Kernels for Müller's Method"))!;
        Assert.Equal((PublicationType.Journal, 2024, "10.1145/3649999", "https://example.org/mueller.pdf"), (journal.Type, journal.Year, journal.Doi, journal.PdfUrl));
        Assert.Equal("Jörg Müller, Han Zhao", journal.Authors);
        var conference = (await FindAsync("Serving LLMs – Cheaply and Quickly"))!;
        Assert.Equal((PublicationType.Conference, "EuroSys", "EuroSys2023", "Quan Chen, Han Zhao, et al."), (conference.Type, conference.Venue, conference.VenueLabel, conference.Authors));
        var preprint = (await FindAsync("Straggler Hunting at Scale"))!;
        Assert.Equal((PublicationType.Preprint, "arXiv", "Arxiv"), (preprint.Type, preprint.Venue, preprint.VenueLabel));

        var list = await visitor.GetTextAsync("/publications");
        Assert.Contains("Fast GPU Kernels for Müller's Method", list, StringComparison.Ordinal);
        Assert.Contains("Serving LLMs – Cheaply and Quickly", list, StringComparison.Ordinal);
        Assert.Contains("Straggler Hunting at Scale", list, StringComparison.Ordinal);
        Assert.Contains("doi = {10.1145/3649999}", await visitor.GetStringAsync("/publications.bib"), StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync(e => e.Action == ContentEditor.AuditAction);
        Assert.Equal("Imported 3 from BibTeX: mueller2024, chen2023, zhao2025arxiv", audit.Details);
    }

    [Fact]
    public async Task Two_valid_entries_and_a_malformed_one_import_nothing_and_name_the_line()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        const string text = """
            @article{valid2024a,
              title = {A Valid Paper One},
              journal = {TACO},
              year = 2024
            }

            @inproceedings{valid2024b,
              title = {A Valid Paper Two},
              booktitle = {SoCC},
              year = 2024
            }

            @article{zhao2024,
              title = {The Broken Entry},
              journal = {TPDS},
              year = 2024,

            """;
        var before = await CountAsync();

        using var preview = await PostMultipartAsync(client, Import, text);
        using var confirm = await PostMultipartAsync(client, Import + "/confirm", text);

        foreach (var response in new[] { preview, confirm })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Nothing was imported. Line 13: entry 'zhao2024' has no closing brace.", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync());
        Assert.Null(await FindAsync("A Valid Paper One"));
    }

    [Fact]
    public async Task A_bib_file_upload_is_read_like_pasted_text()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var file = Encoding.UTF8.GetBytes("@article{file1, title = {Uploaded From a File}, journal = {TOCS}, year = 2022}");

        using var preview = await PostMultipartAsync(client, Import, text: "", file: file);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Uploaded From a File", html, StringComparison.Ordinal);
        // The confirm form carries the file's text.
        Assert.Contains("value=\"@article{file1, title = {Uploaded From a File}, journal = {TOCS}, year = 2022}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_two_megabyte_upload_is_refused_with_413()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await CountAsync();
        var file = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("@misc{k, title = {T}, year = 2020}\n% padding padding padding padding\n", 2 * 1024 * 1024 / 70)));
        Assert.True(file.Length > 2_000_000);

        using var response = await PostMultipartAsync(client, Import, text: null, file: file);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_file_just_over_one_megabyte_is_refused_with_a_message()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var file = Encoding.UTF8.GetBytes(new string('%', (1024 * 1024) + 10));

        using var response = await PostMultipartAsync(client, Import, text: null, file: file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The file is larger than 1 MB. Import it in parts.", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Paste BibTeX entries or choose a .bib file.")]
    [InlineData("   \n  ", "Paste BibTeX entries or choose a .bib file.")]
    [InlineData("Dear professor, I would like to apply. My email is li@example.com.", "No BibTeX entries found.")]
    [InlineData("{\"title\": \"JSON is not BibTeX\"}", "No BibTeX entries found.")]
    [InlineData("@article{nt, journal = {TACO}, year = 2024}", "Line 1: entry 'nt' has no title.")]
    [InlineData("@article{ny,\n title = {No Year}, journal = {TACO}}", "Line 1: entry 'ny' has no year.")]
    [InlineData("@article{by, title = {Bad Year}, journal = {TACO}, year = 99999}", "Line 1: entry 'by': Year must be a year between 1950 and")]
    [InlineData("@article{js, title = {Evil}, journal = {TACO}, year = 2024, url = {javascript:alert(1)}}", "Line 1: entry 'js': PDF link must be a web address starting with https://.")]
    [InlineData("\n\n@article{bd, title = {Bad DOI}, journal = {TACO}, year = 2024, doi = {not-a-doi}}", "Line 3: entry 'bd': The DOI must look like 10.1145/3620666")]
    [InlineData("@article{nv, title = {No Venue}, year = 2024}", "Line 1: entry 'nv': Fill in Venue.")]
    [InlineData("@article{a, title = {A}, journal = {J}, year = 2024}\n@article{a, title = {B}, journal = {J}, year = 2024}", "Line 2: the key 'a' is already used by the entry on line 1.")]
    public async Task Input_that_cannot_be_imported_gets_a_clear_message_and_adds_nothing(string text, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await CountAsync();

        using var response = await PostMultipartAsync(client, Import + "/confirm", text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_overlong_title_is_refused_with_its_line()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var text = $"@article{{long, title = {{{new string('x', 501)}}}, journal = {{TACO}}, year = 2024}}";

        using var response = await PostMultipartAsync(client, Import, text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Line 1: entry 'long': Title can have at most 500 characters.", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listed_title_written_differently_updates_that_paper_instead_of_adding_a_copy()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        // A seeded title, written differently (case, punctuation, LaTeX braces, spaces), with fields the seed lacks.
        const string text = """
            @article{dup, title = {{TAMING} flexible   job packing in deep-learning training clusters}, journal = {TACO}, year = 2025,
              author = {Ada Fictional and Zhao, Han}, volume = {22}, number = {3}, pages = {1--24}, doi = {10.9999/fictional.0001}}
            @article{fresh, title = {A Genuinely New Paper}, journal = {TACO}, year = 2025}
            """;
        var before = await CountAsync();
        var slug = (await FindAsync("Taming Flexible Job Packing in Deep Learning Training Clusters"))!.Slug;

        using var preview = await PostMultipartAsync(client, Import, text);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Entries read: 2. New: 1. Updated: 1. Unchanged: 0.", PageText.Of(html), StringComparison.Ordinal);
        Assert.Contains("data-key=\"dup\" data-action=\"update\"", html, StringComparison.Ordinal);
        Assert.Contains("Updates: Taming Flexible Job Packing in Deep Learning Training Clusters", PageText.Of(html), StringComparison.Ordinal);
        Assert.Contains("Authors added: Ada Fictional, Han Zhao", PageText.Of(html), StringComparison.Ordinal);
        Assert.Contains("Pages added: 1-24", PageText.Of(html), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        using (var confirm = await PostMultipartAsync(client, Import + "/confirm", text))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
            Assert.EndsWith("done=imported&count=1&updated=1", confirm.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(before + 1, await CountAsync());
        var updated = (await FindAsync("Taming Flexible Job Packing in Deep Learning Training Clusters"))!;
        // Filled where empty; the professor's title (a different spelling) kept, as nothing was ticked.
        Assert.Equal(("Ada Fictional, Han Zhao", "22", "3", "1-24", "10.9999/fictional.0001"), (updated.Authors, updated.Volume, updated.Number, updated.Pages, updated.Doi));
        Assert.Equal(slug, updated.Slug);

        // The same text again: nothing new, nothing to change.
        using var again = await PostMultipartAsync(client, Import + "/confirm", text);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("every entry is already on the list with the same details", PageText.Of(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task Every_imported_field_comes_back_in_the_sites_own_bibtex()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        const string text = """
            @article{round2024,
              title = {Round Trips of {GPU} Records: 100\% Kept},
              author = {Fictional, Ada and Bo Imaginary and Zhao, Han},
              journal = {Journal of Fictional Systems},
              year = {2024},
              month = sep,
              volume = {7},
              number = {2},
              pages = {11--29},
              publisher = {Fictional Press},
              doi = {10.9999/round.2024.7},
              url = {https://example.org/round.pdf},
              eprint = {2409.00007},
              archiveprefix = {arXiv},
              abstract = {An abstract with 50\% of its words \& symbols.},
              note = {Best paper},
            }
            """;

        using (var confirm = await PostMultipartAsync(client, Import + "/confirm", text))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        }

        var stored = (await FindAsync("Round Trips of GPU Records: 100% Kept"))!;
        Assert.Equal((PublicationType.Journal, 9, "11-29", "https://arxiv.org/abs/2409.00007"), (stored.Type, stored.Month, stored.Pages, stored.ArxivUrl));
        var original = Web.Settings.Content.Publications.BibTexParser.Parse(text).Entries.Single();
        var exported = Web.Settings.Content.Publications.BibTexParser.Parse(await visitor.GetStringAsync($"/publications/{stored.Slug}.bib")).Entries.Single();
        Assert.Equal("article", exported.Type);
        foreach (var (name, raw) in original.Fields)
        {
            Assert.True(exported.Fields.ContainsKey(name), $"the export has no {name}");
            var (expected, actual) = name == "author"
                ? (Web.Settings.Content.Publications.BibTexImporter.Authors(raw), Web.Settings.Content.Publications.BibTexImporter.Authors(exported.Fields[name]))
                : (Web.Settings.Content.Publications.LatexText.ToUnicode(raw), Web.Settings.Content.Publications.LatexText.ToUnicode(exported.Fields[name]));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task A_listed_doi_under_another_title_updates_that_paper()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        const string first = "@article{doi1, title = {Known By Its DOI}, journal = {TACO}, year = 2023, doi = {10.9999/doi.match.1}}";
        const string second = "@article{doi2, title = {Known By Its DOI (Extended Version)}, journal = {TACO}, year = 2023, doi = {https://doi.org/10.9999/DOI.MATCH.1}, pages = {5--9}}";
        using (var added = await PostMultipartAsync(client, Import + "/confirm", first))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var before = await CountAsync();

        using var preview = await PostMultipartAsync(client, Import, second);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("data-key=\"doi2\" data-action=\"update\"", html, StringComparison.Ordinal);
        Assert.Contains("Title: “Known By Its DOI (Extended Version)” would replace “Known By Its DOI” if ticked", PageText.Of(html), StringComparison.Ordinal);

        // Ticked: the title is replaced too, and still no copy is added.
        using (var confirm = await PostMultipartAsync(client, Import + "/confirm", second, replace: [0]))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        }

        Assert.Equal(before, await CountAsync());
        Assert.Null(await FindAsync("Known By Its DOI"));
        var updated = (await FindAsync("Known By Its DOI (Extended Version)"))!;
        Assert.Equal(("5-9", "10.9999/doi.match.1"), (updated.Pages, updated.Doi));
    }

    [Fact]
    public async Task A_binary_file_is_refused_as_not_text()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        byte[] pdf = [.. "%PDF-1.7\n"u8, 0xFF, 0xFE, 0x00, 0xC3, 0x28];

        using var response = await PostMultipartAsync(client, Import, text: null, file: pdf);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The file is not UTF-8 text.", PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Junk_in_the_ticked_replacements_is_ignored()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        const string text = "@article{junk1, title = {Junk Include Paper}, journal = {TACO}, year = 2021}";
        var token = await client.GetAntiforgeryTokenAsync(Import);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), HtmlForms.AntiforgeryField },
            { new StringContent(text), "text" },
            { new StringContent("abc"), "replace" },
            { new StringContent("-5"), "replace" },
            { new StringContent("99999"), "replace" },
        };

        using var response = await client.PostAsync(Import + "/confirm", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await FindAsync("Junk Include Paper"));
    }

    [Fact]
    public async Task Import_posts_need_the_professor_and_a_token()
    {
        using var reviewer = await app.CreateClientSignedInAsync(Roles.Reviewer);
        using var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await CountAsync();

        using var reviewerToken = new MultipartFormDataContent
        {
            { new StringContent(await reviewer.GetAntiforgeryTokenAsync("/review")), HtmlForms.AntiforgeryField },
            { new StringContent(ThreeEntries), "text" },
        };
        DashboardTests.AssertDenied(await reviewer.PostAsync(Import + "/confirm", reviewerToken));

        using var noToken = new MultipartFormDataContent { { new StringContent(ThreeEntries), "text" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await professor.PostAsync(Import + "/confirm", noToken)).StatusCode);
        Assert.Equal(before, await CountAsync());
    }
}
