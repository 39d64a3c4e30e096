using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace HanZhao.Recruit.Testing;

/// <summary>Posts forms the way a browser does: with the antiforgery token from the page that shows the form.</summary>
public static partial class HtmlForms
{
    public const string AntiforgeryField = "__af";

    /// <summary>Reads the antiforgery token from a page (the client keeps the matching cookie).</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenInput().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    /// <summary>Fails with the status, the redirect target and the body when the answer is not <paramref name="expected"/>.</summary>
    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {(int)expected}, got {(int)response.StatusCode} ({response.Headers.Location}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Fetches <paramref name="page"/> for its token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        return await client.PostFormAsync(action, fields, await client.GetAntiforgeryTokenAsync(page));
    }

    /// <summary>Posts with a token read earlier: a token belongs to the session, not to the page it came from.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string action, IEnumerable<KeyValuePair<string, string>> fields, string antiforgeryToken)
    {
        using var content = new FormUrlEncodedContent(fields.Append(new(AntiforgeryField, antiforgeryToken)));
        return await client.PostAsync(action, content);
    }

    [GeneratedRegex("""<input[^>]*name="__af"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__af"[^>]*""")]
    private static partial Regex TokenInput();
}
