using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// The app under test: the Release build as its own process on 127.0.0.1 (<see cref="AppProcess"/>)
/// with a fresh data folder (SQLite file), the real SMTP server, the professor's account, and the
/// static-file baseline hook. Also direct access to the same SQLite file for seeding and baselines.
/// </summary>
public sealed partial class BenchApp : IAsyncDisposable
{
    public const string ProfessorEmail = "hanzhao@bench.test";
    public const string ProfessorPassword = "benchmark-password-2026";

    private readonly TemporaryDirectory _data;
    private readonly TemporaryDirectory _static;

    private readonly Dictionary<string, string?> _settings;

    private BenchApp(TemporaryDirectory data, TemporaryDirectory staticRoot, SmtpTestServer smtp, AppProcess app, Dictionary<string, string?> settings)
    {
        _settings = settings;
        _data = data;
        _static = staticRoot;
        Smtp = smtp;
        App = app;
    }

    public AppProcess App { get; }

    public SmtpTestServer Smtp { get; }

    public Uri BaseAddress => App.BaseAddress;

    public string DatabaseFile => Path.Combine(_data.Path, "recruit.db");

    /// <summary>The intake the submitters apply to: the next September, opened after the start (the seeded ones may be closed by today's date).</summary>
    public string IntakeCode { get; private set; } = string.Empty;

    public string StaticRoot => _static.Path;

    /// <summary>From starting the process to the first 200 of the first real page (<c>/</c>), after readiness.</summary>
    public TimeSpan FirstPageTime { get; private set; }

    /// <summary>
    /// CPU time (user + system) the app had used when it became ready: the work of starting, which
    /// other processes on the machine do not stretch the way they stretch the wall time.
    /// </summary>
    public TimeSpan StartupCpuTime { get; private set; }

    public static async Task<BenchApp> StartAsync()
    {
        var data = new TemporaryDirectory("bench-data");
        var staticRoot = new TemporaryDirectory("bench-static");
        var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = smtp.Host,
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:From"] = "noreply@bench.test",
            ["Recruit:AdminEmail"] = ProfessorEmail,
            ["Recruit:AdminPassword"] = ProfessorPassword,
            ["Recruit:ProfessorEmail"] = ProfessorEmail,
            // Every simulated applicant signs in from 127.0.0.1: the per-client limit is for real users.
            ["Recruit:SignIn:ClientPermitLimit"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
            [StartupHook.RootVariable] = staticRoot.Path,
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var app = await AppProcess.StartAsync(data.Path, settings);
        var bench = new BenchApp(data, staticRoot, smtp, app, settings) { StartupCpuTime = CpuTime(app.ProcessId) };
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        home.EnsureSuccessStatusCode();
        bench.FirstPageTime = clock.Elapsed;
        bench.IntakeCode = await AppProcess.OpenNextIntakeAsync(data.Path);
        return bench;
    }

    /// <summary>
    /// Another instance of the app on the same data folder (one SQLite file, one key ring), as a load
    /// balancer's second backend; <paramref name="extra"/> on top of the first instance's settings.
    /// </summary>
    public Task<AppProcess> StartAnotherInstanceAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return AppProcess.StartAsync(_data.Path, settings);
    }

    /// <summary>utime + stime of a process from /proc (clock ticks of 10 ms on Linux).</summary>
    public static TimeSpan CpuTime(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, DefaultTimeout = 60 }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>A client signed in as the professor through the staff sign-in page.</summary>
    public async Task<HttpClient> SignInProfessorAsync()
    {
        var client = LoadGenerator.CreateClient(BaseAddress, 4, new CookieContainer());
        using var response = await client.PostFormAsync("/account/signin", "/account/signin",
            [new("email", ProfessorEmail), new("password", ProfessorPassword)]);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Professor sign-in answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>
    /// Signs applicants in the way a person does (request a link, open it, press Continue); the
    /// link is read from the outbox row the app saved for it.
    /// </summary>
    public async Task<HttpClient> SignInApplicantAsync(string email, int connections, Uri? instance = null)
    {
        var client = LoadGenerator.CreateClient(instance ?? BaseAddress, connections, new CookieContainer());
        // One antiforgery token serves both anonymous posts (the request and the confirmation).
        var token = await client.GetAntiforgeryTokenAsync("/apply/signin");
        using (var request = await client.PostAsync(new Uri("/apply/signin", UriKind.Relative), Form([new("email", email), new("website", string.Empty)], token)))
        {
            if (request.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Sign-in link request for {email} answered {(int)request.StatusCode}.");
            }
        }

        string body;
        await using (var db = OpenDatabase())
        {
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT TextBody FROM EmailMessages WHERE Kind = 'SignInLink' AND ToAddress = $email ORDER BY CreatedAtUtc DESC LIMIT 1";
            command.Parameters.AddWithValue("$email", email);
            body = (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No sign-in email for {email}.");
        }

        var link = Uri.UnescapeDataString(TokenPattern().Match(body).Groups[1].Value);
        using var confirm = await client.PostAsync(new Uri("/apply/signin/confirm", UriKind.Relative), Form([new("token", link)], token));
        if (confirm.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in confirmation for {email} answered {(int)confirm.StatusCode}.");
        }

        return client;
    }

    /// <summary>A form post's body with its antiforgery token.</summary>
    public static FormUrlEncodedContent Form(IEnumerable<KeyValuePair<string, string>> fields, string token) =>
        new(fields.Append(new(HtmlForms.AntiforgeryField, token)));

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
        // For looking at the seeded database afterwards (EXPLAIN QUERY PLAN and the like).
        if (Environment.GetEnvironmentVariable("BENCH_KEEP_DATABASE") is { Length: > 0 } keep)
        {
            File.Copy(DatabaseFile, keep, overwrite: true);
        }

        _data.Dispose();
        _static.Dispose();
    }

    [GeneratedRegex(@"confirm\?token=([A-Za-z0-9_\-%]+)")]
    private static partial Regex TokenPattern();
}
