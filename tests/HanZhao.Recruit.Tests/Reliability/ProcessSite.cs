using System.Globalization;
using System.Net;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Tests.Apply.SignIn;
using Microsoft.Data.Sqlite;

namespace HanZhao.Recruit.Tests.Reliability;

/// <summary>
/// The app as its own process on a data folder, sending mail to a real SMTP server, with the job
/// server on: what the crash and restart tests kill and start again. Clients keep their cookies in
/// a jar, so a browser session outlives a restart exactly as a real one would.
/// </summary>
internal sealed class ProcessSite : IAsyncDisposable
{
    public const string ProfessorEmail = "hanzhao@sjtu.test";

    private readonly TemporaryDirectory _data = new("reliability");
    private readonly Dictionary<string, string?> _settings;
    private readonly Dictionary<HttpClient, CookieContainer> _browsers = [];

    private ProcessSite(SmtpTestServer smtp, Dictionary<string, string?> settings, AppProcess app)
    {
        Smtp = smtp;
        _settings = settings;
        App = app;
    }

    public SmtpTestServer Smtp { get; }

    public AppProcess App { get; private set; }

    public string DataPath => _data.Path;

    /// <summary>The intake that takes applications (the next September: the seeded ones may be closed by today's date).</summary>
    public string IntakeCode { get; private set; } = string.Empty;

    /// <summary>Where ASP.NET Core buffers large request bodies (ASPNETCORE_TEMP), inside the data folder.</summary>
    public string BufferPath => Path.Combine(_data.Path, "request-buffers");

    public static async Task<ProcessSite> StartAsync(SmtpTestServer smtp)
    {
        await smtp.StartAsync();
        var site = new ProcessSite(smtp, Settings(smtp), null!);
        Directory.CreateDirectory(site.BufferPath);
        site._settings["ASPNETCORE_TEMP"] = site.BufferPath;
        site.App = await AppProcess.StartAsync(site.DataPath, site._settings);
        site.IntakeCode = await AppProcess.OpenNextIntakeAsync(site.DataPath);
        return site;
    }

    /// <summary>What every app process of these tests is given: the SMTP test server, the professor's address, quiet logs.</summary>
    public static Dictionary<string, string?> Settings(SmtpTestServer smtp) => new()
    {
        ["Smtp:Host"] = smtp.Host,
        ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Recruit:ProfessorEmail"] = ProfessorEmail,
        // Every client of a test comes from 127.0.0.1.
        ["Recruit:SignIn:ClientPermitLimit"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Kills the process (SIGKILL) or stops it (SIGTERM), then starts it on the same database and port.</summary>
    public async Task RestartAsync(bool kill)
    {
        await StopAsync(kill);
        await StartAgainAsync();
    }

    public async Task StopAsync(bool kill)
    {
        if (kill)
        {
            await App.KillAsync();
        }
        else
        {
            await App.StopAsync();
        }

        await App.DisposeAsync();
    }

    public async Task StartAgainAsync() =>
        App = await AppProcess.StartAsync(DataPath, _settings, port: App.BaseAddress.Port);

    /// <summary>A browser: its own cookie jar, redirects not followed. It keeps working across restarts (same port).</summary>
    public HttpClient CreateBrowser()
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true };
        var client = new HttpClient(handler) { BaseAddress = App.BaseAddress, Timeout = Patience.Limit };
        _browsers.Add(client, cookies);
        return client;
    }

    /// <summary>The Cookie header the browser would send, for requests written by hand.</summary>
    public string CookieHeader(HttpClient browser) => _browsers[browser].GetCookieHeader(App.BaseAddress);

    /// <summary>Asks for a sign-in link and returns it as it arrives by email.</summary>
    public async Task<Uri> RequestLinkAsync(HttpClient browser, string email)
    {
        var before = (await Smtp.WaitForMessagesToAsync(email, count: 0)).Count;
        using (var request = await browser.RequestLinkAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        }

        var messages = await Smtp.WaitForMessagesToAsync(email, before + 1);
        return SignInSteps.LinkIn(messages[^1].TextBody);
    }

    /// <summary>A browser signed in the way a person does it: the link from the email, then Continue.</summary>
    public async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        var browser = CreateBrowser();
        using var confirm = await browser.UseLinkAsync(await RequestLinkAsync(browser, email));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        return browser;
    }

    /// <summary>The database file, read while the app runs or while it is down.</summary>
    public RecruitDbContext CreateDbContext() => AppProcess.Database(DataPath);

    /// <summary>Waits until no outbox row is pending, or fails with what is still pending and the app's output.</summary>
    public Task WaitUntilOutboxIsEmptyAsync() =>
        Delivery.UntilOutboxIsEmptyAsync(CreateDbContext, () => $"\nApp output:\n{App.Output}");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _browsers.Keys)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
