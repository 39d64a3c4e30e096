using System.Net;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Tests.Apply.SignIn;
using Microsoft.Data.Sqlite;

namespace HanZhao.Recruit.Tests.Reliability.Instances;

/// <summary>
/// Several app processes on one data folder (one SQLite file, one key ring in it), each on its own
/// port of 127.0.0.1 with its job server on, sending to one SMTP test server: the production
/// topology without the proxy. The first instance starts alone (it migrates the new database), the
/// others after it. A browser is one cookie jar used against any instance, as a browser behind a
/// load balancer is (cookies do not depend on the port).
/// </summary>
internal sealed class InstancesSite : IAsyncDisposable
{
    public const string ProfessorEmail = ProcessSite.ProfessorEmail;

    /// <summary>The professor's password, set at the first start (Recruit:AdminPassword).</summary>
    public const string ProfessorPassword = "several-instances-one-database";

    private readonly TemporaryDirectory _data = new("instances");
    private readonly Dictionary<string, string?> _settings;
    private readonly List<HttpClient> _clients = [];

    private InstancesSite(SmtpTestServer smtp, Dictionary<string, string?> settings)
    {
        Smtp = smtp;
        _settings = settings;
    }

    public SmtpTestServer Smtp { get; }

    public List<AppProcess> Instances { get; } = [];

    public string DataPath => _data.Path;

    /// <param name="smtp">Not started yet.</param>
    /// <param name="count">How many instances.</param>
    /// <param name="settings">Configuration on top of the site's own (every instance gets the same, as a deployment does).</param>
    public static async Task<InstancesSite> StartAsync(SmtpTestServer smtp, int count, IReadOnlyDictionary<string, string?>? settings = null)
    {
        await smtp.StartAsync();
        var all = ProcessSite.Settings(smtp);
        all["Recruit:AdminEmail"] = ProfessorEmail;
        all["Recruit:AdminPassword"] = ProfessorPassword;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var site = new InstancesSite(smtp, all);
        try
        {
            site.Instances.Add(await AppProcess.StartAsync(site.DataPath, all));
            site.Instances.AddRange(await Task.WhenAll(Enumerable.Range(1, count - 1).Select(_ => AppProcess.StartAsync(site.DataPath, all))));
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }

        return site;
    }

    /// <summary>One browser (one cookie jar) with a client per instance, redirects not followed.</summary>
    public HttpClient[] Browser()
    {
        var cookies = new CookieContainer();
        var clients = Instances.Select(app => new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
            Timeout = Patience.Limit,
        }).ToArray();
        _clients.AddRange(clients);
        return clients;
    }

    /// <summary>The same link, on instance <paramref name="instance"/> (behind a load balancer all share one address).</summary>
    public Uri On(int instance, Uri link) => new UriBuilder(link) { Port = Instances[instance].BaseAddress.Port }.Uri;

    /// <summary>Asks instance <paramref name="client"/>'s site for a sign-in link and returns it as it arrives by email.</summary>
    public async Task<Uri> RequestLinkAsync(HttpClient client, string email)
    {
        var before = (await Smtp.WaitForMessagesToAsync(email, count: 0)).Count;
        using (var request = await client.RequestLinkAsync(email))
        {
            await request.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var messages = await Smtp.WaitForMessagesToAsync(email, before + 1);
        return SignInSteps.LinkIn(messages[^1].TextBody);
    }

    /// <summary>Signs the professor in on <paramref name="client"/>'s instance with the password.</summary>
    public static async Task SignInProfessorAsync(HttpClient client)
    {
        using var response = await client.PostFormAsync("/account/signin", "/account/signin",
            [new("email", ProfessorEmail), new("password", ProfessorPassword)]);
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
    }

    public RecruitDbContext CreateDbContext() => AppProcess.Database(DataPath);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var app in Instances)
        {
            await app.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
