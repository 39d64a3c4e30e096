using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Apply.SignIn;

/// <summary>The per-address limit protects a mailbox: it must hold when the requests arrive together.</summary>
public class ConcurrentLinkRequestTests(SignInAppFactory app) : IClassFixture<SignInAppFactory>
{
    private const int Requests = 200;
    private const int AtOnce = 20;
    private const int Limit = 3;

    [Fact]
    public async Task Two_hundred_concurrent_requests_for_one_address_send_at_most_three_links_and_refuse_the_rest_with_the_message()
    {
        var email = $"victim-{Guid.NewGuid():N}@example.com";
        using var client = app.CreateHttpsClient();
        var token = await client.GetAntiforgeryTokenAsync(SignInSteps.FormPath);
        using var gate = new SemaphoreSlim(AtOnce);

        var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await client.PostFormAsync(SignInSteps.FormPath, [new("email", email), new("website", "")], token);
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.DoesNotContain(answers, a => (int)a.StatusCode >= 500);
        var sent = answers.Count(a => a.StatusCode == HttpStatusCode.Redirect);
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(Limit, sent);
        Assert.Equal(Requests - Limit, refused.Count);
        Assert.All(refused, a => Assert.Contains("Too many sign-in links were requested for this address", a.Body, StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        var normalized = email.ToUpperInvariant();
        Assert.Equal(Limit, await db.SignInLinks.CountAsync(l => l.NormalizedEmail == normalized));
        Assert.Equal(Limit, await db.EmailMessages.CountAsync(m => m.ToAddress == email));
    }

    [Fact]
    public async Task After_the_window_an_address_that_had_its_three_links_can_have_another()
    {
        var email = $"patient-{Guid.NewGuid():N}@example.com";
        using var client = app.CreateHttpsClient();
        for (var i = 0; i < Limit; i++)
        {
            using var sent = await client.RequestLinkAsync(email);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using (var refused = await client.RequestLinkAsync(email))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        using var again = await client.RequestLinkAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(Limit + 1, await db.EmailMessages.CountAsync(m => m.ToAddress == email));
    }
}
