using System.Diagnostics;

namespace HanZhao.Recruit.Testing;

/// <summary>
/// The npm packages the tests and the benchmark run (smtp-server, axe-core, html-validate), installed from
/// <c>tests/package-lock.json</c> the first time they are needed, so `dotnet test` or the benchmark
/// works on a fresh clone without ./test.sh having run first.
/// </summary>
public static class NodePackages
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _installed;

    public static async Task EnsureInstalledAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_installed || IsInstalled())
            {
                _installed = true;
                return;
            }

            // Both test projects run at once, each in its own process: a lock file keeps the second
            // one from installing into the same folder while the first does.
            await using var lockFile = await OpenLockAsync();
            if (!IsInstalled())
            {
                await RunNpmCiAsync();
            }

            _installed = true;
        }
        finally
        {
            Once.Release();
        }
    }

    private static bool IsInstalled() =>
        File.Exists(Path.Combine(RepositoryPaths.Tests, "node_modules", "smtp-server", "package.json"))
        && File.Exists(Path.Combine(RepositoryPaths.Tests, "node_modules", "axe-core", "axe.min.js"))
        && File.Exists(Path.Combine(RepositoryPaths.Tests, "node_modules", "html-validate", "package.json"));

    private static async Task<FileStream> OpenLockAsync()
    {
        var path = Path.Combine(RepositoryPaths.Tests, ".npm-install.lock");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (clock.Elapsed < Patience.Limit)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task RunNpmCiAsync()
    {
        var start = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "ci", "--prefix", RepositoryPaths.Tests, "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start: is Node.js installed? ./test.sh installs it.");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci --prefix tests failed ({npm.ExitCode}): {await output}{await errors}");
        }
    }
}
