using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.Platform.Seo;

/// <summary>
/// schema.org JSON-LD for the page head, built as JSON nodes and written by System.Text.Json.
/// Its encoders always escape the HTML-sensitive characters (&lt; &gt; &amp; ' "), so no value can
/// close the &lt;script&gt; element the result is written into: the output is safe for Html.Raw.
/// </summary>
public static class JsonLd
{
    // All Unicode ranges allowed: Chinese stays readable in the page source. The HTML-sensitive
    // characters are escaped whatever ranges are allowed (only UnsafeRelaxedJsonEscaping would not).
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The homepage's Person, with texts in <paramref name="culture"/>.</summary>
    public static string Person(Profile profile, string culture, IReadOnlyList<string> alumniOf, string url)
    {
        var university = Node("CollegeOrUniversity", profile.University.In(culture));
        if (!profile.Department.IsEmpty)
        {
            university["department"] = Node("Organization", profile.Department.In(culture));
        }

        var person = Root("Person");
        Add(person, "name", profile.Name);
        Add(person, "alternateName", profile.ChineseName);
        Add(person, "jobTitle", profile.Title.In(culture));
        person["affiliation"] = university;
        person["alumniOf"] = new JsonArray([.. alumniOf.Distinct().Select(name => (JsonNode)Node("CollegeOrUniversity", name))]);
        person["url"] = url;
        if (profile.Photo is { } photo)
        {
            person["image"] = new Uri(new Uri(url), PublicSite.Media.PhotoUrls.Src(photo, 640)).AbsoluteUri;
        }

        // Profiles elsewhere tell search engines these pages are the same person.
        var sameAs = PublicSite.ProfileLinks.Of(profile).Select(link => (JsonNode)link.Url).ToArray();
        if (sameAs.Length > 0)
        {
            person["sameAs"] = new JsonArray(sameAs);
        }

        return person.ToJsonString(Options);
    }

    /// <summary>A publication's page: the article, its venue and (when known) its authors.</summary>
    public static string ScholarlyArticle(Publication publication, string url)
    {
        var article = Root("ScholarlyArticle");
        Add(article, "headline", publication.Title);
        Add(article, "name", publication.Title);
        article["datePublished"] = publication.Year.ToString(CultureInfo.InvariantCulture);
        article["isPartOf"] = Node(publication.Type == PublicationType.Journal ? "Periodical" : "CreativeWork", publication.Venue);
        var authors = AuthorNames(publication);
        if (authors.Count > 0)
        {
            article["author"] = new JsonArray([.. authors.Select(name => (JsonNode)Node("Person", name))]);
        }

        if (DoiUrl(publication) is { } doi)
        {
            article["sameAs"] = doi;
            article["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["propertyID"] = "DOI", ["value"] = publication.Doi!.Trim() };
        }

        Add(article, "abstract", publication.Abstract);
        Add(article, "pagination", publication.Pages);

        article["url"] = url;
        return article.ToJsonString(Options);
    }

    /// <summary>"Han Zhao, Quan Chen and Minyi Guo" as three names; empty while the authors are unknown.</summary>
    public static IReadOnlyList<string> AuthorNames(Publication publication) => publication.AuthorNames();

    /// <summary>The DOI as a resolvable address, whether stored bare ("10.1145/...") or as a URL.</summary>
    public static string? DoiUrl(Publication publication) =>
        string.IsNullOrWhiteSpace(publication.Doi) ? null
        : publication.Doi.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? publication.Doi
        : "https://doi.org/" + publication.Doi.Trim();

    private static JsonObject Root(string type) => new() { ["@context"] = "https://schema.org", ["@type"] = type };

    private static JsonObject Node(string type, string name) => new() { ["@type"] = type, ["name"] = name };

    // Empty texts are left out rather than written as "".
    private static void Add(JsonObject node, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            node[key] = value;
        }
    }
}
