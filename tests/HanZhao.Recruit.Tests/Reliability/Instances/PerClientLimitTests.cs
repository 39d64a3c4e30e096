using System.Net;
using HanZhao.Recruit.Tests.Apply.SignIn;

namespace HanZhao.Recruit.Tests.Reliability.Instances;

/// <summary>
/// The per-client limits (ClientRateLimits: sign-in links, contact, interest, letters, search, staff
/// sign-in) are in each process's memory: behind N instances a client gets N times the limit at most,
/// as docs/SCALING.md says. This shows that factor, and that each instance still holds its own share.
/// </summary>
public sealed class PerClientLimitTests
{
    private const int Limit = 2;

    [Fact]
    public async Task Each_instance_gives_one_client_its_own_share_so_two_instances_allow_twice_the_limit()
    {
        await using var site = await InstancesSite.StartAsync(new SmtpTestServer(), count: 2,
            new Dictionary<string, string?> { ["Recruit:SignIn:ClientPermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var browser = site.Browser();
        var accepted = 0;
        for (var instance = 0; instance < browser.Length; instance++)
        {
            for (var n = 0; n <= Limit; n++)
            {
                // A new address each time: the per-address limit (in the database) is not what this counts.
                using var response = await browser[instance].RequestLinkAsync($"client{instance}-{n}@example.edu");
                if (n < Limit)
                {
                    await response.AssertStatusAsync(HttpStatusCode.Redirect);
                    accepted++;
                }
                else
                {
                    Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
                }
            }
        }

        Assert.Equal(Limit * site.Instances.Count, accepted);
    }
}
