namespace HanZhao.Recruit.EndToEnd;

/// <summary>
/// One headless Chromium per test class: the system's browser (Debian package <c>chromium</c>,
/// or <c>CHROMIUM_PATH</c>), never a downloaded one. The flags keep it from reaching out to the
/// network, which this machine does not have.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ExecutablePath}. Run ./test.sh, which installs Debian's chromium package.");
        }

        await NodePackages.EnsureInstalledAsync();
        // Expectations (Expect(...).ToHaveTextAsync…) retry as long as any wait, not 5 s (see NewContextAsync).
        Assertions.SetDefaultExpectTimeout(PatienceMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh context (no cookies) with the given viewport; CSP bypassed only so axe-core can be injected.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width, int height = 900, string locale = "en-US", ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            BypassCSP = true,
            ColorScheme = colorScheme,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// THE way a test opens a browser context. Every wait of the context (navigation, load states,
    /// clicks) waits as long as any test waits (Patience.Limit), not Playwright's 30 s: on a loaded
    /// machine a page can take longer than that, and a slow machine must not decide an outcome.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(PatienceMilliseconds);
        context.SetDefaultNavigationTimeout(PatienceMilliseconds);
        return context;
    }

    private static float PatienceMilliseconds => (float)Patience.Limit.TotalMilliseconds;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
