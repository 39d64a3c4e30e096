using System.Net;
using System.Text.RegularExpressions;

namespace HanZhao.Recruit.Tests.PublicSite;

/// <summary>A page's visible text, as a reader sees it: tags stripped, entities decoded, spaces collapsed.</summary>
public static partial class PageText
{
    public static async Task<string> GetTextAsync(this HttpClient client, string path) =>
        Of(await client.GetStringAsync(path));

    public static string Of(string html)
    {
        var body = html[Math.Max(0, html.IndexOf("<body", StringComparison.Ordinal))..];
        var text = WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(body, " "), " "));
        return Spaces().Replace(text, " ");
    }

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
