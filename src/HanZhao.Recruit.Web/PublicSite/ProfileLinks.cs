using System.Globalization;
using HanZhao.Recruit.Data.Content;

namespace HanZhao.Recruit.Web.PublicSite;

/// <summary>A link of the profile: its label and address, and the icon (a symbol of wwwroot/icons/profile.svg) it is shown with.</summary>
public sealed record ProfileLink(string Label, string Url, string Icon);

/// <summary>
/// The profile's links as the homepage and the JSON-LD show them, and the rules that tell a
/// Google Scholar, DBLP or GitHub address and an ORCID iD from anything else.
/// </summary>
public static class ProfileLinks
{
    public const int MaxOtherLinks = 10;

    public const int MaxLabelLength = 40;

    public const int MaxUrlLength = 500;

    public static readonly string[] ScholarHosts = ["scholar.google.com", "scholar.google.com.hk", "scholar.google.cn"];

    public static readonly string[] GitHubHosts = ["github.com"];

    public static readonly string[] DblpHosts = ["dblp.org", "dblp.uni-trier.de", "dblp.dagstuhl.de"];

    /// <summary>Every link, named ones first, in the order the homepage shows them (the email is shown apart).</summary>
    public static IReadOnlyList<ProfileLink> Of(Profile profile)
    {
        var links = new List<ProfileLink>();
        Add(links, "Google Scholar", profile.GoogleScholarUrl, "scholar");
        Add(links, "DBLP", profile.DblpUrl, "dblp");
        Add(links, "ORCID", profile.Orcid is { Length: > 0 } id ? "https://orcid.org/" + id : null, "orcid");
        Add(links, "GitHub", profile.GitHubUrl, "github");
        links.AddRange(ParseOthers(profile.OtherLinks).Select(l => l with { Icon = "link" }));
        return links;
    }

    /// <summary>"Label | https://..." lines as links; lines that do not parse are skipped (the editor refuses them).</summary>
    public static IReadOnlyList<ProfileLink> ParseOthers(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
            .Select(parts => new ProfileLink(parts[0], parts[1], "link"))];

    /// <summary>
    /// An ORCID iD, "0000-0002-1825-0097" (also as an orcid.org link): 16 digits in groups of four,
    /// the last a check digit by ISO 7064 MOD 11-2 (which can be X). Null when it is not one.
    /// </summary>
    public static string? NormalizeOrcid(string text)
    {
        var id = text.Trim();
        foreach (var prefix in new[] { "https://orcid.org/", "http://orcid.org/", "orcid.org/" })
        {
            if (id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                id = id[prefix.Length..];
            }
        }

        id = id.ToUpperInvariant();
        if (id.Length != 19 || id[4] != '-' || id[9] != '-' || id[14] != '-')
        {
            return null;
        }

        var digits = id.Replace("-", "", StringComparison.Ordinal);
        if (!digits[..15].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(digits[15]) || digits[15] == 'X'))
        {
            return null;
        }

        var total = 0;
        foreach (var digit in digits[..15])
        {
            total = (total + (digit - '0')) * 2;
        }

        var check = (12 - (total % 11)) % 11;
        var expected = check == 10 ? 'X' : check.ToString(CultureInfo.InvariantCulture)[0];
        return digits[15] == expected ? id : null;
    }

    /// <summary>True when <paramref name="url"/>'s host is one of <paramref name="hosts"/> (or a www. of one).</summary>
    public static bool IsOnHost(string url, IReadOnlyCollection<string> hosts) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && hosts.Contains(uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host, StringComparer.OrdinalIgnoreCase);

    private static void Add(List<ProfileLink> links, string label, string? url, string icon)
    {
        if (!string.IsNullOrWhiteSpace(url))
        {
            links.Add(new ProfileLink(label, url, icon));
        }
    }
}
