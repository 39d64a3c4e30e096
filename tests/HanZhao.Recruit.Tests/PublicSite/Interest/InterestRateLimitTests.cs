using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.PublicSite.Interest;

/// <summary>The app with the product's own per-client limit: 10 registrations per client per 10 minutes.</summary>
public sealed class InterestClientLimitApp : RecruitAppFactory
{
    public InterestClientLimitApp() => Settings["Jobs:Enabled"] = "false";
}

/// <summary>Registrations are limited like sign-in links: per client (in memory) and per address (in the database, atomically).</summary>
public class InterestRateLimitTests
{
    private const int ClientLimit = 10;
    private const int AddressLimit = 3;

    [Fact]
    public async Task Thirty_concurrent_registrations_from_one_client_let_ten_through_and_refuse_the_rest_with_429()
    {
        await using var app = new InterestClientLimitApp();
        using var client = app.CreateHttpsClient();
        var token = await client.GetAntiforgeryTokenAsync(InterestSteps.FormPath);
        var addresses = Enumerable.Range(0, 30).Select(i => InterestSteps.NewAddress($"spray{i}")).ToList();

        var answers = await Task.WhenAll(addresses.Select(async email =>
        {
            using var response = await client.PostFormAsync(InterestSteps.FormPath,
                [new("email", email), new("name", "Li Lei"), new("program", "PhD"), new("route", "NotSure"), new("website", "")], token);
            return response.StatusCode;
        }));

        Assert.Equal(ClientLimit, answers.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(30 - ClientLimit, answers.Count(s => s == HttpStatusCode.TooManyRequests));
        await using var db = app.CreateDbContext();
        Assert.Equal(ClientLimit, await db.InterestRegistrations.CountAsync());
        Assert.Equal(ClientLimit, await db.EmailMessages.CountAsync(m => m.Kind == InterestSteps.Confirmation));
    }

    [Fact]
    public async Task A_hundred_concurrent_registrations_of_one_address_send_at_most_three_emails_and_refuse_the_rest_with_the_message()
    {
        await using var app = new InterestAppFactory();
        var email = InterestSteps.NewAddress("victim");
        using var client = app.CreateHttpsClient();
        var token = await client.GetAntiforgeryTokenAsync(InterestSteps.FormPath);
        using var gate = new SemaphoreSlim(20);

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                // Both programs, mixed case: the limit is the address's, however it is written and whatever it asks for.
                using var response = await client.PostFormAsync(InterestSteps.FormPath,
                    [new("email", i % 2 == 0 ? email : email.ToUpperInvariant()), new("name", "Li Lei"), new("program", i % 3 == 0 ? "Master" : "PhD"),
                        new("route", "NotSure"), new("website", "")], token);
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.DoesNotContain(answers, a => (int)a.StatusCode >= 500);
        Assert.Equal(AddressLimit, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(100 - AddressLimit, refused.Count);
        Assert.All(refused, a => Assert.Contains("Too many registrations were made for this address", a.Body, StringComparison.Ordinal));
        Assert.Equal(AddressLimit, (await app.EmailsAsync(email, InterestSteps.Confirmation)).Count);
        Assert.InRange((await app.RegistrationsAsync(email)).Count, 1, 2);
    }

    [Fact]
    public async Task After_the_hour_an_address_that_had_its_three_emails_can_register_again()
    {
        await using var app = new InterestAppFactory();
        var email = InterestSteps.NewAddress("patient");
        using var client = app.CreateHttpsClient();
        for (var i = 0; i < AddressLimit; i++)
        {
            using var sent = await client.RegisterAsync(email);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using (var refused = await client.RegisterAsync(email))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromHours(1));
        using var again = await client.RegisterAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(AddressLimit + 1, (await app.EmailsAsync(email, InterestSteps.Confirmation)).Count);
        Assert.Single(await app.RegistrationsAsync(email));
    }
}
