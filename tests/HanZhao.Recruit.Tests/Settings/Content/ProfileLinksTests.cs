using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.PublicSite;
using HanZhao.Recruit.Web.Settings.Content;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Settings.Content;

/// <summary>The profile's links: checked in the editor, shown as labelled icons, named in the JSON-LD; the email not as an address.</summary>
public class ProfileLinksTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private const string Page = "/review/settings/content/profile";

    private async Task<Dictionary<string, string>> FieldsAsync()
    {
        await using var db = app.CreateDbContext();
        var form = ProfileForm.From(await db.Profiles.AsNoTracking().SingleAsync());
        return form.GetType().GetProperties().ToDictionary(p => p.Name, p => (string?)p.GetValue(form) ?? "");
    }

    [Fact]
    public async Task Saved_links_show_as_a_row_under_the_name_and_in_same_as_and_the_email_is_not_in_the_page_as_an_address()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        await visitor.GetStringAsync("/");
        var fields = await FieldsAsync();
        fields["Email"] = "prof.example@sjtu.edu.cn";
        fields["GoogleScholarUrl"] = "https://scholar.google.com/citations?user=EXAMPLE";
        fields["DblpUrl"] = "https://dblp.org/pid/00/0000.html";
        fields["GitHubUrl"] = "https://github.com/example-prof";
        fields["Orcid"] = "https://orcid.org/0000-0002-1694-233x";
        fields["MapUrl"] = "https://map.example.org/?q=sjtu";
        fields["OtherLinks"] = "Lab wiki | https://wiki.example.org\r\n\r\nSlides | https://slides.example.org/a";

        using var response = await client.PostFormAsync(Page, Page, fields);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var html = await visitor.GetStringAsync("/");
        Assert.DoesNotContain("prof.example@sjtu.edu.cn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", html, StringComparison.Ordinal);
        Assert.Contains("prof.example [at] sjtu.edu.cn", PageText.Of(html), StringComparison.Ordinal);
        Assert.Contains("data-u=\"elpmaxe.forp\" data-d=\"nc.ude.utjs\"", html, StringComparison.Ordinal);
        foreach (var (label, url) in new[]
        {
            ("Google Scholar", "https://scholar.google.com/citations?user=EXAMPLE"), ("DBLP", "https://dblp.org/pid/00/0000.html"),
            ("ORCID", "https://orcid.org/0000-0002-1694-233X"), ("GitHub", "https://github.com/example-prof"),
            ("Lab wiki", "https://wiki.example.org"), ("Slides", "https://slides.example.org/a"),
        })
        {
            Assert.Contains($"href=\"{WebUtility.HtmlEncode(url)}\" rel=\"me noopener\"><svg class=\"icon\" aria-hidden=\"true\" focusable=\"false\"><use href=\"/icons/profile.svg#", html, StringComparison.Ordinal);
            Assert.Contains($"</svg> {label}</a>", html, StringComparison.Ordinal);
            Assert.Contains($"\"{url}\"", JsonLdOf(html), StringComparison.Ordinal);
        }

        Assert.Contains("href=\"https://map.example.org/?q=sjtu\"", html, StringComparison.Ordinal);
        Assert.Contains("学术主页与联系方式", await visitor.GetStringAsync("/?culture=zh-CN"), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal("0000-0002-1694-233X", (await db.Profiles.SingleAsync()).Orcid);
    }

    [Theory]
    [InlineData("GoogleScholarUrl", "https://scholar.evil.example.org/citations?user=x", "Google Scholar link must be an address on scholar.google.com")]
    [InlineData("DblpUrl", "https://dblp.org.evil.example/pid/1", "DBLP link must be an address on dblp.org")]
    [InlineData("GitHubUrl", "https://gitlab.com/someone", "GitHub link must be an address on github.com.")]
    [InlineData("GitHubUrl", "javascript:alert(1)", "GitHub link must be a web address starting with http:// or https://.")]
    [InlineData("Orcid", "0000-0002-1825-0098", "ORCID iD must be an ORCID iD such as 0000-0002-1825-0097")]
    [InlineData("Orcid", "0000-0002-1825", "ORCID iD must be an ORCID iD such as 0000-0002-1825-0097")]
    [InlineData("Orcid", "https://orcid.org/<script>", "ORCID iD must be an ORCID iD such as 0000-0002-1825-0097")]
    [InlineData("MapUrl", "http://map.example.org/", "Map link must be a web address starting with https://.")]
    [InlineData("MapUrl", "data:text/html,<b>", "Map link must be a web address starting with https://.")]
    [InlineData("OtherLinks", "Lab https://lab.example.org", "Other links, line 1: write a label of at most 40 characters")]
    [InlineData("OtherLinks", "Fine | https://ok.example.org\nBad | javascript:alert(1)", "Other links, line 2: write a label")]
    [InlineData("OtherLinks", "Plain | http://lab.example.org", "Other links, line 1: write a label")]
    [InlineData("OtherLinks", " | https://lab.example.org", "Other links, line 1: write a label")]
    [InlineData("OtherLinks", "A label far longer than forty characters in all | https://lab.example.org", "Other links, line 1: write a label")]
    [InlineData("OtherLinks", "1|https://a.example.org\n2|https://a.example.org\n3|https://a.example.org\n4|https://a.example.org\n5|https://a.example.org\n6|https://a.example.org\n7|https://a.example.org\n8|https://a.example.org\n9|https://a.example.org\n10|https://a.example.org\n11|https://a.example.org", "Other links: at most 10 links.")]
    public async Task A_bad_link_is_refused_with_its_message_and_nothing_changes(string field, string value, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await FieldsAsync();
        var fields = new Dictionary<string, string>(before) { [field] = value };

        using var response = await client.PostFormAsync(Page, Page, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await FieldsAsync());
    }

    [Theory]
    [InlineData("0000-0002-1825-0097", "0000-0002-1825-0097")]
    [InlineData("https://orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700")]
    [InlineData("0000-0002-1694-233x", "0000-0002-1694-233X")]
    [InlineData("0000-0002-1694-2330", null)]
    [InlineData("0000000218250097", null)]
    [InlineData("０000-0002-1825-0097", null)]
    public void An_orcid_id_is_recognised_by_its_check_digit(string text, string? expected) =>
        Assert.Equal(expected, ProfileLinks.NormalizeOrcid(text));

    private static string JsonLdOf(string html)
    {
        var start = html.IndexOf("application/ld+json", StringComparison.Ordinal);
        return html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
    }
}
