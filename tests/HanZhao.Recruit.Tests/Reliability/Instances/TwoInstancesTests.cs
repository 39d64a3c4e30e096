using System.Net;
using HanZhao.Recruit.Tests.Apply.SignIn;
using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Reliability.Instances;

/// <summary>Two app processes on one SQLite file, started once for the class.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    internal InstancesSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await InstancesSite.StartAsync(new SmtpTestServer(), count: 2);

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>
/// What a load balancer needs of two instances of the app on one database: whatever one instance
/// hands a browser (a session cookie, an antiforgery token, an emailed link) works on the other,
/// a content change shows on the other's cached public pages within the check interval, and the
/// per-address limits count requests to both.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private InstancesSite Site => instances.Site;

    [Fact]
    public async Task A_form_token_and_an_emailed_link_made_by_one_instance_work_on_the_other_and_so_does_the_session()
    {
        var (a, b) = Pair(Site.Browser());
        const string email = "across@example.edu";

        // The form (and its antiforgery cookie and token) from A, posted to B: B accepts it and queues the link.
        var token = await a.GetAntiforgeryTokenAsync(SignInSteps.FormPath);
        using (var posted = await b.PostFormAsync(SignInSteps.FormPath, [new("email", email), new("website", "")], token))
        {
            await posted.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        // A token that is not one refused by the same route: the check above was a real check.
        using (var forged = await b.PostFormAsync(SignInSteps.FormPath, [new("email", email), new("website", "")], token[..^4] + "AAAA"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        // The link B emailed, opened on A; its Continue page's token from A posted to A.
        var link = SignInSteps.LinkIn((await Site.Smtp.WaitForMessagesToAsync(email))[^1].TextBody);
        using (var confirmed = await a.UseLinkAsync(Site.On(0, link)))
        {
            await confirmed.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        // The session cookie A set is a session on B (and still on A).
        foreach (var client in new[] { b, a })
        {
            using var portal = await client.GetAsync(new Uri("/applicant", UriKind.Relative));
            await portal.AssertStatusAsync(HttpStatusCode.OK);
        }

        // One key ring, in the database, not a file of either instance's.
        await using var db = Site.CreateDbContext();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
        Assert.Empty(Directory.EnumerateFiles(Site.DataPath, "key-*.xml", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_research_interest_renamed_on_one_instance_shows_on_the_others_cached_homepage_within_the_check_interval()
    {
        var (a, b) = Pair(Site.Browser());
        int id;
        string before;
        await using (var db = Site.CreateDbContext())
        {
            var interest = await db.ResearchInterests.OrderBy(i => i.SortOrder).FirstAsync();
            (id, before) = (interest.Id, interest.Name.En);
        }

        // B's homepage is in B's output cache, with the old name.
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains(WebUtility.HtmlEncode(before), await b.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        }

        const string renamed = "Renamed on instance A";
        await InstancesSite.SignInProfessorAsync(a);
        var page = $"/review/settings/content/interests/{id}";
        using (var saved = await a.PostFormAsync(page, page, [new("NameEn", renamed), new("NameZh", "在实例 A 上改名")]))
        {
            await saved.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        // A evicted its own cache at once.
        using var anonymous = new HttpClient { BaseAddress = Site.Instances[0].BaseAddress };
        Assert.Contains(renamed, await anonymous.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        // B sees the version row move at its next check: the bound is the check interval (1 s by
        // default) plus one read, by design; the poll only waits for it.
        Assert.Equal(TimeSpan.FromSeconds(1), PublicContentVersions.DefaultInterval);
        await Patience.UntilAsync(
            async () => (await b.GetStringAsync(new Uri("/", UriKind.Relative))).Contains(renamed, StringComparison.Ordinal),
            () => "B's homepage never showed the renamed interest");
    }

    [Fact]
    public async Task The_per_address_limit_on_sign_in_links_counts_requests_to_both_instances()
    {
        var (a, b) = Pair(Site.Browser());
        const string email = "limited@example.edu";
        HttpClient[] order = [a, b, a];
        foreach (var client in order)
        {
            using var accepted = await client.RequestLinkAsync(email);
            await accepted.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        // Three per 15 minutes (Recruit:SignIn:AddressPermitLimit): the fourth is refused (429, the form again), on either instance.
        foreach (var client in new[] { b, a })
        {
            using var refused = await client.RequestLinkAsync(email);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains("Too many sign-in links", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Three links, and no more after the refusals.
        Assert.Equal(order.Length, (await Site.Smtp.WaitForMessagesToAsync(email, order.Length)).Count);
    }

    private static (HttpClient A, HttpClient B) Pair(HttpClient[] clients) => (clients[0], clients[1]);
}
