using System.Net;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HanZhao.Recruit.Testing;

/// <summary>
/// The whole app, as in production (environment Production, so HSTS, https redirect and secure
/// cookies are on), on its own fresh SQLite file with the real migrations applied at start.
/// One instance per test class (<c>IClassFixture&lt;RecruitAppFactory&gt;</c>) gives each class
/// its own database. <see cref="Settings"/> adds configuration before the app starts; <see cref="Clock"/>
/// is the app's TimeProvider. The app's log goes to <c>TestResults/logs/</c>, not the test output.
/// </summary>
public class RecruitAppFactory : WebApplicationFactory<Program>
{
    /// <summary>Not localhost: HSTS is never sent to localhost, and tests check it is sent.</summary>
    public static readonly Uri HttpsBaseAddress = new("https://hanzhao.test");

    private readonly TemporaryDirectory _data = new("app");

    public RecruitAppFactory()
    {
        // The in-memory test server has no https binding to learn the port from, and no address to
        // take the site's own address from: the site is https://hanzhao.test, as a deployment would configure it.
        Settings["https_port"] = "443";
        Settings["Recruit:PublicUrl"] = HttpsBaseAddress.ToString();
    }

    /// <summary>Configuration keys (with ':' separators) applied on top of appsettings.json.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string DataPath => _data.Path;

    /// <summary>The app's one clock: running from <see cref="TestClock.Spring2026"/> until a test freezes or moves it.</summary>
    public TestClock Clock { get; } = new(TestClock.Spring2026);

    public string DatabaseFile => Path.Combine(DataPath, "recruit.db");

    /// <summary>
    /// The test database. A write waits for SQLite's one writer as long as any test waits
    /// (<see cref="Patience.Limit"/>): on a busy machine a fixed 30-second lock timeout would turn
    /// slowness into failures.
    /// </summary>
    public string SqliteConnectionString =>
        new SqliteConnectionStringBuilder { DataSource = DatabaseFile, DefaultTimeout = (int)Patience.Limit.TotalSeconds }.ToString();

    /// <summary>Serve on a real Kestrel port on 127.0.0.1 (for browsers) instead of the in-memory test server.</summary>
    public RecruitAppFactory WithKestrel()
    {
        // Plain http on loopback: no https port, so no redirect; links use the address Kestrel listens on.
        Settings.Remove("https_port");
        Settings.Remove("Recruit:PublicUrl");
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        return this;
    }

    /// <summary>The http address Kestrel listens on; starts the app if needed.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            return new Uri(addresses.Addresses.First());
        }
    }

    /// <summary>A client that talks https (as browsers do in production) and does not follow redirects.</summary>
    public HttpClient CreateHttpsClient(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = HttpsBaseAddress,
            AllowAutoRedirect = followRedirects,
            HandleCookies = true,
        });

    /// <summary>
    /// A DbContext on this app's database, outside any request. The app is started first (its migrations
    /// make the tables), so a test that reads the database before its first request finds them.
    /// </summary>
    public RecruitDbContext CreateDbContext()
    {
        _ = Services;
        return new(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, SqliteConnectionString));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The app itself reads the build's static asset manifest outside Development (Platform/Hosting/AppFolder.cs).
        builder.UseEnvironment("Production");
        builder.UseSetting("Recruit:DataPath", DataPath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(new TestLogs(Path.GetFileName(DataPath))).SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services
            .AddSingleton<TimeProvider>(Clock)
            // The set-up banner is for an operator's terminal; in tests the log file has the link.
            .AddSingleton(new OperatorConsole(TextWriter.Null)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Pooled SQLite connections keep the file open; release them before deleting it.
            SqliteConnection.ClearAllPools();
            _data.Dispose();
        }
    }
}
