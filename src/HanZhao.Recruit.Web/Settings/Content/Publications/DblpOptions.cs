using System.ComponentModel.DataAnnotations;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

/// <summary>The DBLP import (configuration section <c>Recruit:Dblp</c>).</summary>
public sealed class DblpOptions
{
    public const string Section = "Recruit:Dblp";

    /// <summary>The name of the HttpClient the fetch uses (IHttpClientFactory).</summary>
    public const string HttpClientName = "dblp";

    /// <summary>Where a person's BibTeX is fetched from: <c>{BaseUrl}/pid/{pid}.bib</c>. A mirror or, in tests, a local server.</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://dblp.org";

    /// <summary>How long the professor waits for DBLP before being told it did not answer.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// Fetches per minute, for the whole site: the server calls out on the professor's click, so a
    /// loop of clicks (or a stolen session) must not make it hammer DBLP, which limits clients itself.
    /// </summary>
    [Range(1, 1000)]
    public int FetchesPerMinute { get; set; } = 6;
}
