using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>What a person checks on any page: the picture, the width, accessibility and valid markup.</summary>
public static class PageChecks
{
    private static readonly string AxeScript = Path.Combine(RepositoryPaths.Tests, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Runs html-validate (npm) with the rules it names; see the comments there for the rules switched off.</summary>
    private static readonly string HtmlValidateScript = Path.Combine(RepositoryPaths.Tests, "html-validate", "validate.mjs");

    /// <summary>Saves a full-page screenshot under TestResults/screenshots and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(RepositoryPaths.TestOutput("screenshots"), name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>True when the page is no wider than the viewport (no sideways scrolling on a phone).</summary>
    public static Task<bool> FitsViewportWidthAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>Runs axe-core (from npm) for WCAG 2.1 A and AA; returns one line per violation.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(this IPage page)
    {
        if (!File.Exists(AxeScript))
        {
            throw new InvalidOperationException($"{AxeScript} missing. Run ./test.sh, which runs npm ci in tests/.");
        }

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return [.. json.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>
    /// Runs html-validate over pages as the server sent them (not the browser's DOM, which repairs
    /// markup); returns one line per error: page, rule, message, where.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MarkupErrorsAsync(IEnumerable<(string Name, string Html)> pages)
    {
        await NodePackages.EnsureInstalledAsync();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Tests,
        };
        start.ArgumentList.Add(HtmlValidateScript);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(pages.Select(p => new { name = p.Name, html = p.Html })));
        node.StandardInput.Close();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"html-validate failed ({node.ExitCode}): {await errors}");
        }

        using var report = JsonDocument.Parse(await output);
        return [.. report.RootElement.EnumerateArray().SelectMany(page => page.GetProperty("messages").EnumerateArray().Select(m =>
            $"{page.GetProperty("name").GetString()}: {m.GetProperty("rule").GetString()}: {m.GetProperty("message").GetString()}"
            + $" at {m.GetProperty("line").GetInt32()}:{m.GetProperty("column").GetInt32()} ({m.GetProperty("selector").ToString()})"))];
    }
}
